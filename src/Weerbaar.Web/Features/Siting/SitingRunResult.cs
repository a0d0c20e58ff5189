using Weerbaar.Analysis.Coverage;
using Weerbaar.Analysis.Siting;

namespace Weerbaar.Web.Features.Siting;

/// <summary>
/// Coverage of one plan (the existing points plus the new sites of an answer), computed by the same
/// <see cref="CoverageModel"/> as the coverage page, so the figures of a run and of the page agree.
/// </summary>
public sealed record SitingPlanFigures(
    int NewSites, int Points, int ResidentsCovered, int ResidentsLocated, double ShareCovered, double? MeanDistanceMeters,
    double NotSelfReliantCovered, double ShareNotSelfReliantCovered, int HighVulnerabilityCovered, int HighVulnerabilityResidents,
    int PointsNeeded, int PointsMissing);

/// <summary>A site in the result: existing, or a candidate chosen by the optimum and/or the greedy answer.</summary>
public sealed record SitingResultSite(
    int Index, string Name, double Latitude, double Longitude, bool Existing, bool Optimal, bool Greedy, Guid? CandidateId, string? BuurtCode,
    int? Capacity, int ResidentsNearest, string? GemeenteCode = null);

/// <summary>A buurt in the result: its distance to the nearest point now, in the optimum and in the greedy answer (metres, null when none).</summary>
public sealed record SitingResultBuurt(
    string Code, string Name, int Residents, double? Latitude, double? Longitude, bool HighVulnerability, double? Now, double? Optimal, double? Greedy);

/// <summary>The answer of one greedy or optimal solve, for display (NaN and infinity become null in JSON).</summary>
public sealed record SitingAnswer(string Status, string StatusLabel, string Message, double? Objective, double? BestBound, double? Gap, double Seconds, SitingPlanFigures Figures);

/// <summary>What a siting job stores: the request, the norms, the current plan, the optimum next to the greedy answer, sites and buurten.</summary>
public sealed record SitingRunResult(
    string Gemeentecode, string GemeenteName, SitingRunRequest Request, string Description, CoverageNorms Norms, string ObjectiveUnit,
    SitingPlanFigures Current, SitingAnswer Optimal, SitingAnswer Greedy,
    IReadOnlyList<SitingResultSite> Sites, IReadOnlyList<SitingResultBuurt> Buurten,
    int Candidates, int ExistingWithoutLocation, int BuurtenWithoutLocation, int ResidentsWithoutLocation)
{
    public IEnumerable<SitingResultSite> NewOptimal => Sites.Where(s => !s.Existing && s.Optimal);
    public IEnumerable<SitingResultSite> NewGreedy => Sites.Where(s => !s.Existing && s.Greedy);
    public bool IsNational => Gemeentecode == SitingRunStarter.NationalCode;
    public bool HasAnswer => Optimal.Status is nameof(SitingStatus.Optimal) or nameof(SitingStatus.Feasible) or nameof(SitingStatus.Cancelled);

    public static string StatusLabel(SitingStatus status) => status switch
    {
        SitingStatus.Optimal => "Optimaal (bewezen)",
        SitingStatus.Feasible => "Oplossing, optimaliteit niet bewezen",
        SitingStatus.Infeasible => "Onmogelijk",
        SitingStatus.NoSolution => "Geen oplossing gevonden",
        SitingStatus.Cancelled => "Afgebroken",
        SitingStatus.Invalid => "Ongeldige invoer",
        _ => status.ToString(),
    };
}
