using Weerbaar.Analysis.Siting;
using static Weerbaar.Analysis.Tests.Siting.SitingInstances;

namespace Weerbaar.Analysis.Tests.Siting;

/// <summary>Invariants over many seeded random instances (a 3 km square, 5–30 buurten, 3–10 candidates, some fixed).</summary>
public class SitingPropertyTests
{
    private const int Instances = 25;

    public static TheoryData<SitingObjective, bool> Models() => new()
    {
        { SitingObjective.MaximalCovering, false },
        { SitingObjective.MaximalCovering, true },
        { SitingObjective.PMedian, false },
        { SitingObjective.PMedian, true },
        { SitingObjective.SetCovering, false },
        { SitingObjective.SetCovering, true },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void The_optimum_keeps_every_promise(SitingObjective objective, bool capacity)
    {
        for (var seed = 1; seed <= Instances; seed++)
        {
            var random = new Random(seed);
            var (demand, sites) = Random(seed, random.Next(5, 31), random.Next(3, 11), capacities: capacity);
            var candidates = sites.Count(s => !s.Fixed);
            var options = new SitingOptions(
                objective, random.Next(0, candidates + 1), NormDistanceMeters: 800, TargetShare: 0.6,
                WeightByPriority: seed % 2 == 0, UseCapacity: capacity, Seed: seed);

            var result = SitingSolver.Solve(demand, sites, options);
            var greedy = GreedySiting.Solve(demand, sites, options);
            var context = $"seed {seed}: {result.Status} {result.Message}";

            if (result.Status == SitingStatus.Infeasible)
            {
                Assert.True(objective != SitingObjective.MaximalCovering, context);
                Assert.Contains("haalbaar", result.Message, StringComparison.Ordinal);
                Assert.NotEqual(SitingStatus.Feasible, greedy.Status);
                continue;
            }
            Assert.True(result.Status == SitingStatus.Optimal, context);

            // Fixed sites always open; at most k new ones.
            Assert.All(Enumerable.Range(0, sites.Length).Where(j => sites[j].Fixed), j => Assert.Contains(j, result.OpenSites));
            Assert.Equal(result.OpenSites.Where(j => !sites[j].Fixed), result.NewSites);
            if (objective != SitingObjective.SetCovering)
            {
                Assert.True(result.NewSites.Count <= options.NewSites, context);
            }

            // Never worse than greedy, bound on the right side.
            var maximise = objective == SitingObjective.MaximalCovering;
            if (greedy.Status == SitingStatus.Feasible)
            {
                Assert.True(maximise ? result.Objective >= greedy.Objective - 1e-6 : result.Objective <= greedy.Objective + 1e-6, $"greedy {greedy.Objective} {context}");
            }
            Assert.True(maximise ? result.BestBound >= result.Objective - 1e-6 : result.BestBound <= result.Objective + 1e-6, $"bound {result.BestBound} {context}");
            Assert.True(result.Gap <= 1e-6, $"gap {result.Gap} {context}");

            // Capacity never exceeded; each demand served at most once.
            foreach (var site in result.Assignments.GroupBy(a => a.Site))
            {
                Assert.True(site.Sum(a => demand[a.Demand].Weight * a.Share) <= (sites[site.Key].Capacity ?? double.PositiveInfinity) + 1e-6, $"capacity {context}");
            }
            foreach (var d in result.Assignments.GroupBy(a => a.Demand))
            {
                Assert.True(d.Sum(a => a.Share) <= 1 + 1e-9, context);
            }

            // Covered weight recomputed from the answer.
            var covered = Covered(demand, sites, options, result);
            Assert.Equal(covered, result.CoveredWeight, 6);
            if (maximise)
            {
                Assert.Equal(covered, result.Objective, 6);
            }
            if (objective == SitingObjective.SetCovering)
            {
                var total = demand.Sum(d => EffectiveWeight(d, options));
                // With capacity the target row holds up to SCIP's relative feasibility tolerance (1e-6).
                Assert.True(covered >= options.TargetShare * total * (1 - 1e-6) - 1e-6, $"covered {covered} of {total} {context}");
                Assert.Equal(result.NewSites.Count, result.Objective);
            }
        }
    }

    [Theory]
    [InlineData(SitingObjective.MaximalCovering)]
    [InlineData(SitingObjective.PMedian)]
    public void With_k_zero_only_the_fixed_sites_are_open(SitingObjective objective)
    {
        for (var seed = 1; seed <= 10; seed++)
        {
            var (demand, sites) = Random(seed, 15, 8, fixedShare: 0.4);
            if (!sites.Any(s => s.Fixed))
            {
                continue;
            }
            var result = SitingSolver.Solve(demand, sites, new SitingOptions(objective, 0));

            Assert.Equal(Enumerable.Range(0, sites.Length).Where(j => sites[j].Fixed), result.OpenSites);
            Assert.Empty(result.NewSites);
        }
    }

    [Fact]
    public void A_target_beyond_reach_is_infeasible_with_a_Dutch_message()
    {
        for (var seed = 1; seed <= 10; seed++)
        {
            var (demand, sites) = Random(seed, 20, 5, sizeMeters: 20_000);
            // One buurt 50 km away from everything: 100 % can never be covered.
            demand = [.. demand, new SitingDemand("far", 52.5, 5.5, 100)];

            var result = SitingSolver.Solve(demand, sites, new SitingOptions(SitingObjective.SetCovering, 0, TargetShare: 1));

            Assert.Equal(SitingStatus.Infeasible, result.Status);
            Assert.StartsWith("Het doel van 100,0 % is niet haalbaar", result.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>Weight within the norm of an open site (or, with capacity, the assigned shares within the norm).</summary>
    private static double Covered(SitingDemand[] demand, SitingSite[] sites, SitingOptions options, SitingResult result)
    {
        if (options.UseCapacity)
        {
            return result.Assignments
                .Where(a => Distance(demand[a.Demand], sites[a.Site], options.DetourFactor) <= options.NormDistanceMeters)
                .Sum(a => EffectiveWeight(demand[a.Demand], options) * a.Share);
        }
        return demand
            .Where(d => result.OpenSites.Any(j => Distance(d, sites[j], options.DetourFactor) <= options.NormDistanceMeters))
            .Sum(d => EffectiveWeight(d, options));
    }
}
