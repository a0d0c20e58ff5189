using Weerbaar.Analysis.SelfReliance;
using Weerbaar.Web.Shared;

namespace Weerbaar.Web.Features.SelfReliance;

/// <summary>One Dutch sentence per buurt and one for the gemeente that say what the estimate is made of.</summary>
public static class SelfRelianceSentences
{
    /// <summary>Estimates are shown as whole people: the inputs (CBS counts rounded to 5, assumed shares) carry no more precision.</summary>
    public static int People(double value) => (int)Math.Round(value, MidpointRounding.AwayFromZero);

    public static string ForBuurt(string name, int? residents, bool hasAges, SelfRelianceEstimate e)
    {
        var parts = Parts(e);
        if (residents is null or 0 || !hasAges)
        {
            var why = residents is null or 0 ? "het CBS heeft geen inwonerscijfers van deze buurt" : "het CBS houdt de leeftijdscijfers van deze buurt geheim";
            return parts.Count == 0
                ? $"{name}: geen schatting, want {why}."
                : $"{name}: {why}; alleen het register telt mee: {Join(parts)}.";
        }
        var total = People(e.Total);
        if (total == 0)
        {
            return $"{name}: naar schatting kan geen van de {Format.Number(residents)} inwoners zich 72 uur niet zelf redden.";
        }
        var share = Format.Percent(e.Total / residents.Value);
        var capped = e.Capped ? " (de groepen overlappen; begrensd op het aantal inwoners)" : "";
        return $"{name}: naar schatting {Format.Number(total)} van de {Format.Number(residents)} inwoners ({share}) kunnen zich niet 72 uur zelf redden{capped} — {Join(parts)}.";
    }

    public static string ForGemeente(string name, int residents, SelfRelianceResult result, bool registerVisible, int withoutBuurt)
    {
        var total = People(result.Total);
        var text = $"In {name} kunnen naar schatting {Format.Number(total)} van de {Format.Number(residents)} inwoners ({Format.Percent(residents > 0 ? result.Total / residents : 0)}) zich niet 72 uur zelf redden.";
        if (result.Unplaced is { } u && People(u.Total) > 0)
        {
            text += $" Daarvan staan er {Format.Number(People(u.Total))} in het register zonder buurt.";
        }
        if (withoutBuurt > 0)
        {
            text += $" {Format.Number(withoutBuurt)} inwoners wonen in buurten waarvan het CBS geen cijfers publiceert; zij zijn niet meegeteld.";
        }
        if (!registerVisible)
        {
            text += " Het register kwetsbare locaties telt hier niet mee: dat zien alleen de gemeente en haar veiligheidsregio.";
        }
        return text;
    }

    private static List<string> Parts(SelfRelianceEstimate e)
    {
        var parts = new List<string>();
        Add(parts, e.FromOlder75Alone, "alleenwonende 75-plussers");
        Add(parts, e.FromOtherOlder, "andere 65-plussers");
        Add(parts, e.FromUnder65, "inwoners jonger dan 65 met een zorgvraag");
        Add(parts, e.AtHomeDependent, "thuis afhankelijk van dialyse of beademing");
        Add(parts, e.InInstitutions, "in instellingen die het geen 72 uur zonder stroom of water redden");
        return parts;
    }

    private static void Add(List<string> parts, double value, string what)
    {
        if (People(value) > 0)
        {
            parts.Add($"{Format.Number(People(value))} {what}");
        }
    }

    private static string Join(List<string> parts) => parts.Count switch
    {
        0 => "niemand",
        1 => parts[0],
        _ => string.Join(", ", parts[..^1]) + " en " + parts[^1],
    };
}
