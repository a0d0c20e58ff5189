using Weerbaar.Analysis.Allocation;
using Weerbaar.Analysis.Geo;

namespace Weerbaar.Analysis.Tests.Allocation;

/// <summary>Properties every answer keeps, on seeded random instances (25 buurten × 4 groups, 5 points, 2 resources, 4 periods).</summary>
public class AllocationPropertyTests
{
    /// <summary>Relative to the larger need involved: below this an amount counts as solver noise.</summary>
    private const double Noise = 1e-4;

    public static TheoryData<int, bool, AllocationPolicy> Cases()
    {
        var data = new TheoryData<int, bool, AllocationPolicy>();
        foreach (var seed in new[] { 1, 2, 3, 4, 5, 6 })
        {
            foreach (var policy in Enum.GetValues<AllocationPolicy>())
            {
                data.Add(seed, seed % 3 != 0, policy);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Never_above_stock_or_need_and_only_within_the_distance(int seed, bool carryOver, AllocationPolicy policy)
    {
        var input = AllocationInstances.Random(seed);
        var options = new AllocationOptions(Periods: 4, MaxDistanceMeters: 1200, CarryOver: carryOver, Policy: policy, PeriodByPeriod: seed % 2 == 0);

        var result = AllocationSolver.Solve(input, options);

        Assert.Equal(AllocationStatus.Optimal, result.Status);
        foreach (var resource in input.Resources)
        {
            foreach (var point in input.Points)
            {
                var stock = input.Stock.Single(s => s.PointId == point.Id && s.ResourceId == resource.Id);
                var carried = 0.0;
                for (var t = 0; t < options.Periods; t++)
                {
                    var available = carried + (t == 0 ? stock.Initial : 0) + stock.Deliveries[t];
                    var used = result.Flows.Where(f => f.PointId == point.Id && f.ResourceId == resource.Id && f.Period == t).Sum(f => f.Quantity);
                    Assert.True(used <= available * (1 + 1e-12) + 1e-12, $"{point.Id} {resource.Id} period {t}: {used} handed out, {available} available");
                    carried = carryOver ? available - used : 0;
                }
            }
        }
        Assert.All(result.Cells, c => Assert.All(c.Served.Zip(c.Need), x => Assert.True(x.First <= x.Second * (1 + 1e-12))));
        var points = input.Points.ToDictionary(p => p.Id);
        var demand = input.Demand.ToDictionary(d => (d.BuurtId, d.GroupId));
        Assert.All(result.Flows, f =>
        {
            var (d, p) = (demand[(f.BuurtId, f.GroupId)], points[f.PointId]);
            Assert.True(GeoDistance.HaversineMeters(d.Latitude, d.Longitude, p.Latitude, p.Longitude) <= 1200);
        });
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    [InlineData(6, true)]
    public void A_lower_tier_is_served_from_a_point_only_when_every_higher_tier_it_reaches_is_full(int seed, bool carryOver)
    {
        var input = AllocationInstances.Random(seed);
        var options = new AllocationOptions(Periods: 4, MaxDistanceMeters: 1200, CarryOver: carryOver);

        var result = AllocationSolver.Solve(input, options);

        var tier = input.Groups.ToDictionary(g => g.Id, g => g.Tier);
        var cells = result.Cells.ToDictionary(c => (c.BuurtId, c.GroupId, c.ResourceId));
        var reach = input.Demand.ToDictionary(d => (d.BuurtId, d.GroupId), d => input.Points
            .Where(p => GeoDistance.HaversineMeters(d.Latitude, d.Longitude, p.Latitude, p.Longitude) <= 1200).Select(p => p.Id).ToHashSet());
        var checkedFlows = 0;
        foreach (var f in result.Flows)
        {
            var need = cells[(f.BuurtId, f.GroupId, f.ResourceId)].Need[f.Period];
            if (f.Quantity <= Noise * need)
            {
                continue;
            }
            checkedFlows++;
            foreach (var higher in input.Demand.Where(d => tier[d.GroupId] < tier[f.GroupId] && reach[(d.BuurtId, d.GroupId)].Contains(f.PointId)))
            {
                var cell = cells[(higher.BuurtId, higher.GroupId, f.ResourceId)];
                // Stock handed out in period t could have served period t, or with carry-over any later period.
                for (var t = f.Period; t < (carryOver ? options.Periods : f.Period + 1); t++)
                {
                    Assert.True(cell.Served[t] >= cell.Need[t] - (Noise * Math.Max(cell.Need[t], need)),
                        $"{f.PointId} gave tier {tier[f.GroupId]} ({f.BuurtId} {f.GroupId}) {f.Quantity} in period {f.Period} while tier {tier[higher.GroupId]} "
                        + $"({higher.BuurtId} {higher.GroupId}) had {cell.Served[t]} of {cell.Need[t]} in period {t}");
                }
            }
        }
        Assert.True(checkedFlows > 0);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void The_minimum_level_holds_whenever_it_is_feasible(int seed)
    {
        var input = AllocationInstances.Random(seed, scarcity: 1.5);
        var options = new AllocationOptions(Periods: 4, MaxDistanceMeters: 1200, MinimumServiceLevel: 0.3);

        var result = AllocationSolver.Solve(input, options);

        Assert.NotEqual(AllocationStatus.NoSolution, result.Status);
        foreach (var c in result.Cells.Where(c => !result.ResourcesWithoutMinimum.Contains(c.ResourceId) && c.Explanation != "Geen behoefte." && !c.Explanation.StartsWith("Geen uitdeelpunt", StringComparison.Ordinal)))
        {
            Assert.All(c.Served.Zip(c.Need), x => Assert.True(x.First >= (0.3 * x.Second) - (Noise * x.Second), $"{c.BuurtId} {c.GroupId} {c.ResourceId}: {x.First} of {x.Second}"));
        }
        foreach (var r in result.ResourcesWithoutMinimum)
        {
            Assert.Contains($"Het minimumniveau van 30 % is voor {input.Resources.Single(x => x.Id == r).Name} niet haalbaar", result.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Some_random_instance_meets_the_minimum_and_some_does_not()
    {
        var outcomes = new[] { 1, 2, 3, 4 }.Select(seed => AllocationSolver.Solve(
            AllocationInstances.Random(seed, scarcity: 1.5), new AllocationOptions(Periods: 4, MaxDistanceMeters: 1200, MinimumServiceLevel: 0.3))).ToArray();

        Assert.Contains(outcomes, r => r.ResourcesWithoutMinimum.Count < 2);
        Assert.Contains(outcomes, r => r.ResourcesWithoutMinimum.Count > 0);
    }
}
