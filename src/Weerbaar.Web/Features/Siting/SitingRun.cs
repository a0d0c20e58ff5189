using Weerbaar.Analysis.Coverage;
using Weerbaar.Analysis.Geo;
using Weerbaar.Analysis.Siting;

namespace Weerbaar.Web.Features.Siting;

/// <summary>Runs the optimum and the greedy answer on a <see cref="SitingJobInput"/> and describes both against the current plan.</summary>
public static class SitingRun
{
    public static SitingRunResult Compute(SitingJobInput input, IProgress<SitingProgress>? progress, CancellationToken ct)
    {
        var request = input.Request;
        var model = request.SitingModel ?? throw new InvalidOperationException("Unknown model.");
        var located = input.Areas.Where(a => a.Latitude is not null && a.Residents > 0).ToList();
        var demand = located.Select(a => new SitingDemand(a.Code, a.Latitude!.Value, a.Longitude!.Value, a.Residents,
            1 + Math.Min(a.NotSelfReliant, a.Residents) / a.Residents)).ToList();
        var existing = input.Existing.Where(e => e.Latitude is not null).ToList();
        double? capacity(int? own) => request.UseCapacity ? own ?? input.Norms.ResidentsPerPoint : null;
        var sites = existing.Select(e => new SitingSite(e.Id.ToString(), e.Latitude!.Value, e.Longitude!.Value, true, capacity(null)))
            .Concat(input.Candidates.Select((c, i) => new SitingSite("k" + i, c.Latitude, c.Longitude, false, capacity(c.Capacity))))
            .ToList();
        var options = new SitingOptions(model.Objective, request.NewSites ?? 0, input.Norms.NormDistanceMeters, input.Norms.DetourFactor,
            (request.TargetPercent ?? 90) / 100, request.WeightByVulnerability, request.UseCapacity, TimeSpan.FromSeconds(request.TimeLimit));

        var greedy = GreedySiting.Solve(demand, sites, options);
        var optimal = SitingSolver.Solve(demand, sites, options, progress, ct);

        var (current, now) = Figures(input, []);
        var (optimalFigures, optimalPlan) = Figures(input, optimal.NewSites.Select(i => sites[i]).ToList());
        var (greedyFigures, greedyPlan) = Figures(input, greedy.NewSites.Select(i => sites[i]).ToList());
        var optimalSet = optimal.OpenSites.ToHashSet();
        var greedySet = greedy.OpenSites.ToHashSet();
        var plan = optimal.OpenSites.Count > 0 ? optimal.OpenSites : SitingInputFixed(sites);
        var served = NearestCounts(located, sites, plan, input.Norms.DetourFactor);
        var resultSites = sites.Select((s, i) => (s, i)).Where(x => x.s.Fixed || optimalSet.Contains(x.i) || greedySet.Contains(x.i)).Select(x =>
        {
            var (s, i) = x;
            var candidate = s.Fixed ? null : input.Candidates[i - existing.Count];
            return new SitingResultSite(i, s.Fixed ? existing[i].Name : candidate!.Name, s.Latitude, s.Longitude, s.Fixed,
                optimalSet.Contains(i), greedySet.Contains(i), candidate?.CandidateId, candidate?.BuurtCode, s.Capacity is { } cap ? (int)cap : candidate?.Capacity, served.GetValueOrDefault(i), candidate?.GemeenteCode);
        }).ToList();

        // Distances per buurt from the same coverage evaluation as the figures (areas keep the input's order); buurten
        // without residents are not demand and get none.
        var demanded = located.Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
        double? Distance(CoverageResult plan, int i) => demanded.Contains(input.Areas[i].Code) ? plan.Areas[i].DistanceMeters : null;
        var buurten = input.Areas.Select((a, i) => new SitingResultBuurt(a.Code, a.Name, a.Residents, a.Latitude, a.Longitude, a.HighVulnerability,
            Distance(now, i), Distance(optimalPlan, i), Distance(greedyPlan, i))).ToList();
        var without = input.Areas.Where(a => a.Latitude is null).ToList();
        return new SitingRunResult(input.Gemeentecode, input.GemeenteName, request, request.Describe(), input.Norms, ObjectiveUnit(model.Objective, request.WeightByVulnerability),
            current, Answer(optimal, optimalFigures), Answer(greedy, greedyFigures),
            resultSites, buurten, input.Candidates.Count, input.Existing.Count(e => e.Latitude is null), without.Count, without.Sum(a => a.Residents));
    }

    private static List<int> SitingInputFixed(List<SitingSite> sites) => sites.Select((s, i) => (s, i)).Where(x => x.s.Fixed).Select(x => x.i).ToList();

    private static string ObjectiveUnit(SitingObjective objective, bool weighted) => objective switch
    {
        SitingObjective.MaximalCovering => weighted ? "gewogen inwoners binnen de normafstand (kwetsbaren dubbel)" : "inwoners binnen de normafstand",
        SitingObjective.PMedian => weighted ? "gewogen inwonermeters (som van inwoners × afstand, kwetsbaren dubbel)" : "inwonermeters (som van inwoners × afstand)",
        _ => "nieuwe noodsteunpunten",
    };

    private static SitingAnswer Answer(SitingResult r, SitingPlanFigures figures) => new(
        r.Status.ToString(), SitingRunResult.StatusLabel(r.Status), r.Message, Finite(r.Objective), Finite(r.BestBound), Finite(r.Gap), r.Elapsed.TotalSeconds, figures);

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    /// <summary>Coverage with the existing points plus <paramref name="added"/>, on the coverage page's model.</summary>
    private static (SitingPlanFigures Figures, CoverageResult Plan) Figures(SitingJobInput input, List<SitingSite> added)
    {
        var points = input.Existing.Select(e => new CoveragePoint(e.Id.ToString(), e.Latitude, e.Longitude))
            .Concat(added.Select(s => new CoveragePoint(s.Id, s.Latitude, s.Longitude))).ToList();
        var areas = input.Areas.Select(a => new CoverageArea(a.Code, a.Residents, a.Latitude, a.Longitude, a.NotSelfReliant, a.HighVulnerability)).ToList();
        var r = CoverageModel.Compute(input.GemeenteResidents, areas, points, input.Norms);
        var reached = r.Areas.Where(a => a.DistanceMeters is not null).ToList();
        double? mean = reached.Count > 0 && reached.Count == r.Areas.Count(a => a.HasLocation) && reached.Sum(a => a.Residents) > 0
            ? reached.Sum(a => a.Residents * a.DistanceMeters!.Value) / reached.Sum(a => a.Residents)
            : null;
        return (new SitingPlanFigures(added.Count, r.Points, r.ResidentsCovered, r.ResidentsLocated, r.ShareCovered ?? 0, mean,
            r.NotSelfReliantCovered, r.ShareNotSelfReliantCovered ?? 0, r.HighVulnerabilityCovered, r.HighVulnerabilityResidents, r.PointsNeeded, r.PointsMissing), r);
    }

    /// <summary>Residents whose nearest open site is each site (the map's and table's "inwoners dichtstbij").</summary>
    private static Dictionary<int, int> NearestCounts(IReadOnlyList<SitingArea> areas, List<SitingSite> sites, IReadOnlyList<int> open, double detour)
    {
        var counts = new Dictionary<int, int>();
        if (open.Count == 0)
        {
            return counts;
        }
        foreach (var a in areas)
        {
            var nearest = open.MinBy(i => GeoDistance.HaversineMeters(a.Latitude!.Value, a.Longitude!.Value, sites[i].Latitude, sites[i].Longitude));
            counts[nearest] = counts.GetValueOrDefault(nearest) + a.Residents;
        }
        return counts;
    }
}
