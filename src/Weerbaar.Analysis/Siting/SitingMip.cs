using Google.OrTools.LinearSolver;

namespace Weerbaar.Analysis.Siting;

/// <summary>
/// The exact models as mixed-integer programs for SCIP (bundled with OR-Tools), the p-median's LP relaxation first
/// through CLP. Formulations are in README.md; in short:
/// covering models on demand groups with the same reachable candidates, the p-median in the compact "radius" form
/// (one variable per distinct distance level of a demand), capacity models with fractional assignment variables.
/// </summary>
internal static class SitingMip
{
    /// <summary>What the solver ended with; <see cref="Solution"/> null when it has none.</summary>
    public sealed record Outcome(SitingStatus Status, SitingSolution? Solution, double Bound);

    public static Outcome Solve(SitingProblem p, SitingSolution? hint, CancellationToken ct)
    {
        if (p.Objective != SitingObjective.PMedian)
        {
            return SolveWith("SCIP", p, hint, relax: false, p.TimeLimit, ct);
        }
        // The p-median's LP relaxation is usually integral, and SCIP's LP solver here (GLOP) is slow on it: on the bench
        // gemeente SCIP took 16.6 s, GLOP alone over 30 s, CLP 1.6 s for the same LP. So CLP solves the relaxation
        // first; whole open-site values are then optimal, with the LP value as bound. Otherwise SCIP branches, and the
        // LP value stays a valid bound.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var relaxed = SolveWith("CLP", p, null, relax: true, p.TimeLimit, ct);
        if (relaxed.Status == SitingStatus.Optimal && relaxed.Solution is not null)
        {
            return relaxed;
        }
        if (ct.IsCancellationRequested)
        {
            return relaxed with { Status = SitingStatus.Cancelled, Solution = null };
        }
        if (relaxed.Status == SitingStatus.Infeasible)
        {
            return relaxed;
        }
        var left = p.TimeLimit - clock.Elapsed;
        var exact = SolveWith("SCIP", p, hint, relax: false, left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1), ct);
        return double.IsNaN(relaxed.Bound) || exact.Bound >= relaxed.Bound ? exact : exact with { Bound = relaxed.Bound };
    }

    /// <param name="relax">Open-site variables continuous (LP relaxation): the answer counts only when they come out whole.</param>
    private static Outcome SolveWith(string solverId, SitingProblem p, SitingSolution? hint, bool relax, TimeSpan timeLimit, CancellationToken ct)
    {
        using var solver = Solver.CreateSolver(solverId) ?? throw new InvalidOperationException($"{solverId} is not available in this OR-Tools build.");
        var model = new Model(p, solver, relax);
        model.Build();
        if (hint is not null)
        {
            model.Hint(hint);
        }

        solver.SetTimeLimit((long)Math.Max(1, timeLimit.TotalMilliseconds));
        if (solverId == "SCIP")
        {
            solver.SetSolverSpecificParametersAsString($"randomization/randomseedshift = {Math.Abs(p.Seed)}");
        }
        using var parameters = new MPSolverParameters();
        if (!relax)
        {
            parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, Math.Max(0, p.RelativeGap));
        }
        Solver.ResultStatus status;
        using (ct.Register(() => solver.InterruptSolve()))
        {
            if (ct.IsCancellationRequested)
            {
                return new Outcome(SitingStatus.Cancelled, null, double.NaN);
            }
            status = solver.Solve(parameters);
        }

        var hasSolution = status is Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE;
        if (relax)
        {
            // An LP bound is only proven at the LP optimum; the answer counts only when every open-site variable is whole.
            var bound = status == Solver.ResultStatus.OPTIMAL ? solver.Objective().Value() : double.NaN;
            var whole = status == Solver.ResultStatus.OPTIMAL && model.OpenSitesWhole();
            return new Outcome(
                whole ? SitingStatus.Optimal : status == Solver.ResultStatus.INFEASIBLE ? SitingStatus.Infeasible : SitingStatus.NoSolution,
                whole ? model.Read() : null, bound);
        }
        var best = hasSolution ? solver.Objective().BestBound() : double.NaN;
        var solution = hasSolution ? model.Read() : null;
        var siting = status switch
        {
            _ when ct.IsCancellationRequested => SitingStatus.Cancelled,
            Solver.ResultStatus.OPTIMAL => SitingStatus.Optimal,
            Solver.ResultStatus.FEASIBLE => SitingStatus.Feasible,
            Solver.ResultStatus.INFEASIBLE => SitingStatus.Infeasible,
            _ => SitingStatus.NoSolution,
        };
        return new Outcome(siting, solution, best);
    }

    private sealed class Model(SitingProblem p, Solver solver, bool relax)
    {
        private readonly Variable?[] _open = new Variable?[p.SiteCount];
        private readonly List<(int Demand, int Site, Variable X)> _assignment = [];

        public void Build()
        {
            var used = new bool[p.SiteCount];
            foreach (var sites in p.Network.Sites)
            {
                foreach (var j in sites)
                {
                    used[j] = true;
                }
            }
            for (var j = 0; j < p.SiteCount; j++)
            {
                if (used[j] && !p.Fixed[j])
                {
                    _open[j] = relax ? solver.MakeNumVar(0, 1, "") : solver.MakeBoolVar("");
                }
            }
            var objective = solver.Objective();
            if (p.Objective == SitingObjective.SetCovering)
            {
                foreach (var y in _open.OfType<Variable>())
                {
                    objective.SetCoefficient(y, 1);
                }
                objective.SetMinimization();
            }
            else
            {
                var count = solver.MakeConstraint(double.NegativeInfinity, p.NewSites, "");
                foreach (var y in _open.OfType<Variable>())
                {
                    count.SetCoefficient(y, 1);
                }
                objective.SetOptimizationDirection(p.Maximises);
            }

            if (p.UseCapacity)
            {
                BuildAssignment();
            }
            else if (p.Objective == SitingObjective.PMedian)
            {
                BuildRadiusPMedian();
            }
            else
            {
                BuildCoverage();
            }
        }

        public void Hint(SitingSolution hint)
        {
            var vars = new List<Variable>();
            var values = new List<double>();
            for (var j = 0; j < p.SiteCount; j++)
            {
                if (_open[j] is { } y)
                {
                    vars.Add(y);
                    values.Add(hint.Open[j] ? 1 : 0);
                }
            }
            solver.SetHint([.. vars], [.. values]);
        }

        public bool OpenSitesWhole()
            => _open.OfType<Variable>().All(y => Math.Min(y.SolutionValue(), 1 - y.SolutionValue()) <= 1e-6);

        public SitingSolution Read()
        {
            var isOpen = new bool[p.SiteCount];
            for (var j = 0; j < p.SiteCount; j++)
            {
                isOpen[j] = p.Fixed[j] || _open[j]?.SolutionValue() > 0.5;
            }
            if (!p.UseCapacity)
            {
                return new SitingSolution(isOpen, []);
            }
            var shares = new List<SitingAssignment>();
            foreach (var (i, j, x) in _assignment)
            {
                var share = Math.Clamp(x.SolutionValue(), 0, 1);
                if (share > 1e-9 && isOpen[j])
                {
                    shares.Add(new SitingAssignment(i, j, share));
                }
            }
            return new SitingSolution(isOpen, WithinLimits(shares));
        }

        /// <summary>
        /// Covering without capacity: c_g ≤ Σ_{j reaches g} y_j for every group g of demands with the same reachable
        /// candidates (c_g ∈ [0, 1]: integral at any integral y); demands a fixed site reaches are a constant.
        /// </summary>
        private void BuildCoverage()
        {
            var fixedCovered = 0.0;
            var groups = new Dictionary<string, (int[] Sites, double Weight)>(StringComparer.Ordinal);
            for (var i = 0; i < p.DemandCount; i++)
            {
                var sites = p.Network.Sites[i];
                if (sites.Length == 0 || p.Weights[i] <= 0)
                {
                    continue;
                }
                if (sites.Any(j => p.Fixed[j]))
                {
                    fixedCovered += p.Weights[i];
                    continue;
                }
                var sorted = sites.Order().ToArray();
                var key = string.Join(',', sorted);
                groups[key] = groups.TryGetValue(key, out var g) ? (g.Sites, g.Weight + p.Weights[i]) : (sorted, p.Weights[i]);
            }

            var objective = solver.Objective();
            var target = p.Objective == SitingObjective.SetCovering
                ? solver.MakeConstraint(p.TargetWeight - fixedCovered - GreedyCore.Tolerance(p.TotalWeight), double.PositiveInfinity, "")
                : null;
            if (target is null)
            {
                objective.SetOffset(fixedCovered);
            }
            foreach (var (sites, weight) in groups.Values)
            {
                var c = solver.MakeNumVar(0, 1, "");
                var link = solver.MakeConstraint(double.NegativeInfinity, 0, "");
                link.SetCoefficient(c, 1);
                foreach (var j in sites)
                {
                    link.SetCoefficient(_open[j], -1);
                }
                if (target is null)
                {
                    objective.SetCoefficient(c, weight);
                }
                else
                {
                    target.SetCoefficient(c, weight);
                }
            }
        }

        /// <summary>
        /// The p-median in radius form: for demand i with distinct distance levels D¹ &lt; … &lt; Dᴸ (up to the first level
        /// holding a fixed site), z_h = 1 when no open site lies within D^h; z_h ≥ z_{h−1} − Σ_{j at level h} y_j with
        /// z_0 = 1 and z_L = 0, cost D¹ + Σ_h (D^{h+1} − D^h) z_h. Same LP bound as the assignment form, far fewer non-zeros.
        /// </summary>
        private void BuildRadiusPMedian()
        {
            var objective = solver.Objective();
            var offset = 0.0;
            for (var i = 0; i < p.DemandCount; i++)
            {
                var w = p.Weights[i];
                var sites = p.Network.Sites[i];
                var dist = p.Network.Distances[i];
                if (w <= 0 || sites.Length == 0)
                {
                    continue;
                }
                offset += w * dist[0];
                Variable? previous = null; // null: the constant 1
                var t = 0;
                while (t < sites.Length)
                {
                    var level = dist[t];
                    var levelHasFixed = false;
                    var row = solver.MakeConstraint(previous is null ? 1 : 0, double.PositiveInfinity, "");
                    if (previous is not null)
                    {
                        row.SetCoefficient(previous, -1);
                    }
                    for (; t < sites.Length && dist[t] == level; t++)
                    {
                        if (p.Fixed[sites[t]])
                        {
                            levelHasFixed = true;
                        }
                        else
                        {
                            row.SetCoefficient(_open[sites[t]], 1);
                        }
                    }
                    if (levelHasFixed || t == sites.Length)
                    {
                        // z at this level is 0: a fixed site is open here, or every site is within reach by now.
                        if (levelHasFixed)
                        {
                            row.SetBounds(double.NegativeInfinity, double.PositiveInfinity);
                        }
                        break;
                    }
                    var z = solver.MakeNumVar(0, 1, "");
                    row.SetCoefficient(z, 1);
                    objective.SetCoefficient(z, w * (dist[t] - level));
                    previous = z;
                }
            }
            objective.SetOffset(offset);
        }

        /// <summary>
        /// Capacity: x_ij ∈ [0, 1] the share of demand i served by j (covering: only j within the norm, Σ_j x_ij ≤ 1;
        /// p-median: all j, Σ_j x_ij = 1), x_ij ≤ y_j, Σ_i residents_i x_ij ≤ capacity_j y_j.
        /// </summary>
        private void BuildAssignment()
        {
            var pMedian = p.Objective == SitingObjective.PMedian;
            var objective = solver.Objective();
            var target = p.Objective == SitingObjective.SetCovering
                ? solver.MakeConstraint(p.TargetWeight - GreedyCore.Tolerance(p.TotalWeight), double.PositiveInfinity, "")
                : null;
            var load = new Constraint?[p.SiteCount];
            for (var j = 0; j < p.SiteCount; j++)
            {
                if (double.IsFinite(p.Capacity[j]) && (p.Fixed[j] || _open[j] is not null))
                {
                    load[j] = solver.MakeConstraint(double.NegativeInfinity, p.Fixed[j] ? p.Capacity[j] : 0, "");
                    if (_open[j] is { } y)
                    {
                        load[j]!.SetCoefficient(y, -p.Capacity[j]);
                    }
                }
            }
            for (var i = 0; i < p.DemandCount; i++)
            {
                var sites = p.Network.Sites[i];
                if (sites.Length == 0 || (p.Weights[i] <= 0 && p.Residents[i] <= 0))
                {
                    continue;
                }
                var served = solver.MakeConstraint(pMedian ? 1 : double.NegativeInfinity, 1, "");
                for (var t = 0; t < sites.Length; t++)
                {
                    var j = sites[t];
                    var x = solver.MakeNumVar(0, 1, "");
                    _assignment.Add((i, j, x));
                    served.SetCoefficient(x, 1);
                    if (_open[j] is { } y)
                    {
                        var link = solver.MakeConstraint(double.NegativeInfinity, 0, "");
                        link.SetCoefficient(x, 1);
                        link.SetCoefficient(y, -1);
                    }
                    load[j]?.SetCoefficient(x, p.Residents[i]);
                    if (pMedian)
                    {
                        objective.SetCoefficient(x, p.Weights[i] * p.Network.Distances[i][t]);
                    }
                    else if (target is null)
                    {
                        objective.SetCoefficient(x, p.Weights[i]);
                    }
                    else
                    {
                        target.SetCoefficient(x, p.Weights[i]);
                    }
                }
            }
        }

        /// <summary>
        /// The LP meets capacities up to the solver's feasibility tolerance; scale shares down where a site's load or a
        /// demand's total share is above its limit by such noise, so the answer never exceeds a capacity.
        /// </summary>
        private List<SitingAssignment> WithinLimits(List<SitingAssignment> shares)
        {
            var perDemand = new double[p.DemandCount];
            foreach (var a in shares)
            {
                perDemand[a.Demand] += a.Share;
            }
            shares = [.. shares.Select(a => perDemand[a.Demand] > 1 ? a with { Share = a.Share / perDemand[a.Demand] } : a)];
            var loads = new double[p.SiteCount];
            foreach (var a in shares)
            {
                loads[a.Site] += p.Residents[a.Demand] * a.Share;
            }
            return [.. shares.Select(a => loads[a.Site] > p.Capacity[a.Site] ? a with { Share = a.Share * p.Capacity[a.Site] / loads[a.Site] } : a)];
        }
    }
}
