using System.Diagnostics;

namespace Weerbaar.Analysis.Siting;

/// <summary>
/// Optimal siting with OR-Tools (SCIP): the optimum with status, objective, best bound, gap and run time.
/// The greedy answer is computed first and handed to the solver as a start; it is also the fallback when the solver
/// finds nothing better before the time limit or cancellation.
/// </summary>
public static class SitingSolver
{
    /// <param name="progress">Told about the greedy start and the solver's final answer (SCIP offers no callback through OR-Tools' C# wrapper).</param>
    /// <param name="ct">Cancels the search; the result then holds the best solution so far with status Cancelled.</param>
    public static SitingResult Solve(
        IReadOnlyList<SitingDemand> demand, IReadOnlyList<SitingSite> sites, SitingOptions options,
        IProgress<SitingProgress>? progress = null, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        if (SitingValidation.Check(demand, sites, options) is { } invalid)
        {
            return Invalid(demand.Count, invalid, clock.Elapsed);
        }
        var problem = SitingInput.ToProblem(demand, sites, options);
        var nearest = SitingInput.NearestOutside(demand, sites, options.DetourFactor);
        if (SitingInput.Infeasibility(problem) is { } why)
        {
            return SitingEvaluation.Evaluate(problem, SitingInput.FixedOnly(problem), SitingStatus.Infeasible, why, double.NaN, clock.Elapsed, nearest);
        }

        var greedy = GreedyCore.Solve(problem);
        if (greedy is not null)
        {
            var start = SitingEvaluation.Evaluate(problem, greedy, SitingStatus.Feasible, "", double.NaN, clock.Elapsed);
            progress?.Report(new SitingProgress(start.Objective, double.NaN, clock.Elapsed, 1));
        }

        var outcome = SitingMip.Solve(problem, greedy, ct);
        if (outcome.Status == SitingStatus.Infeasible)
        {
            var message = problem.Objective == SitingObjective.SetCovering
                ? SitingMessages.TargetUnreachable(problem, BestReachableShare(problem, ct))
                : SitingMessages.CapacityInfeasible;
            return SitingEvaluation.Evaluate(problem, SitingInput.FixedOnly(problem), SitingStatus.Infeasible, message, double.NaN, clock.Elapsed, nearest);
        }

        var solution = outcome.Solution ?? greedy;
        if (solution is null)
        {
            var status = outcome.Status == SitingStatus.Cancelled ? SitingStatus.Cancelled : SitingStatus.NoSolution;
            return SitingEvaluation.Evaluate(problem, SitingInput.FixedOnly(problem), status, SitingMessages.SolverFoundNothing, double.NaN, clock.Elapsed, nearest);
        }
        var final = outcome.Status == SitingStatus.NoSolution ? SitingStatus.Feasible : outcome.Status;
        var result = SitingEvaluation.Evaluate(problem, solution, final, "", outcome.Bound, clock.Elapsed, nearest);
        result = result with { Message = SitingMessages.Describe(problem, result, greedy: false), Elapsed = clock.Elapsed };
        progress?.Report(new SitingProgress(result.Objective, result.BestBound, result.Elapsed, outcome.Solution is null ? 1 : 2));
        return result;
    }

    internal static SitingResult Invalid(int demandCount, string message, TimeSpan elapsed)
        => new(SitingStatus.Invalid, message, double.NaN, double.NaN, double.NaN, elapsed, [], [],
            new int?[demandCount], Enumerable.Repeat(double.PositiveInfinity, demandCount).ToArray(), 0, 0, double.PositiveInfinity);

    /// <summary>With capacity the reachable share is itself an optimisation: cover as much as possible with every candidate open.</summary>
    private static double BestReachableShare(SitingProblem p, CancellationToken ct)
    {
        var all = new SitingProblem
        {
            Network = p.Network,
            Weights = p.Weights,
            Residents = p.Residents,
            Fixed = [.. Enumerable.Repeat(true, p.SiteCount)],
            Capacity = p.Capacity,
            Objective = SitingObjective.MaximalCovering,
            NormDistance = p.NormDistance,
            UseCapacity = p.UseCapacity,
            TimeLimit = p.TimeLimit,
        };
        var outcome = SitingMip.Solve(all, null, ct);
        if (outcome.Solution is null || p.TotalWeight <= 0)
        {
            return 0;
        }
        return SitingEvaluation.Evaluate(all, outcome.Solution, outcome.Status, "", double.NaN, TimeSpan.Zero).CoveredShare;
    }
}
