using System.Globalization;
using Weerbaar.Analysis.Coverage;
using Weerbaar.Web.Features.Accounts;

namespace Weerbaar.Web.Features.Coverage;

/// <summary>One norm with its value and where that value comes from (shown next to every figure that uses it).</summary>
public sealed record CoverageNormValue(string Key, string Label, double Value, double Default, string Unit, string Source, bool IsDefault);

/// <summary>The norms as typed (form or API): null keeps the current value.</summary>
public sealed record CoverageNormInput(string? NormDistanceMeters, string? DetourFactor, string? ResidentsPerPoint);

/// <summary>The three coverage norms, their defaults, allowed ranges and the source of each default.</summary>
public static class CoverageNormCatalog
{
    public const string NormDistance = "normafstand", Detour = "omrijfactor", PerPoint = "inwoners_per_punt";
    public const int MinDistance = 100, MaxDistance = 10_000, MinPerPoint = 500, MaxPerPoint = 100_000;
    public const double MinDetour = 1.0, MaxDetour = 3.0;

    public const string DistanceSource = "Standaard van Weerbaar, als in de regionale pilot noodsteunpunten (OR-Tools, ‘aandeel inwoners binnen 1 km’).";
    public const string DetourSource = "Aanname: de afstand over de weg is hemelsbreed × 1,3 (gangbare omrijfactor in Nederland 1,2–1,4).";
    public const string PerPointSource = "Standaard van Weerbaar: 1 noodsteunpunt per 4.000 inwoners (richtgetal; pas het aan aan het eigen beleid of dat van de veiligheidsregio).";

    public static IReadOnlyList<CoverageNormValue> Describe(CoverageSettings? s)
    {
        var d = CoverageNorms.Default;
        return
        [
            new(NormDistance, "Normafstand", s?.NormDistanceMeters ?? d.NormDistanceMeters, d.NormDistanceMeters, "meter",
                s is null || s.NormDistanceMeters == (int)d.NormDistanceMeters ? DistanceSource : Own(s), s is null || s.NormDistanceMeters == (int)d.NormDistanceMeters),
            new(Detour, "Omrijfactor", s?.DetourFactor ?? d.DetourFactor, d.DetourFactor, "×",
                s is null || s.DetourFactor == d.DetourFactor ? DetourSource : Own(s), s is null || s.DetourFactor == d.DetourFactor),
            new(PerPoint, "Inwoners per noodsteunpunt", s?.ResidentsPerPoint ?? d.ResidentsPerPoint, d.ResidentsPerPoint, "inwoners",
                s is null || s.ResidentsPerPoint == d.ResidentsPerPoint ? PerPointSource : Own(s), s is null || s.ResidentsPerPoint == d.ResidentsPerPoint),
        ];

        static string Own(CoverageSettings s) => $"Vastgesteld door de gemeente ({s.UpdatedBy}, {Shared.Format.DayInAmsterdam(s.UpdatedAt):d-M-yyyy}).";
    }

    public static CoverageNorms Norms(CoverageSettings? s) => s is null
        ? CoverageNorms.Default
        : new CoverageNorms(s.NormDistanceMeters, s.DetourFactor, s.ResidentsPerPoint);

    /// <summary>Every problem of the input, keyed by field; the values to store when there is none.</summary>
    public static (CoverageNorms? Norms, List<FieldError> Errors) Validate(CoverageNormInput input, CoverageNorms current)
    {
        var errors = new List<FieldError>();
        var distance = Number(input.NormDistanceMeters, NormDistance, "De normafstand", MinDistance, MaxDistance, current.NormDistanceMeters, wholeNumber: true, errors);
        var detour = Number(input.DetourFactor, Detour, "De omrijfactor", MinDetour, MaxDetour, current.DetourFactor, wholeNumber: false, errors);
        var perPoint = Number(input.ResidentsPerPoint, PerPoint, "Het aantal inwoners per noodsteunpunt", MinPerPoint, MaxPerPoint, current.ResidentsPerPoint, wholeNumber: true, errors);
        return errors.Count > 0 ? (null, errors) : (new CoverageNorms(distance, detour, (int)perPoint), errors);
    }

    private static double Number(string? text, string field, string label, double min, double max, double current, bool wholeNumber, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return current;
        }
        var normalised = text.Trim().Replace(',', '.');
        var style = wholeNumber ? NumberStyles.AllowLeadingSign : NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
        var range = $"{min.ToString(CultureInfo.GetCultureInfo("nl-NL"))} tot en met {max.ToString("N0", CultureInfo.GetCultureInfo("nl-NL"))}";
        if (!double.TryParse(normalised, style, CultureInfo.InvariantCulture, out var value) || value < min || value > max || double.IsNaN(value))
        {
            errors.Add(new FieldError(field, $"{label} moet een {(wholeNumber ? "geheel getal" : "getal")} van {range} zijn (niet '{text.Trim()}')."));
            return current;
        }
        return value;
    }
}
