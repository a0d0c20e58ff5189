using Weerbaar.Analysis.Siting;
using static Weerbaar.Analysis.Tests.Siting.SitingInstances;

namespace Weerbaar.Analysis.Tests.Siting;

public class SitingValidationTests
{
    private static readonly SitingDemand[] Demand2 = [Demand(0, 10), Demand(500, 10)];
    private static readonly SitingSite[] Sites2 = [Site(0), Site(500)];

    public static TheoryData<string, SitingDemand[], SitingSite[], SitingOptions> Cases() => new()
    {
        { "k < 0", Demand2, Sites2, new(SitingObjective.MaximalCovering, -1) },
        { "k > candidates", Demand2, Sites2, new(SitingObjective.PMedian, 3) },
        { "k > non-fixed candidates", Demand2, [Site(0, isFixed: true), Site(500)], new(SitingObjective.PMedian, 2) },
        { "NaN latitude", [new("X", double.NaN, 5, 1)], Sites2, new(SitingObjective.MaximalCovering, 1) },
        { "NaN site longitude", Demand2, [new("S", 52, double.NaN, false)], new(SitingObjective.MaximalCovering, 1) },
        { "negative weight", [Demand(0, -1)], Sites2, new(SitingObjective.MaximalCovering, 1) },
        { "priority below 1", [Demand(0, 1, 0.5)], Sites2, new(SitingObjective.MaximalCovering, 1) },
        { "negative capacity", Demand2, [Site(0, capacity: -5)], new(SitingObjective.MaximalCovering, 1) },
        { "no demand", [], Sites2, new(SitingObjective.MaximalCovering, 1) },
        { "no sites", Demand2, [], new(SitingObjective.MaximalCovering, 0) },
        { "target above 1", Demand2, Sites2, new(SitingObjective.SetCovering, 0, TargetShare: 1.5) },
        { "zero norm", Demand2, Sites2, new(SitingObjective.MaximalCovering, 1, NormDistanceMeters: 0) },
        { "detour below 1", Demand2, Sites2, new(SitingObjective.MaximalCovering, 1, DetourFactor: 0.5) },
        { "negative gap", Demand2, Sites2, new(SitingObjective.MaximalCovering, 1, RelativeGap: -0.1) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Invalid_input_gives_status_Invalid_with_a_Dutch_message(string name, SitingDemand[] demand, SitingSite[] sites, SitingOptions options)
    {
        var optimum = SitingSolver.Solve(demand, sites, options);
        var greedy = GreedySiting.Solve(demand, sites, options);

        Assert.True(optimum.Status == SitingStatus.Invalid, name);
        Assert.Equal(SitingStatus.Invalid, greedy.Status);
        Assert.Matches("(geen|moet|kan|ongeldig)", optimum.Message);
        Assert.Equal(demand.Length, optimum.AssignedSite.Count);
    }

    [Fact]
    public void A_p_median_too_large_for_all_pairs_is_refused_before_anything_is_built()
    {
        var demand = Enumerable.Range(0, 2_501).Select(i => Demand(i, 1)).ToArray();
        var sites = Enumerable.Range(0, 2_000).Select(j => Site(j)).ToArray();

        var result = SitingSolver.Solve(demand, sites, new(SitingObjective.PMedian, 5));

        Assert.Equal(SitingStatus.Invalid, result.Status);
        Assert.StartsWith("Te groot", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_p_median_without_any_site_is_infeasible()
    {
        var result = SitingSolver.Solve(Demand2, Sites2, new(SitingObjective.PMedian, 0));

        Assert.Equal(SitingStatus.Infeasible, result.Status);
        Assert.Contains("Niet haalbaar", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_capacitated_p_median_with_too_little_capacity_is_infeasible()
    {
        var result = SitingSolver.Solve(Demand2, [Site(0, capacity: 5), Site(500, capacity: 5)],
            new(SitingObjective.PMedian, 2, UseCapacity: true));

        Assert.Equal(SitingStatus.Infeasible, result.Status);
        Assert.Contains("hoogstens 10 inwoners", result.Message, StringComparison.Ordinal);
        // Nobody is served, so no distance is finite: never a perfect-looking 0.
        Assert.Equal(double.PositiveInfinity, result.WeightedDistance);
        Assert.Equal(double.PositiveInfinity, result.Objective);
    }

    [Fact]
    public void A_cancelled_run_returns_the_best_answer_so_far_as_Cancelled()
    {
        var (demand, sites) = Random(7, 40, 12);
        var result = SitingSolver.Solve(demand, sites, new(SitingObjective.MaximalCovering, 3), ct: new CancellationToken(canceled: true));

        Assert.Equal(SitingStatus.Cancelled, result.Status);
        Assert.Equal(GreedySiting.Solve(demand, sites, new(SitingObjective.MaximalCovering, 3)).Objective, result.Objective, 9);
    }

    [Fact]
    public void Cancelling_a_running_search_stops_it_and_keeps_the_best_answer_so_far()
    {
        // Set covering of 97 % on 3,000 buurten and 1,200 candidates over 20 km: SCIP needs well over 8 s to prove it
        // (measured when this test was written), so the cancellation after 1 s reaches a running search.
        var (demand, sites) = Random(42, 3000, 1200, fixedShare: 0, sizeMeters: 20_000);
        var options = new SitingOptions(SitingObjective.SetCovering, 0, TargetShare: 0.97, TimeLimit: TimeSpan.FromSeconds(60));
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        var result = SitingSolver.Solve(demand, sites, options, ct: cancel.Token);
        var greedy = GreedySiting.Solve(demand, sites, options);

        Assert.Equal(SitingStatus.Cancelled, result.Status);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(30), $"stopped after {result.Elapsed}");
        Assert.True(result.CoveredShare >= 0.97 - 1e-6);
        Assert.True(result.Objective <= greedy.Objective);
        Assert.StartsWith("Afgebroken", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_is_reported_for_the_start_and_the_answer()
    {
        var (demand, sites) = Random(8, 40, 12);
        var reports = new List<SitingProgress>();

        var result = SitingSolver.Solve(demand, sites, new(SitingObjective.PMedian, 3), new Collect(reports));

        Assert.Equal(2, reports.Count);
        Assert.Equal(result.Objective, reports[^1].Objective);
        Assert.True(reports[0].Objective >= reports[^1].Objective - 1e-6);
    }

    private sealed class Collect(List<SitingProgress> reports) : IProgress<SitingProgress>
    {
        public void Report(SitingProgress value) => reports.Add(value);
    }
}
