using System.Globalization;

namespace Weerbaar.Analysis.Planning;

/// <summary>Dutch formatting for the planning messages.</summary>
internal static class PlanMessages
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static string Date(DateOnly value) => value.ToString("d MMMM yyyy", Dutch);
}
