using Weerbaar.Web.Shared;

namespace Weerbaar.Web.Features.Programme.Planning;

/// <summary>Dutch dates, FTE and euros as the planning pages show them.</summary>
public static class PlanningFormat
{
    private static readonly string[] ShortMonths = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Format.Dutch);

    public static string Month(DateOnly month) => month.ToString("MMMM yyyy", Format.Dutch);

    public static string ShortMonth(int month) => ShortMonths[month - 1];

    /// <summary>"1,5 fte", "2 fte": at most two decimals, none when whole.</summary>
    public static string Fte(double fte) => $"{Number(fte)} fte";

    public static string Number(double value) => Math.Round(value, 2).ToString("0.##", Format.Dutch);

    /// <summary>"€ 120.000", with cents only when there are any.</summary>
    public static string Money(decimal amount) => "€ " + amount.ToString(decimal.Truncate(amount) == amount ? "N0" : "N2", Format.Dutch);

    public static string Days(int days) => $"{days} {(Math.Abs(days) == 1 ? "dag" : "dagen")}";
}
