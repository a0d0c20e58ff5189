using System.Globalization;

namespace Weerbaar.Analysis.Siting;

/// <summary>The Dutch sentences of a result, for a municipal coordinator.</summary>
internal static class SitingMessages
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static string Share(double share) => (share * 100).ToString("0.0", Dutch) + " %";

    public static string Count(double value) => value.ToString("N0", Dutch);

    /// <summary>How good the answer is, then what it achieves.</summary>
    public static string Describe(SitingProblem p, SitingResult r, bool greedy)
    {
        var quality = r.Status switch
        {
            _ when greedy => "Vuistregel (greedy): telkens de locatie die het meest toevoegt, niet geoptimaliseerd.",
            SitingStatus.Cancelled => "Afgebroken; dit is de beste oplossing tot dat moment.",
            SitingStatus.Optimal when p.RelativeGap > 0 => $"Bewezen binnen {Share(Math.Max(r.Gap, 0))} van het optimum.",
            SitingStatus.Optimal => "Bewezen optimaal.",
            _ when double.IsNaN(r.Gap) => "Niet bewezen optimaal (tijdslimiet bereikt).",
            _ => $"Niet bewezen optimaal (tijdslimiet bereikt); hoogstens {Share(r.Gap)} van het optimum af.",
        };
        var residents = p.Weights.SequenceEqual(p.Residents) ? "inwoners" : "inwoners (gewogen naar kwetsbaarheid)";
        var norm = $"{Count(p.NormDistance)} m";
        var outcome = p.Objective switch
        {
            SitingObjective.MaximalCovering =>
                $"Met {r.NewSites.Count} nieuwe punten woont {Share(r.CoveredShare)} van de {residents} binnen {norm} van een punt.",
            SitingObjective.PMedian =>
                $"Met {r.NewSites.Count} nieuwe punten is de gemiddelde afstand tot het eigen punt {Count(r.Objective / Math.Max(p.TotalWeight, 1e-9))} m (gewogen naar {residents}).",
            _ =>
                $"Met {r.NewSites.Count} nieuwe punten woont {Share(r.CoveredShare)} van de {residents} binnen {norm} van een punt (doel {Share(p.TargetShare)}).",
        };
        return quality + " " + outcome;
    }

    public static string TargetUnreachable(SitingProblem p, double bestShare)
        => $"Het doel van {Share(p.TargetShare)} is niet haalbaar: ook met alle kandidaatlocaties open woont hoogstens "
            + $"{Share(bestShare)} van de inwoners binnen {Count(p.NormDistance)} m van een punt{(p.UseCapacity ? " dat nog plaats heeft" : "")}.";

    public static string CapacityShort(double capacity, double residents)
        => $"Niet haalbaar: de punten kunnen samen hoogstens {Count(capacity)} inwoners opvangen, minder dan de {Count(residents)} inwoners die een punt nodig hebben.";

    public const string CapacityInfeasible = "Niet haalbaar: de capaciteit van de punten is te klein om iedereen een punt te geven.";

    public const string NoSiteOpen = "Niet haalbaar: er is geen bestaand punt en er mogen geen nieuwe punten bij, dus niemand heeft een punt.";

    public const string GreedyFoundNothing = "De vuistregel (greedy) vond geen oplossing die het doel haalt binnen de capaciteit; de optimalisatie kan dat wel proberen.";

    public const string SolverFoundNothing = "De rekentijd was op voordat er een oplossing was gevonden; probeer een ruimere tijdslimiet.";
}
