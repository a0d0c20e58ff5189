namespace Weerbaar.Analysis.Siting;

/// <summary>
/// Turns a solution into a <see cref="SitingResult"/>: every figure (objective included) is recomputed from the open
/// sites and assignments, never taken from the solver, so the greedy answer and the optimum are measured alike.
/// </summary>
internal static class SitingEvaluation
{
    /// <summary>Finds the nearest open site for a demand that the network does not connect to one (coordinates only).</summary>
    public delegate (int Site, double Distance)? NearestOutside(int demand, IReadOnlyList<int> openSites);

    public static SitingResult Evaluate(
        SitingProblem problem, SitingSolution solution, SitingStatus status, string message, double bound, TimeSpan elapsed,
        NearestOutside? nearestOutside = null)
    {
        var net = problem.Network;
        var n = problem.DemandCount;
        var open = Enumerable.Range(0, problem.SiteCount).Where(j => solution.Open[j]).ToArray();
        var newSites = open.Where(j => !problem.Fixed[j]).ToArray();
        var assigned = new int?[n];
        var distance = new double[n];
        Array.Fill(distance, double.PositiveInfinity);
        var covered = 0.0;

        if (problem.UseCapacity)
        {
            var best = new double[n];
            foreach (var a in solution.Assignments)
            {
                var d = net.DistanceOf(a.Demand, a.Site);
                if (d <= problem.NormDistance)
                {
                    covered += problem.Weights[a.Demand] * a.Share;
                }
                if (a.Share > best[a.Demand])
                {
                    best[a.Demand] = a.Share;
                    assigned[a.Demand] = a.Site;
                    distance[a.Demand] = d;
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            if (assigned[i] is not null)
            {
                continue;
            }
            var sites = net.Sites[i];
            for (var t = 0; t < sites.Length; t++)
            {
                if (solution.Open[sites[t]])
                {
                    assigned[i] = sites[t];
                    distance[i] = net.Distances[i][t];
                    break;
                }
            }
            if (assigned[i] is null && open.Length > 0 && nearestOutside?.Invoke(i, open) is { } outside)
            {
                assigned[i] = outside.Site;
                distance[i] = outside.Distance;
            }
            if (!problem.UseCapacity && distance[i] <= problem.NormDistance)
            {
                covered += problem.Weights[i];
            }
        }

        double weightedDistance;
        if (problem.UseCapacity && problem.Objective == SitingObjective.PMedian)
        {
            // A demand with weight that is not fully served has no finite distance (e.g. an infeasible answer with no assignments).
            var served = new double[n];
            foreach (var a in solution.Assignments)
            {
                served[a.Demand] += a.Share;
            }
            weightedDistance = Enumerable.Range(0, n).Any(i => problem.Weights[i] > 0 && served[i] < 1 - 1e-6)
                ? double.PositiveInfinity
                : solution.Assignments.Sum(a => problem.Weights[a.Demand] * a.Share * net.DistanceOf(a.Demand, a.Site));
        }
        else
        {
            weightedDistance = 0;
            for (var i = 0; i < n; i++)
            {
                if (problem.Weights[i] > 0)
                {
                    weightedDistance += problem.Weights[i] * distance[i];
                }
            }
        }

        var objective = problem.Objective switch
        {
            SitingObjective.MaximalCovering => covered,
            SitingObjective.PMedian => weightedDistance,
            _ => newSites.Length,
        };
        var total = problem.TotalWeight;
        bound = TightenBound(problem, objective, bound);
        return new SitingResult(
            status, message, objective, bound, SitingResult.GapOf(objective, bound), elapsed, open, newSites, assigned, distance,
            covered, total > 0 ? covered / total : 0, weightedDistance)
        {
            Assignments = problem.UseCapacity ? [.. solution.Assignments.OrderBy(a => a.Demand).ThenBy(a => a.Site)] : [],
        };
    }

    /// <summary>
    /// A feasible objective is itself a bound on the other side, so a bound the solver reports a hair past it (tolerances)
    /// is moved onto it; the set-covering count is whole, so its lower bound rounds up.
    /// </summary>
    private static double TightenBound(SitingProblem problem, double objective, double bound)
    {
        if (double.IsNaN(bound))
        {
            return bound;
        }
        if (problem.Objective == SitingObjective.SetCovering)
        {
            bound = Math.Ceiling(bound - 1e-6);
        }
        return problem.Maximises ? Math.Max(bound, objective) : Math.Min(bound, objective);
    }
}
