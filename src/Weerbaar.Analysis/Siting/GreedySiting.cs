using System.Diagnostics;

namespace Weerbaar.Analysis.Siting;

/// <summary>
/// The greedy heuristic beside every optimum, so a page can show what optimisation adds: fixed sites first, then each
/// time the candidate that adds the most. Same result type as <see cref="SitingSolver"/>, Status Feasible, BestBound NaN.
/// </summary>
public static class GreedySiting
{
    public static SitingResult Solve(IReadOnlyList<SitingDemand> demand, IReadOnlyList<SitingSite> sites, SitingOptions options)
    {
        var clock = Stopwatch.StartNew();
        if (SitingValidation.Check(demand, sites, options) is { } invalid)
        {
            return SitingSolver.Invalid(demand.Count, invalid, clock.Elapsed);
        }
        var problem = SitingInput.ToProblem(demand, sites, options);
        var nearest = SitingInput.NearestOutside(demand, sites, options.DetourFactor);
        if (SitingInput.Infeasibility(problem) is { } why)
        {
            return SitingEvaluation.Evaluate(problem, SitingInput.FixedOnly(problem), SitingStatus.Infeasible, why, double.NaN, clock.Elapsed, nearest);
        }
        var solution = GreedyCore.Solve(problem);
        if (solution is null)
        {
            return SitingEvaluation.Evaluate(problem, SitingInput.FixedOnly(problem), SitingStatus.NoSolution, SitingMessages.GreedyFoundNothing, double.NaN, clock.Elapsed, nearest);
        }
        var result = SitingEvaluation.Evaluate(problem, solution, SitingStatus.Feasible, "", double.NaN, clock.Elapsed, nearest);
        return result with { Message = SitingMessages.Describe(problem, result, greedy: true), Elapsed = clock.Elapsed };
    }
}
