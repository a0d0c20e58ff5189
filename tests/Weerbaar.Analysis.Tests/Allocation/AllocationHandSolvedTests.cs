using Weerbaar.Analysis.Allocation;
using static Weerbaar.Analysis.Tests.Allocation.AllocationInstances;

namespace Weerbaar.Analysis.Tests.Allocation;

/// <summary>
/// One point P at 0 m with water; tier 1 "zorgafhankelijk thuis" (10 people × 3 l = 30 l per period) and tier 2 "overig"
/// (20 people × 3 l = 60 l per period) in buurt A at 500 m: 90 l needed per period.
/// </summary>
public class AllocationHandSolvedTests
{
    private static readonly AllocationGroup Care = Group("zorg", "zorgafhankelijk thuis", 1, 3);
    private static readonly AllocationGroup Rest = Group("overig", "overig", 2, 3);

    private static AllocationInput OnePoint(double stock, params double[] deliveries) => new(
        [Water], [Point("P", 0)], [Stock("P", stock, deliveries)], [Care, Rest],
        [Demand("A", 500, "zorg", 10), Demand("A", 500, "overig", 20)]);

    private static AllocationCell Cell(AllocationResult r, string group) => r.Cells.Single(c => c.GroupId == group);

    [Fact]
    public void Stock_below_need_serves_tier_one_fully_and_tier_two_the_rest()
    {
        var result = AllocationSolver.Solve(OnePoint(50), new AllocationOptions(Periods: 1));

        Assert.Equal(AllocationStatus.Optimal, result.Status);
        Assert.Equal(30, Cell(result, "zorg").TotalServed, 6);
        Assert.Equal(20, Cell(result, "overig").TotalServed, 6);
        Assert.Equal("Volledig bediend.", Cell(result, "zorg").Explanation);
        Assert.Equal("Beperkt door de voorraad: eerst ging tier 1 (zorgafhankelijk thuis) voor.", Cell(result, "overig").Explanation);
        Assert.Equal(40, result.Unmet("water"), 6);
        Assert.Equal(3, result.Stages.Count); // max-min and total for each tier; tier 1 is served fully, so its total needs no LP
        Assert.All(result.Stages, s => Assert.Equal("OPTIMAL", s.SolverStatus));
    }

    [Fact]
    public void Within_a_tier_the_lowest_service_fraction_is_maximised()
    {
        var input = new AllocationInput([Water], [Point("P", 0)], [Stock("P", 20)], [Care],
            [Demand("A", 500, "zorg", 10), Demand("B", 800, "zorg", 10.0 / 3)]);

        var result = AllocationSolver.Solve(input, new AllocationOptions(Periods: 1));

        // Need 30 + 10 = 40, stock 20: max-min gives both 50 %.
        Assert.All(result.Cells, c => Assert.Equal(0.5, c.ServiceFraction, 5));
        Assert.All(result.Cells, c => Assert.Equal(
            "Beperkt door de voorraad: binnen tier 1 eerlijk verdeeld; iedereen in deze tier kreeg in elke periode ten minste 50 %, meer was er hier niet.", c.Explanation));
    }

    [Fact]
    public void A_buurt_beyond_the_maximum_distance_gets_nothing_and_says_why()
    {
        var input = new AllocationInput([Water], [Point("P", 0)], [Stock("P", 1000)], [Care],
            [Demand("A", 500, "zorg", 10), Demand("Ver", 3000, "zorg", 10)]);

        var result = AllocationSolver.Solve(input, new AllocationOptions(Periods: 1, MaxDistanceMeters: 2000));

        var far = result.Cells.Single(c => c.BuurtId == "Ver");
        Assert.Equal(0, far.TotalServed);
        Assert.Equal("Geen uitdeelpunt binnen 2 km (het dichtstbijzijnde ligt op 3 km).", far.Explanation);
        Assert.Equal("Volledig bediend.", result.Cells.Single(c => c.BuurtId == "A").Explanation);
        Assert.DoesNotContain(result.Flows, f => f.BuurtId == "Ver");
    }

    [Fact]
    public void The_minimum_level_goes_to_everyone_before_the_higher_tier_gets_the_rest()
    {
        var result = AllocationSolver.Solve(OnePoint(50), new AllocationOptions(Periods: 1, MinimumServiceLevel: 0.5));

        // 50 % of 30 and of 60 is 45; the 5 left go to tier 1.
        Assert.Equal(AllocationStatus.Optimal, result.Status);
        Assert.Equal(20, Cell(result, "zorg").TotalServed, 5);
        Assert.Equal(30, Cell(result, "overig").TotalServed, 5);
        Assert.Equal("Minimumniveau van 50 % gehaald; meer was er niet.", Cell(result, "overig").Explanation);
    }

    [Fact]
    public void An_infeasible_minimum_is_reported_in_dutch_and_dropped()
    {
        var result = AllocationSolver.Solve(OnePoint(30), new AllocationOptions(Periods: 1, MinimumServiceLevel: 0.5));

        Assert.Equal(AllocationStatus.OptimalWithoutMinimum, result.Status);
        Assert.Equal(["water"], result.ResourcesWithoutMinimum);
        Assert.Contains(
            "Het minimumniveau van 50 % is voor drinkwater niet haalbaar: de voorraad is te klein om iedereen binnen bereik van een uitdeelpunt "
            + "in elke periode dat deel te geven (hoogstens 33,3 % is voor iedereen haalbaar). Daarom is zonder minimumniveau verdeeld.",
            result.Message, StringComparison.Ordinal);
        Assert.Equal(30, Cell(result, "zorg").TotalServed, 5);
        Assert.Equal(0, Cell(result, "overig").TotalServed, 5);
    }

    [Fact]
    public void Carry_over_lets_tier_one_keep_stock_for_a_later_period()
    {
        // 60 l at the start, two periods: tier 1 needs 30 + 30, tier 2 60 + 60.
        var carry = AllocationSolver.Solve(OnePoint(60), new AllocationOptions(Periods: 2));
        var none = AllocationSolver.Solve(OnePoint(60), new AllocationOptions(Periods: 2, CarryOver: false));

        Assert.Equal(60, Cell(carry, "zorg").TotalServed, 5);
        Assert.Equal(0, Cell(carry, "overig").TotalServed, 5);
        Assert.Equal([30, 0], Cell(none, "zorg").Served.Select(x => Math.Round(x, 5)));
        Assert.Equal([30, 0], Cell(none, "overig").Served.Select(x => Math.Round(x, 5)));
    }

    [Fact]
    public void Proportional_and_max_min_share_alike_when_tiers_are_ignored()
    {
        var options = new AllocationOptions(Periods: 1);
        var proportional = AllocationSolver.Solve(OnePoint(50), options with { Policy = AllocationPolicy.Proportional });
        var maxMin = AllocationSolver.Solve(OnePoint(50), options with { Policy = AllocationPolicy.MaxMin });

        foreach (var result in new[] { proportional, maxMin })
        {
            Assert.Equal(50.0 / 90, Cell(result, "zorg").ServiceFraction, 5);
            Assert.Equal(50.0 / 90, Cell(result, "overig").ServiceFraction, 5);
            Assert.Equal(0, result.Gini("water"), 5);
        }
        Assert.StartsWith("Naar rato verdeeld", Cell(proportional, "overig").Explanation, StringComparison.Ordinal);
        Assert.StartsWith("Beperkt door de voorraad: eerlijk over iedereen verdeeld", Cell(maxMin, "overig").Explanation, StringComparison.Ordinal);
        Assert.Empty(proportional.Stages);
    }

    [Fact]
    public void The_comparison_gives_unmet_need_per_tier_and_gini_per_policy()
    {
        var rows = AllocationComparison.Of(AllocationSolver.CompareAll(OnePoint(50), new AllocationOptions(Periods: 1)));

        var strict = rows.Single(r => r.Policy == AllocationPolicy.StrictPriority);
        Assert.Equal(40, strict.Unmet, 5);
        Assert.Equal(0, strict.UnmetPerTier[1], 5);
        Assert.Equal(40, strict.UnmetPerTier[2], 5);
        // 10 people at 1, 20 at 1/3: W = 30, μ = 50/90; Σᵢⱼ wᵢwⱼ|fᵢ − fⱼ| = 2 × 10 × 20 × 2/3; G = 800/3 / (2 × 900 × 5/9) = 0.2667.
        Assert.Equal(800.0 / 3 / 1000, strict.Gini, 5);
        Assert.Equal(3, rows.Count);
    }

    [Theory]
    [InlineData(0, "Er moet ten minste één periode zijn.")]
    [InlineData(-1, "Het minimumniveau moet tussen 0 en 1 (0 % en 100 %) liggen.")]
    public void Invalid_options_give_a_dutch_message(int periods, string message)
    {
        var options = periods == 0 ? new AllocationOptions(Periods: 0) : new AllocationOptions(MinimumServiceLevel: 1.5);

        var result = AllocationSolver.Solve(OnePoint(50), options);

        Assert.Equal(AllocationStatus.Invalid, result.Status);
        Assert.Equal(message, result.Message);
    }
}
