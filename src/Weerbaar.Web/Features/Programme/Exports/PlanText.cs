using Weerbaar.Web.Shared;

namespace Weerbaar.Web.Features.Programme.Exports;

/// <summary>Dutch formatting of the programmaplan: money, days, FTE.</summary>
public static class PlanText
{
    /// <summary>"€ 12.500" (whole euros; the plan does not budget cents).</summary>
    public static string Money(decimal amount) => (amount < 0 ? "−€ " : "€ ") + Math.Abs(Math.Round(amount, 0, MidpointRounding.AwayFromZero)).ToString("N0", Format.Dutch);

    /// <summary>"3 maart 2027".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Format.Dutch);

    /// <summary>"3 mrt. 2027": short enough for a table column, and breaks between words only.</summary>
    public static string ShortDate(DateOnly date) => date.ToString("d MMM yyyy", Format.Dutch);

    public static string Fte(double fte) => Format.Number(fte, 2) + " fte";

    public static string Days(int days) => $"{Format.Number(days)} dag{(Math.Abs(days) == 1 ? "" : "en")}";

    public static string Month(DateOnly month) => month.ToString("MMMM yyyy", Format.Dutch);

    public static string ReviewCycle(int months) => months switch
    {
        1 => "elke maand",
        3 => "elk kwartaal",
        6 => "elk half jaar",
        12 => "elk jaar",
        _ => $"elke {months} maanden",
    };
}
