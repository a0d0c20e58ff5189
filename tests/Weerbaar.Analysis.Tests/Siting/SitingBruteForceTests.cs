using Weerbaar.Analysis.Siting;
using static Weerbaar.Analysis.Tests.Siting.SitingInstances;

namespace Weerbaar.Analysis.Tests.Siting;

/// <summary>On instances with at most 10 candidates every subset is tried; the solver must match the best exactly.</summary>
public class SitingBruteForceTests
{
    [Theory]
    [InlineData(SitingObjective.MaximalCovering)]
    [InlineData(SitingObjective.PMedian)]
    [InlineData(SitingObjective.SetCovering)]
    public void The_solver_matches_enumeration_of_all_subsets(SitingObjective objective)
    {
        for (var seed = 100; seed < 120; seed++)
        {
            var random = new Random(seed);
            var (demand, sites) = Random(seed, random.Next(5, 26), random.Next(4, 11), fixedShare: 0.15, sizeMeters: 4000);
            var k = random.Next(1, sites.Count(s => !s.Fixed) + 1);
            var options = new SitingOptions(objective, k, NormDistanceMeters: 900, TargetShare: 0.7, WeightByPriority: seed % 3 == 0);

            var best = BruteForce(demand, sites, options);
            var result = SitingSolver.Solve(demand, sites, options);

            if (best is null)
            {
                Assert.Equal(SitingStatus.Infeasible, result.Status);
                continue;
            }
            Assert.Equal(SitingStatus.Optimal, result.Status);
            Assert.True(Math.Abs(best.Value - result.Objective) <= 1e-6 * Math.Max(1, Math.Abs(best.Value)),
                $"seed {seed}: enumeration {best.Value}, solver {result.Objective}");
        }
    }

    /// <summary>The best objective over all sets of non-fixed candidates allowed by the model; null when none qualifies.</summary>
    private static double? BruteForce(SitingDemand[] demand, SitingSite[] sites, SitingOptions options)
    {
        var free = Enumerable.Range(0, sites.Length).Where(j => !sites[j].Fixed).ToArray();
        var fixedSites = Enumerable.Range(0, sites.Length).Where(j => sites[j].Fixed).ToArray();
        var distance = demand.Select(d => sites.Select(s => Distance(d, s, options.DetourFactor)).ToArray()).ToArray();
        var total = demand.Sum(d => EffectiveWeight(d, options));
        double? best = null;
        for (var mask = 0; mask < 1 << free.Length; mask++)
        {
            var chosen = free.Where((_, b) => (mask & (1 << b)) != 0).ToArray();
            if (options.Objective != SitingObjective.SetCovering && chosen.Length > options.NewSites)
            {
                continue;
            }
            var open = fixedSites.Concat(chosen).ToArray();
            if (open.Length == 0)
            {
                continue;
            }
            var nearest = distance.Select(row => open.Min(j => row[j])).ToArray();
            var covered = demand.Where((d, i) => nearest[i] <= options.NormDistanceMeters).Sum(d => EffectiveWeight(d, options));
            double? value = options.Objective switch
            {
                SitingObjective.MaximalCovering => covered,
                SitingObjective.PMedian => demand.Select((d, i) => EffectiveWeight(d, options) * nearest[i]).Sum(),
                _ => covered >= options.TargetShare * total - 1e-9 * Math.Max(1, total) ? chosen.Length : null,
            };
            if (value is { } v && (best is null || (options.Objective == SitingObjective.MaximalCovering ? v > best : v < best)))
            {
                best = v;
            }
        }
        return best;
    }
}
