using System.Globalization;
using Weerbaar.Analysis.SelfReliance;
using Weerbaar.Web.Features.Accounts;

namespace Weerbaar.Web.Features.SelfReliance;

/// <summary>One adjustable assumption: shares are stored as fractions (0–1) and shown as percentages.</summary>
public sealed record SelfRelianceAssumption(string Key, string Label, string Explanation, double Default, bool IsShare);

/// <summary>An assumption with the gemeente's value (or the default) for display and the API.</summary>
public sealed record SelfRelianceAssumptionValue(string Key, string Label, string Explanation, double Value, double Default, bool IsShare)
{
    public bool IsDefault => Value.Equals(Default);
}

/// <summary>
/// The assumptions of the "niet 72 uur zelfredzaam" estimate with their defaults and where each default comes from.
/// Only two rest on national statistics; the others are stated as assumptions for the gemeente to replace.
/// </summary>
public static class SelfRelianceAssumptionCatalog
{
    public const string Share75PlusOf65Plus = "share75PlusOf65Plus";
    public const string ShareAloneOf75Plus = "shareAloneOf75Plus";
    public const string ShareNotReliantOf75PlusAlone = "shareNotReliantOf75PlusAlone";
    public const string ShareNotReliantOfOtherOlder = "shareNotReliantOfOtherOlder";
    public const string ShareNotReliantUnder65 = "shareNotReliantUnder65";
    public const string InstitutionHours = "institutionHours";

    public static readonly IReadOnlyList<SelfRelianceAssumption> All =
    [
        new(Share75PlusOf65Plus, "Aandeel 75-plussers onder de 65-plussers",
            "Het CBS geeft per buurt het aantal 65-plussers, niet het aantal 75-plussers. Landelijk was op 1 januari 2024 ongeveer 46% van de 65-plussers 75 jaar of ouder (CBS, bevolking naar leeftijd). Gebruik een lokaal cijfer als u dat heeft.",
            0.46, true),
        new(ShareAloneOf75Plus, "Aandeel alleenwonenden onder de 75-plussers",
            "Ongeveer vier op de tien 75-plussers in een particulier huishouden wonen alleen (orde van grootte uit de CBS-huishoudensstatistiek; bij vrouwen meer dan bij mannen). Vervang door het lokale cijfer.",
            0.42, true),
        new(ShareNotReliantOf75PlusAlone, "Alleenwonende 75-plussers die zich geen 72 uur redden",
            "Aanname zonder landelijke bron: het deel dat door mobiliteit, zorg of medicijnen na uitval van stroom, water of telefoon hulp nodig heeft. Stel dit vast met het wijkteam en de Wmo-gegevens.",
            0.30, true),
        new(ShareNotReliantOfOtherOlder, "Overige 65-plussers die zich geen 72 uur redden",
            "Aanname: 65- tot 75-jarigen en 75-plussers die samenwonen, met een zorgvraag die zonder hulp niet 72 uur op te vangen is.",
            0.05, true),
        new(ShareNotReliantUnder65, "Inwoners jonger dan 65 die zich geen 72 uur redden",
            "Aanname: chronisch zieken en mensen met een beperking die thuis wonen. Tel thuisdialyse en thuisbeademing niet hier mee; die komen uit het register kwetsbare locaties.",
            0.02, true),
        new(InstitutionHours, "Grens voor instellingen (uren zonder stroom of water)",
            "Bewoners van een instelling (verpleeghuis, ziekenhuis, gevangenis …) tellen mee als de instelling het korter dan dit aantal uren zonder stroom of water redt, of dat niet heeft opgegeven. 72 uur is de norm van de landelijke campagne ‘Denk vooruit’.",
            72, false),
    ];

    public static SelfRelianceAssumption? Find(string key) => All.FirstOrDefault(a => a.Key == key);

    /// <summary>The gemeente's stored values (invariant-culture numbers) merged with the defaults.</summary>
    public static IReadOnlyList<SelfRelianceAssumptionValue> Resolve(IReadOnlyDictionary<string, string>? stored)
        => All.Select(a => new SelfRelianceAssumptionValue(a.Key, a.Label, a.Explanation,
                stored is not null && stored.TryGetValue(a.Key, out var s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : a.Default,
                a.Default, a.IsShare))
            .ToList();

    public static SelfRelianceAssumptionValues ToModel(IReadOnlyList<SelfRelianceAssumptionValue> values)
    {
        double V(string key) => values.First(v => v.Key == key).Value;
        return new SelfRelianceAssumptionValues(V(Share75PlusOf65Plus), V(ShareAloneOf75Plus), V(ShareNotReliantOf75PlusAlone),
            V(ShareNotReliantOfOtherOlder), V(ShareNotReliantUnder65), (int)V(InstitutionHours));
    }

    /// <summary>Checks new values (shares as fractions 0–1, hours a whole number 0–720); every error is returned.</summary>
    public static List<FieldError> Validate(IReadOnlyDictionary<string, double?> values)
    {
        var errors = new List<FieldError>();
        foreach (var key in values.Keys.Where(k => Find(k) is null))
        {
            errors.Add(new FieldError(key, $"‘{key}’ is geen bekende aanname; kies uit {string.Join(", ", All.Select(a => a.Key))}."));
        }
        foreach (var a in All)
        {
            if (!values.TryGetValue(a.Key, out var v) || v is null)
            {
                continue; // not given: keeps its current value
            }
            if (a.IsShare && (double.IsNaN(v.Value) || v < 0 || v > 1))
            {
                errors.Add(new FieldError(a.Key, $"{a.Label}: geef een percentage tussen 0 en 100."));
            }
            else if (!a.IsShare && (v < 0 || v > 720 || v != Math.Floor(v.Value)))
            {
                errors.Add(new FieldError(a.Key, $"{a.Label}: geef een heel aantal uren tussen 0 en 720."));
            }
        }
        return errors;
    }
}
