using Weerbaar.Analysis.Allocation;

namespace Weerbaar.Analysis.Tests.Allocation;

/// <summary>
/// The solver skips LPs whose answer a closed-form bound gives (no stock in reach in some period: level 0, minimum
/// infeasible; nothing in reach at all: total 0; everyone served fully: no total stage). On seeded random instances
/// the answer must be the plain LP path's: same status and message, and per resource and tier the same max-min level
/// and the same total served (per period too when solved period by period). Individual flows may differ where the LP has
/// more than one optimum; period by period is therefore run without carry-over, where such a difference would carry on
/// into the stock of later periods. Under max-min everyone is one tier.
/// </summary>
public class AllocationShortcutTests
{
    public static TheoryData<int, AllocationPolicy> Cases()
    {
        var data = new TheoryData<int, AllocationPolicy>();
        for (var seed = 1; seed <= 12; seed++)
        {
            data.Add(seed, AllocationPolicy.StrictPriority);
        }
        data.Add(13, AllocationPolicy.MaxMin);
        data.Add(14, AllocationPolicy.MaxMin);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Shortcuts_give_the_plain_LP_answer(int seed, AllocationPolicy policy)
    {
        var input = AllocationInstances.Random(seed, buurten: 15, points: 4, scarcity: seed % 4 == 0 ? 3 : 0.5);
        var options = new AllocationOptions(
            Periods: 4, MaxDistanceMeters: 1200, Policy: policy, CarryOver: seed % 2 == 1 && seed % 3 != 0,
            MinimumServiceLevel: new[] { 0, 0.05, 0.3 }[seed % 3], PeriodByPeriod: seed % 2 == 0);

        var fast = AllocationSolver.Solve(input, options);
        var plain = AllocationSolver.Solve(input, options with { Shortcuts = false });

        Assert.Equal(plain.Status, fast.Status);
        Assert.Equal(plain.Message, fast.Message);
        Assert.Equal(plain.ResourcesWithoutMinimum, fast.ResourcesWithoutMinimum);
        int TierOf(AllocationCell c) => policy == AllocationPolicy.MaxMin ? 0 : c.Tier;
        foreach (var resource in input.Resources)
        {
            foreach (var tier in fast.Cells.Select(TierOf).Distinct())
            {
                var f = fast.Cells.Where(c => c.ResourceId == resource.Id && TierOf(c) == tier).ToList();
                var q = plain.Cells.Where(c => c.ResourceId == resource.Id && TierOf(c) == tier).ToList();
                var scale = Math.Max(1, q.Sum(c => c.TotalNeed));
                Assert.Equal(q.Sum(c => c.TotalServed), f.Sum(c => c.TotalServed), scale * 1e-6);
                for (var t = 0; options.PeriodByPeriod && t < options.Periods; t++)
                {
                    Assert.Equal(q.Sum(c => c.Served[t]), f.Sum(c => c.Served[t]), scale * 1e-6);
                }
                Assert.Equal(Level(q), Level(f), 1e-6);
            }
        }
    }

    /// <summary>The lowest service fraction in any period of anyone with need and a point in reach.</summary>
    private static double Level(List<AllocationCell> cells)
        => cells.Where(c => c.TotalNeed > 0 && !c.Explanation.StartsWith("Geen uitdeelpunt", StringComparison.Ordinal))
            .SelectMany(c => c.Served.Zip(c.Need, (s, n) => s / n)).DefaultIfEmpty(1).Min();
}
