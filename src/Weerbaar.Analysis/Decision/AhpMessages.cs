using System.Globalization;

namespace Weerbaar.Analysis.Decision;

/// <summary>Dutch number formatting for the decision messages.</summary>
internal static class AhpMessages
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static string Ratio(double value) => value.ToString("0.00", Dutch);

    public static string Number(double value) => value.ToString("0.####", Dutch);
}
