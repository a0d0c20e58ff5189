namespace Weerbaar.Analysis.SelfReliance;

/// <summary>
/// The assumptions behind the "niet 72 uur zelfredzaam" estimate, as shares (0–1) and an hour threshold. Every value is
/// shown to and adjustable by the gemeente's coordinator: they are local knowledge, not facts.
/// </summary>
/// <param name="Share75PlusOf65Plus">Share of the 65-plussers who are 75 or older (CBS publishes 65+ per buurt, not 75+).</param>
/// <param name="ShareAloneOf75Plus">Share of 75-plussers who live alone.</param>
/// <param name="ShareNotReliantOf75PlusAlone">Share of the 75-plussers living alone who cannot cope 72 hours without help.</param>
/// <param name="ShareNotReliantOfOtherOlder">Share of the other 65-plussers (65–74, or 75+ living with others) who cannot.</param>
/// <param name="ShareNotReliantUnder65">Share of residents under 65 (chronically ill, disabled, living at home) who cannot.</param>
/// <param name="InstitutionHours">Residents of an institution count when it copes fewer hours than this without power or water (or did not say).</param>
public sealed record SelfRelianceAssumptionValues(
    double Share75PlusOf65Plus,
    double ShareAloneOf75Plus,
    double ShareNotReliantOf75PlusAlone,
    double ShareNotReliantOfOtherOlder,
    double ShareNotReliantUnder65,
    int InstitutionHours);

/// <summary>A buurt's population from CBS (65+ counts are rounded to 5 by CBS).</summary>
public sealed record SelfRelianceArea(string Code, int Residents, int Age65Plus);

/// <summary>People from the vulnerable locations register, located in a buurt (<paramref name="AreaCode"/>) or only in the gemeente (null).</summary>
/// <param name="AtHome">An aggregated count of people at home who depend on equipment (dialysis, ventilation): they always count.</param>
/// <param name="Residential">A place where people stay day and night (care home, hospital, prison); day-time places (school) do not count.</param>
public sealed record SelfRelianceRegisterEntry(string? AreaCode, int People, bool AtHome, bool Residential, int? HoursWithoutPower, int? HoursWithoutWater);

/// <summary>The estimate for one buurt (or, with a null code, for register entries not placed in a buurt).</summary>
public sealed record SelfRelianceEstimate(
    string? AreaCode,
    int Residents,
    double Older75Alone,
    double FromOlder75Alone,
    double FromOtherOlder,
    double FromUnder65,
    int AtHomeDependent,
    int InInstitutions,
    double Total,
    bool Capped)
{
    public double? Share => Residents > 0 ? Total / Residents : null;
}

public sealed record SelfRelianceResult(IReadOnlyList<SelfRelianceEstimate> Areas, SelfRelianceEstimate? Unplaced, double Total);

/// <summary>
/// Estimates, per buurt, how many residents likely cannot look after themselves for 72 hours:
/// alone-living 75-plussers × their share, other 65-plussers and residents under 65 × their shares, plus everyone the
/// register counts at home on equipment and the residents of institutions that cannot hold out for the threshold.
/// The groups can overlap (a care-home resident is also a CBS 65-plusser); the sum is capped at the buurt's residents,
/// so the estimate leans high rather than low — which is the safe side for planning help.
/// </summary>
public static class SelfRelianceModel
{
    public static SelfRelianceResult Estimate(
        IReadOnlyList<SelfRelianceArea> areas, IReadOnlyList<SelfRelianceRegisterEntry> register, SelfRelianceAssumptionValues a)
    {
        var byArea = register.Where(r => r.AreaCode is not null).ToLookup(r => r.AreaCode!, StringComparer.Ordinal);
        var known = areas.Select(x => x.Code).ToHashSet(StringComparer.Ordinal);
        var estimates = new List<SelfRelianceEstimate>(areas.Count);
        foreach (var area in areas)
        {
            estimates.Add(ForArea(area.Code, area.Residents, area.Age65Plus, byArea[area.Code], a, cap: true));
        }
        var unplaced = register.Where(r => r.AreaCode is null || !known.Contains(r.AreaCode)).ToList();
        var rest = unplaced.Count > 0 ? ForArea(null, 0, 0, unplaced, a, cap: false) : null;
        return new SelfRelianceResult(estimates, rest, estimates.Sum(e => e.Total) + (rest?.Total ?? 0));
    }

    private static SelfRelianceEstimate ForArea(string? code, int residents, int age65Plus,
        IEnumerable<SelfRelianceRegisterEntry> register, SelfRelianceAssumptionValues a, bool cap)
    {
        var older75Alone = age65Plus * a.Share75PlusOf65Plus * a.ShareAloneOf75Plus;
        var fromAlone = older75Alone * a.ShareNotReliantOf75PlusAlone;
        var fromOtherOlder = (age65Plus - older75Alone) * a.ShareNotReliantOfOtherOlder;
        var fromUnder65 = Math.Max(0, residents - age65Plus) * a.ShareNotReliantUnder65;
        int atHome = 0, institutions = 0;
        foreach (var r in register)
        {
            if (r.AtHome)
            {
                atHome += r.People;
            }
            else if (r.Residential && CannotHoldOut(r, a.InstitutionHours))
            {
                institutions += r.People;
            }
        }
        var total = fromAlone + fromOtherOlder + fromUnder65 + atHome + institutions;
        var capped = cap && total > residents;
        return new SelfRelianceEstimate(code, residents, older75Alone, fromAlone, fromOtherOlder, fromUnder65, atHome, institutions,
            capped ? residents : total, capped);
    }

    // A location that did not say how long it holds out is counted: unknown is not the same as prepared.
    private static bool CannotHoldOut(SelfRelianceRegisterEntry r, int hours)
        => r.HoursWithoutPower is not { } p || r.HoursWithoutWater is not { } w || p < hours || w < hours;
}
