using System.Diagnostics;

namespace Weerbaar.Analysis.Allocation;

/// <summary>
/// Divides scarce goods over demand groups per buurt under a policy (strict priority by tier, proportional, or max-min
/// over everyone), per resource, and explains each (buurt, group, resource) in one Dutch sentence. Pure: records in,
/// a result out.
/// </summary>
public static class AllocationSolver
{
    public static AllocationResult Solve(AllocationInput input, AllocationOptions options)
    {
        var clock = Stopwatch.StartNew();
        if (AllocationValidation.Check(input, options) is { } invalid)
        {
            return new AllocationResult(AllocationStatus.Invalid, invalid, options.Policy, clock.Elapsed, [], [], [], []);
        }
        var p = AllocationProblem.From(input, options);
        var tierOf = Enumerable.Range(0, p.DemandCount).Select(d => options.Policy == AllocationPolicy.MaxMin ? 1 : p.Tier(d)).ToArray();

        // Resources share no constraint: each is its own model, solved side by side.
        var outcomes = new (ResourceAllocation Allocation, string? MinimumMessage)[p.ResourceCount];
        Parallel.For(0, p.ResourceCount, r => outcomes[r] = SolveResource(p, r, tierOf));

        var cells = new List<AllocationCell>();
        var flows = new List<AllocationFlow>();
        var stages = new List<AllocationStage>();
        var withoutMinimum = new List<string>();
        var messages = new List<string>();
        for (var r = 0; r < p.ResourceCount; r++)
        {
            var (a, minimumMessage) = outcomes[r];
            var resource = input.Resources[r];
            var minimum = minimumMessage is null ? options.MinimumServiceLevel : 0;
            if (minimumMessage is not null)
            {
                withoutMinimum.Add(resource.Id);
                messages.Add(minimumMessage);
            }
            if (a.Failure is not null)
            {
                messages.Add(a.Failure);
            }
            var explain = new AllocationExplanation(p, r, a, options.Policy, minimum);
            for (var d = 0; d < p.DemandCount; d++)
            {
                var demand = input.Demand[d];
                cells.Add(new AllocationCell(
                    demand.BuurtId, demand.GroupId, resource.Id, p.Tier(d), demand.People,
                    Enumerable.Repeat(p.Need[r][d], p.Periods).ToArray(), a.Served[d], explain.For(d)));
            }
            flows.AddRange(a.Flows.Select(f => new AllocationFlow(
                input.Points[f.Point].Id, input.Demand[f.Demand].BuurtId, input.Demand[f.Demand].GroupId, resource.Id, f.Period, f.Quantity)));
            stages.AddRange(a.Stages);
        }

        var failed = outcomes.Any(o => o.Allocation.Failure is not null);
        var status = failed ? AllocationStatus.NoSolution : withoutMinimum.Count > 0 ? AllocationStatus.OptimalWithoutMinimum : AllocationStatus.Optimal;
        var totals = input.Resources.Select(res => (res, cells.Where(c => c.ResourceId == res.Id).Sum(c => c.TotalNeed), cells.Where(c => c.ResourceId == res.Id).Sum(c => c.TotalServed)));
        var message = string.Join(' ', [AllocationMessages.Describe(options.Policy, totals), .. messages]);
        return new AllocationResult(status, message, options.Policy, clock.Elapsed, withoutMinimum, cells, flows, stages);
    }

    /// <summary>Strict priority, proportional and max-min on the same input, for the side-by-side comparison.</summary>
    public static IReadOnlyList<AllocationResult> CompareAll(AllocationInput input, AllocationOptions options)
        => [.. Enum.GetValues<AllocationPolicy>().Select(policy => Solve(input, options with { Policy = policy }))];

    private static (ResourceAllocation, string?) SolveResource(AllocationProblem p, int r, int[] tierOf)
    {
        if (p.Options.Policy == AllocationPolicy.Proportional)
        {
            return (ProportionalAllocation.Solve(p, r), null);
        }
        if (p.Options.PeriodByPeriod && p.Periods > 1)
        {
            var (a, firstWithout) = PeriodByPeriod(p, r, tierOf);
            return (a, firstWithout is null ? null : MinimumMessage(firstWithout, r));
        }
        var (whole, without) = SolveWhole(p, r, tierOf);
        return (whole, without ? MinimumMessage(p, r) : null);
    }

    /// <summary>
    /// Carry-over only flows forward, so period t can be solved once periods before it are fixed: each period is its own
    /// one-period model whose stock is the delivery plus what the previous period left at the point.
    /// </summary>
    /// <returns>The answer, and the first period's model in which the minimum level was infeasible (null: none).</returns>
    private static (ResourceAllocation, AllocationProblem?) PeriodByPeriod(AllocationProblem p, int r, int[] tierOf)
    {
        var served = Enumerable.Range(0, p.DemandCount).Select(_ => new double[p.Periods]).ToArray();
        var flows = new List<(int Point, int Demand, int Period, double Quantity)>();
        var stages = new List<AllocationStage>();
        var levels = new Dictionary<int, double>();
        var carried = new double[p.PointCount];
        AllocationProblem? withoutMinimum = null;
        string? failure = null;
        for (var t = 0; t < p.Periods; t++)
        {
            var supply = p.Supply.Select((bySite, i) => bySite.Select((s, j) => new[] { i == r ? s[t] + carried[j] : 0 }).ToArray()).ToArray();
            var period = new AllocationProblem
            {
                Input = p.Input,
                Options = p.Options with { Periods = 1 },
                Group = p.Group,
                Reach = p.Reach,
                NearestMeters = p.NearestMeters,
                Need = p.Need,
                Supply = supply,
            };
            var (a, without) = SolveWhole(period, r, tierOf);
            withoutMinimum ??= without ? period : null;
            failure ??= a.Failure;
            stages.AddRange(a.Stages);
            foreach (var (tier, level) in a.Levels)
            {
                levels[tier] = Math.Min(levels.GetValueOrDefault(tier, 1), level);
            }
            var used = new double[p.PointCount];
            foreach (var (j, d, _, q) in a.Flows)
            {
                flows.Add((j, d, t, q));
                served[d][t] += q;
                used[j] += q;
            }
            for (var j = 0; j < p.PointCount; j++)
            {
                carried[j] = p.Options.CarryOver ? Math.Max(0, supply[r][j][0] - used[j]) : 0;
            }
        }
        return (new ResourceAllocation(served, flows, levels, stages, failure), withoutMinimum);
    }

    /// <returns>The answer, and whether the minimum level was infeasible so it was solved without.</returns>
    private static (ResourceAllocation, bool) SolveWhole(AllocationProblem p, int r, int[] tierOf)
    {
        var minimum = p.Options.MinimumServiceLevel;
        var infeasible = minimum > 0 && p.Options.Shortcuts && AllocationStockInReach.MinimumInfeasible(p, r, minimum);
        if (!infeasible && AllocationClasses.Solve(p, r, tierOf, minimum) is { } solved)
        {
            return (solved, false);
        }
        return (AllocationClasses.Solve(p, r, tierOf, 0)!, true);
    }

    /// <summary>Why the minimum was dropped, with the best universal level: the max-min over everyone without it.</summary>
    private static string MinimumMessage(AllocationProblem p, int r)
    {
        var everyone = new int[p.DemandCount];
        Array.Fill(everyone, 1);
        var best = p.Options.Shortcuts && AllocationStockInReach.SomeoneWithout(p, r)
            ? 0
            : AllocationClasses.Solve(p, r, everyone, 0, firstStageOnly: true)?.Levels.GetValueOrDefault(1) ?? 0;
        return AllocationMessages.MinimumInfeasible(p.Input.Resources[r], p.Options.MinimumServiceLevel, best);
    }
}
