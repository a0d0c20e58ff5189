using Weerbaar.Analysis.SelfReliance;

namespace Weerbaar.Web.Features.SelfReliance;

/// <summary>A buurt's estimate with its name and the sentence that explains it.</summary>
public sealed record BuurtSelfReliance(string Code, string Name, int? Residents, int? Age65Plus, SelfRelianceEstimate Estimate, string Sentence);

/// <summary>The "niet 72 uur zelfredzaam" estimate of one gemeente, with the assumptions it used.</summary>
/// <param name="RegisterVisible">Whether the vulnerable locations register counted (only for the gemeente and its region).</param>
/// <param name="ResidentsWithoutBuurt">Residents of the gemeente in buurten the CBS file lacks (secret figures): not estimated.</param>
public sealed record GemeenteSelfReliance(
    string GemeenteCode,
    string GemeenteName,
    int Residents,
    IReadOnlyList<SelfRelianceAssumptionValue> Assumptions,
    int AssumptionsVersion,
    string? AssumptionsUpdatedBy,
    DateTimeOffset? AssumptionsUpdatedAt,
    IReadOnlyList<BuurtSelfReliance> Buurten,
    SelfRelianceEstimate? Unplaced,
    double Total,
    bool RegisterVisible,
    int ResidentsWithoutBuurt,
    string Summary);
