using System.Diagnostics;
using Google.OrTools.LinearSolver;

namespace Weerbaar.Analysis.Allocation;

/// <summary>
/// The lexicographic LP for one resource, solved with GLOP (OR-Tools' simplex) in stages on one model: per tier, first
/// the max-min stage (max z_k with served ≥ z_k × need for every reachable demand and period of tier k), then the total
/// stage (max Σ served of tier k); each optimum is fixed with a small slack before the next stage. Formulation in
/// README.md. Resources share no constraint, so each is its own model.
/// </summary>
internal static class AllocationLp
{
    /// <summary>Slack when a stage's optimum is fixed: fractions absolute, totals relative to max(1, total).</summary>
    public const double Tolerance = 1e-8;

    /// <param name="tierOf">Per demand: the tier used for the stages (all 1 for the max-min policy).</param>
    /// <param name="minimum">Share of need every reachable demand gets in every period (0 = none).</param>
    /// <returns>Null when the minimum level makes the first stage infeasible.</returns>
    public static ResourceAllocation? Solve(AllocationProblem p, int r, int[] tierOf, double minimum, bool firstStageOnly = false)
    {
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("GLOP is not available in this OR-Tools build.");
        var model = new Model(p, r, tierOf, minimum, solver);
        var stages = new List<AllocationStage>();
        var levels = new Dictionary<int, double>();
        var resource = p.Input.Resources[r].Id;
        var objective = solver.Objective();
        objective.SetMaximization();

        foreach (var tier in model.Tiers)
        {
            var (status, value, time) = model.MaxMin(tier);
            stages.Add(new AllocationStage(resource, tier, "max-min", status.ToString(), value, time));
            if (status == Solver.ResultStatus.INFEASIBLE && minimum > 0 && stages.Count == 1)
            {
                return null;
            }
            if (status != Solver.ResultStatus.OPTIMAL)
            {
                return model.Read(levels, stages, AllocationMessages.StageFailed(p.Input.Resources[r], tier, "max-min", status.ToString()));
            }
            levels[tier] = Math.Clamp(value, 0, 1);
            if (firstStageOnly)
            {
                break;
            }
            (status, value, time) = model.MaxTotal(tier);
            stages.Add(new AllocationStage(resource, tier, "totaal", status.ToString(), value, time));
            if (status != Solver.ResultStatus.OPTIMAL)
            {
                return model.Read(levels, stages, AllocationMessages.StageFailed(p.Input.Resources[r], tier, "totaal", status.ToString()));
            }
        }
        return model.Read(levels, stages, null);
    }

    private sealed class Model
    {
        private readonly AllocationProblem _p;
        private readonly int _r;
        private readonly int[] _tierOf;
        private readonly double _minimum;
        private readonly Solver _solver;
        private readonly List<(int Point, int Demand, int Period, Variable X)> _x = [];
        private readonly Dictionary<int, List<int>> _demandsOfTier = [];
        private readonly Constraint[][] _served;

        /// <summary>Changing the model drops GLOP's solution, so a stage's fixing waits until the next stage starts.</summary>
        private readonly List<Action> _pending = [];

        public Model(AllocationProblem p, int r, int[] tierOf, double minimum, Solver solver)
        {
            (_p, _r, _tierOf, _minimum, _solver) = (p, r, tierOf, minimum, solver);
            var need = p.Need[r];
            var balance = new Constraint?[p.PointCount][];
            var carry = new Variable?[p.PointCount][];
            _served = new Constraint[p.DemandCount][];
            for (var d = 0; d < p.DemandCount; d++)
            {
                if (need[d] <= 0 || p.Reach[d].Length == 0)
                {
                    continue;
                }
                (_demandsOfTier.TryGetValue(tierOf[d], out var list) ? list : _demandsOfTier[tierOf[d]] = []).Add(d);
                _served[d] = new Constraint[p.Periods];
                for (var t = 0; t < p.Periods; t++)
                {
                    var served = solver.MakeConstraint(minimum * need[d], need[d], "");
                    _served[d][t] = served;
                    foreach (var j in p.Reach[d])
                    {
                        var x = solver.MakeNumVar(0, need[d], "");
                        _x.Add((j, d, t, x));
                        served.SetCoefficient(x, 1);
                        Balance(j, t).SetCoefficient(x, 1);
                    }
                }
            }
            Tiers = [.. _demandsOfTier.Keys.Order()];

            // Stock balance per point and period: handed out + carried on ≤ arriving + carried in.
            Constraint Balance(int j, int t)
            {
                if (balance[j] is null)
                {
                    balance[j] = new Constraint[p.Periods];
                    carry[j] = new Variable[p.Periods];
                    for (var s = 0; s < p.Periods; s++)
                    {
                        balance[j][s] = solver.MakeConstraint(double.NegativeInfinity, p.Supply[r][j][s], "");
                        if (p.Options.CarryOver && s + 1 < p.Periods)
                        {
                            carry[j]![s] = solver.MakeNumVar(0, double.PositiveInfinity, "");
                            balance[j][s]!.SetCoefficient(carry[j]![s], 1);
                        }
                        if (s > 0 && carry[j]![s - 1] is { } previous)
                        {
                            balance[j][s]!.SetCoefficient(previous, -1);
                        }
                    }
                }
                return balance[j][t]!;
            }
        }

        public int[] Tiers { get; }

        /// <summary>max z with Σ_j x[j,d,t] ≥ z × need[d] for tier k; then everyone in tier k keeps at least z − slack.</summary>
        public (Solver.ResultStatus, double, TimeSpan) MaxMin(int tier)
        {
            var need = _p.Need[_r];
            var z = _solver.MakeNumVar(0, 1, "");
            var demands = _demandsOfTier[tier];
            var index = demands.Select((d, k) => (d, k)).ToDictionary(e => e.d, e => e.k);
            var rows = new Constraint[demands.Count * _p.Periods];
            for (var k = 0; k < rows.Length; k++)
            {
                rows[k] = _solver.MakeConstraint(0, double.PositiveInfinity, "");
                rows[k].SetCoefficient(z, -need[demands[k / _p.Periods]]);
            }
            foreach (var (_, d, t, x) in _x)
            {
                if (index.TryGetValue(d, out var k))
                {
                    rows[(k * _p.Periods) + t].SetCoefficient(x, 1);
                }
            }
            var objective = _solver.Objective();
            objective.Clear();
            objective.SetCoefficient(z, 1);
            objective.SetMaximization();
            var (status, value, time) = Run();
            _pending.Add(() =>
            {
                if (status == Solver.ResultStatus.OPTIMAL)
                {
                    var level = Math.Max(_minimum, Math.Clamp(value, 0, 1) - Tolerance);
                    foreach (var d in _demandsOfTier[tier])
                    {
                        foreach (var served in _served[d])
                        {
                            served.SetLb(Math.Min(level * need[d], served.Ub()));
                        }
                    }
                }
                // The raised lower bounds now hold the level; the rows and z are no longer needed.
                foreach (var row in rows)
                {
                    row.SetBounds(double.NegativeInfinity, double.PositiveInfinity);
                }
                z.SetBounds(0, 0);
            });
            return (status, value, time);
        }

        /// <summary>max Σ x over tier k; then that total is kept (less a relative slack) in later stages.</summary>
        public (Solver.ResultStatus, double, TimeSpan) MaxTotal(int tier)
        {
            var objective = _solver.Objective();
            objective.Clear();
            var total = _solver.MakeConstraint(double.NegativeInfinity, double.PositiveInfinity, "");
            foreach (var (_, d, _, x) in _x)
            {
                if (_tierOf[d] == tier)
                {
                    objective.SetCoefficient(x, 1);
                    total.SetCoefficient(x, 1);
                }
            }
            objective.SetMaximization();
            var (status, value, time) = Run();
            if (status == Solver.ResultStatus.OPTIMAL)
            {
                _pending.Add(() => total.SetLb(value - (Tolerance * Math.Max(1, value))));
            }
            return (status, value, time);
        }

        public ResourceAllocation Read(Dictionary<int, double> levels, List<AllocationStage> stages, string? failure)
        {
            var served = new double[_p.DemandCount][];
            for (var d = 0; d < _p.DemandCount; d++)
            {
                served[d] = new double[_p.Periods];
            }
            var flows = new List<(int Point, int Demand, int Period, double Quantity)>();
            if (failure is null)
            {
                foreach (var (j, d, t, x) in _x)
                {
                    var q = x.SolutionValue();
                    if (q > 0)
                    {
                        flows.Add((j, d, t, q));
                    }
                }
            }
            flows = AllocationLimits.Within(_p, _r, flows);
            foreach (var (_, d, t, q) in flows)
            {
                served[d][t] += q;
            }
            return new ResourceAllocation(served, flows, levels, stages, failure);
        }

        private (Solver.ResultStatus, double, TimeSpan) Run()
        {
            foreach (var change in _pending)
            {
                change();
            }
            _pending.Clear();
            _solver.SetTimeLimit((long)Math.Max(1, _p.Options.EffectiveTimeLimit.TotalMilliseconds));
            var clock = Stopwatch.StartNew();
            var status = _solver.Solve();
            var value = status == Solver.ResultStatus.OPTIMAL ? _solver.Objective().Value() : double.NaN;
            return (status, value, clock.Elapsed);
        }
    }
}
