using Weerbaar.Analysis.Siting;
using static Weerbaar.Analysis.Tests.Siting.SitingInstances;

namespace Weerbaar.Analysis.Tests.Siting;

/// <summary>
/// Six demand points on a line (metres along a meridian, detour factor 1) with a candidate on each:
///   position   0   100  200  1000  1100  3000
///   weight    10    20   10    30    30     5      total 105
/// With a norm of 150 m a site covers its neighbours within 150 m: site 100 covers {0, 100, 200} = 40,
/// site 0 or 200 covers 30, site 1000 or 1100 covers {1000, 1100} = 60, site 3000 covers 5.
/// </summary>
public class SitingHandSolvedTests
{
    private static readonly SitingDemand[] Line =
        [Demand(0, 10), Demand(100, 20), Demand(200, 10), Demand(1000, 30), Demand(1100, 30), Demand(3000, 5)];

    private static SitingSite[] Candidates(int? fixedIndex = null, double? capacityOfPair = null) =>
        [.. new double[] { 0, 100, 200, 1000, 1100, 3000 }.Select((m, j) =>
            Site(m, j == fixedIndex, j is 3 or 4 ? capacityOfPair : null))];

    private static SitingOptions Options(SitingObjective objective, int k, double target = 0.9, bool capacity = false)
        => new(objective, k, NormDistanceMeters: 150, DetourFactor: 1, TargetShare: target, UseCapacity: capacity);

    [Theory]
    // k = 1: the pair 1000/1100 (60) beats the cluster around 100 (40). k = 2: both, 100. k = 3: everything, 105.
    [InlineData(1, 60)]
    [InlineData(2, 100)]
    [InlineData(3, 105)]
    public void Maximal_covering_takes_the_heaviest_clusters_first(int k, double covered)
    {
        var result = SitingSolver.Solve(Line, Candidates(), Options(SitingObjective.MaximalCovering, k));

        Assert.Equal(SitingStatus.Optimal, result.Status);
        Assert.Equal(covered, result.Objective, 9);
        Assert.Equal(covered, result.CoveredWeight, 9);
        Assert.Equal(covered / 105, result.CoveredShare, 9);
        Assert.Equal(result.Objective, result.BestBound, 6);
        Assert.Equal(0, result.Gap, 6);
    }

    [Theory]
    // 90 % of 105 is 94.5: one site covers at most 60, two cover 100 → 2. 100 % needs site 3000 too → 3.
    // 50 % (52.5) is reached by the pair site alone → 1.
    [InlineData(0.9, 2)]
    [InlineData(1.0, 3)]
    [InlineData(0.5, 1)]
    public void Set_covering_finds_the_fewest_sites_for_the_target(double target, int sites)
    {
        var result = SitingSolver.Solve(Line, Candidates(), Options(SitingObjective.SetCovering, 0, target));

        Assert.Equal(SitingStatus.Optimal, result.Status);
        Assert.Equal(sites, result.Objective);
        Assert.Equal(sites, result.NewSites.Count);
        Assert.True(result.CoveredShare >= target - 1e-9);
        Assert.Equal(sites, result.BestBound);
    }

    [Fact]
    public void P_median_with_one_site_takes_the_weighted_median()
    {
        // Cumulative weight 10, 30, 40, 70 of 105: the weighted median is 1000.
        // Cost at 1000: 10·1000 + 20·900 + 10·800 + 0 + 30·100 + 5·2000 = 49,000 (at 1100: 52,500).
        var result = SitingSolver.Solve(Line, Candidates(), Options(SitingObjective.PMedian, 1));

        Assert.Equal(SitingStatus.Optimal, result.Status);
        Assert.Equal(49_000, result.Objective, 6);
        Assert.Equal([3], result.OpenSites);
        Assert.Equal(49_000, result.WeightedDistance, 6);
    }

    [Fact]
    public void P_median_with_two_sites_splits_the_line()
    {
        // {100, 1100}: left cluster 10·100 + 10·100 = 2,000; right pair 30·100 = 3,000; 3000 → 1100: 5·1900 = 9,500;
        // total 14,500. {100, 1000} costs 15,000 (3000 is 100 m further), {200, 1100} 16,500, anything with 3000 > 50,000.
        var result = SitingSolver.Solve(Line, Candidates(), Options(SitingObjective.PMedian, 2));

        Assert.Equal(SitingStatus.Optimal, result.Status);
        Assert.Equal(14_500, result.Objective, 6);
        Assert.Equal([1, 4], result.OpenSites);
        Assert.Equal([1, 1, 1, 4, 4, 4], result.AssignedSite);
        Assert.Equal(1900, result.DistanceMeters[5], 6);
    }

    [Fact]
    public void A_fixed_site_is_always_open_and_not_counted_in_k()
    {
        // Site 3000 is fixed (covers 5); one new site adds the pair (60): 65 with two open sites.
        var result = SitingSolver.Solve(Line, Candidates(fixedIndex: 5), Options(SitingObjective.MaximalCovering, 1));

        Assert.Equal(65, result.Objective, 9);
        Assert.Equal([3, 5], result.OpenSites.Order());
        Assert.Single(result.NewSites);
    }

    [Fact]
    public void With_k_zero_only_the_fixed_sites_are_open()
    {
        var result = SitingSolver.Solve(Line, Candidates(fixedIndex: 1), Options(SitingObjective.MaximalCovering, 0));

        Assert.Equal(SitingStatus.Optimal, result.Status);
        Assert.Equal([1], result.OpenSites);
        Assert.Empty(result.NewSites);
        Assert.Equal(40, result.Objective, 9);
    }

    [Theory]
    // Sites 1000 and 1100 can serve 40 residents each. k = 1: the pair's site serves 40 of its 60, the site at 100
    // serves its cluster of 40 as well — 40 either way. k = 2: site 100 (40) + one of the pair (40) = 80, better than
    // both pair sites (60).
    [InlineData(1, 40)]
    [InlineData(2, 80)]
    public void Capacity_limits_what_a_site_covers(int k, double covered)
    {
        var sites = Candidates(capacityOfPair: 40);
        var result = SitingSolver.Solve(Line, sites, Options(SitingObjective.MaximalCovering, k, capacity: true));

        Assert.Equal(SitingStatus.Optimal, result.Status);
        Assert.Equal(covered, result.Objective, 6);
        foreach (var site in result.Assignments.GroupBy(a => a.Site))
        {
            Assert.True(site.Sum(a => Line[a.Demand].Weight * a.Share) <= (sites[site.Key].Capacity ?? double.PositiveInfinity) + 1e-6);
        }
    }

    [Fact]
    public void Set_covering_that_cannot_reach_the_target_is_infeasible_with_the_reachable_share()
    {
        // Only site 100 is a candidate: at most 40 of 105 (38,1 %) can be covered, far from 90 %.
        var result = SitingSolver.Solve(Line, [Site(100)], Options(SitingObjective.SetCovering, 0, 0.9));

        Assert.Equal(SitingStatus.Infeasible, result.Status);
        Assert.Contains("niet haalbaar", result.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("38,1 %", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Greedy_falls_for_the_middle_site_and_the_optimum_does_not()
    {
        // Demands at 0 (2), 200 (3), 400 (3), 600 (2); norm 150. Site 100 covers {0, 200} = 5, site 300 covers
        // {200, 400} = 6, site 500 covers {400, 600} = 5. k = 2: greedy takes 300 first (6), then either neighbour adds
        // only 2 → 8. The optimum takes 100 and 500: all 10.
        var demand = new[] { Demand(0, 2), Demand(200, 3), Demand(400, 3), Demand(600, 2) };
        var sites = new[] { Site(100), Site(300), Site(500) };
        var options = Options(SitingObjective.MaximalCovering, 2);

        var optimum = SitingSolver.Solve(demand, sites, options);
        var greedy = GreedySiting.Solve(demand, sites, options);

        Assert.Equal(10, optimum.Objective, 9);
        Assert.Equal([0, 2], optimum.OpenSites);
        Assert.Equal(8, greedy.Objective, 9);
        Assert.Contains(1, greedy.OpenSites);
        Assert.Equal(SitingStatus.Feasible, greedy.Status);
        Assert.True(double.IsNaN(greedy.BestBound));
    }
}
