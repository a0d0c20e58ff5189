using Weerbaar.Analysis.Coverage;

namespace Weerbaar.Web.Features.Siting;

/// <summary>A buurt as demand: its residents, place (null when it has none), the 72-hour estimate and whether it is index class 4.</summary>
public sealed record SitingArea(string Code, string Name, int Residents, double? Latitude, double? Longitude, double NotSelfReliant, bool HighVulnerability);

/// <summary>An existing noodsteunpunt (kept, never moved); one without coordinates counts in the number of points only.</summary>
public sealed record SitingExisting(Guid Id, string Name, string Status, double? Latitude, double? Longitude);

/// <summary>A place the model may open: an own candidate (with its id) or a buurt point (with its buurt).</summary>
public sealed record SitingCandidateSite(Guid? CandidateId, string? BuurtCode, string Name, double Latitude, double Longitude, int? Capacity, string? GemeenteCode = null)
{
    /// <summary>The gemeente of a CBS buurt code (BU03440111 → GM0344).</summary>
    public static string GemeenteOf(string buurtCode) => "GM" + buurtCode[2..6];
}

/// <summary>
/// Everything a siting run needs, taken when the user starts it (with the user's rights), so the job computes on a
/// fixed picture: later edits of the register do not change a run, and the worker needs no tenant scope.
/// </summary>
public sealed record SitingJobInput(
    string Gemeentecode, string GemeenteName, int GemeenteResidents, SitingRunRequest Request, CoverageNorms Norms,
    IReadOnlyList<SitingArea> Areas, IReadOnlyList<SitingExisting> Existing, IReadOnlyList<SitingCandidateSite> Candidates)
{
    public const string Kind = "siting";
}
