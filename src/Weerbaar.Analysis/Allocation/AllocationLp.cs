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

        var upper = AllocationStockInReach.UpperFractions(p, r);
        foreach (var tier in model.Tiers)
        {
            double value;
            TimeSpan time;
            var status = Solver.ResultStatus.OPTIMAL;
            if (p.Options.Shortcuts && model.DemandsOf(tier).Any(d => upper[d]!.Any(f => f <= 0)))
            {
                // Someone in this tier gets nothing in some period in every answer: the level is 0, no LP needed.
                if (minimum > 0)
                {
                    return null;
                }
                value = 0;
            }
            else
            {
                (status, value, time) = model.MaxMin(tier);
                stages.Add(new AllocationStage(resource, tier, "max-min", status.ToString(), value, time));
            }
            if (status == Solver.ResultStatus.INFEASIBLE && minimum > 0 && tier == model.Tiers[0])
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
            if (p.Options.Shortcuts && (levels[tier] >= 1 - Tolerance || model.DemandsOf(tier).All(d => upper[d]!.All(f => f <= 0))))
            {
                // Everyone in the tier fully served (the lower bounds already hold the total), or nothing reaches it.
                continue;
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
        private readonly Constraint?[][] _balance;
        private readonly HashSet<int> _added = [];

        /// <summary>False until the first LP ran: every stage was skipped, so nothing reached anyone.</summary>
        // The flows of the last stage that ended optimal: what a failed later stage falls back to.
        private List<(int Point, int Demand, int Period, double Quantity)> _lastOptimal = [];

        /// <summary>Changing the model drops GLOP's solution, so a stage's fixing waits until the next stage starts.</summary>
        private readonly List<Action> _pending = [];

        public Model(AllocationProblem p, int r, int[] tierOf, double minimum, Solver solver)
        {
            (_p, _r, _tierOf, _minimum, _solver) = (p, r, tierOf, minimum, solver);
            _balance = new Constraint?[p.PointCount][];
            _served = new Constraint[p.DemandCount][];
            for (var d = 0; d < p.DemandCount; d++)
            {
                if (p.Need[r][d] > 0 && p.Reach[d].Length > 0)
                {
                    (_demandsOfTier.TryGetValue(tierOf[d], out var list) ? list : _demandsOfTier[tierOf[d]] = []).Add(d);
                }
            }
            Tiers = [.. _demandsOfTier.Keys.Order()];
            if (minimum > 0 || !p.Options.Shortcuts)
            {
                // The minimum binds every tier from the first stage on.
                foreach (var tier in Tiers)
                {
                    Add(tier);
                }
            }
        }

        /// <summary>
        /// A tier's served rows and variables enter the model at its first LP (a shortcut: the plain path adds all at
        /// once). Without a minimum, a tier not yet optimised only takes stock away, so leaving it out (serving it nothing)
        /// changes no earlier stage's optimum, and the earlier LPs are smaller.
        /// </summary>
        private void Add(int tier)
        {
            if (!_added.Add(tier))
            {
                return;
            }
            var need = _p.Need[_r];
            foreach (var d in _demandsOfTier[tier])
            {
                _served[d] = new Constraint[_p.Periods];
                for (var t = 0; t < _p.Periods; t++)
                {
                    var served = _solver.MakeConstraint(_minimum * need[d], need[d], "");
                    _served[d][t] = served;
                    foreach (var j in _p.Reach[d])
                    {
                        var x = _solver.MakeNumVar(0, need[d], "");
                        _x.Add((j, d, t, x));
                        served.SetCoefficient(x, 1);
                        Balance(j, t).SetCoefficient(x, 1);
                    }
                }
            }
        }

        /// <summary>Stock balance per point and period: handed out + carried on ≤ arriving + carried in.</summary>
        private Constraint Balance(int j, int t)
        {
            if (_balance[j] is null)
            {
                var balance = _balance[j] = new Constraint[_p.Periods];
                var carry = new Variable?[_p.Periods];
                for (var s = 0; s < _p.Periods; s++)
                {
                    balance[s] = _solver.MakeConstraint(double.NegativeInfinity, _p.Supply[_r][j][s], "");
                    if (_p.Options.CarryOver && s + 1 < _p.Periods)
                    {
                        carry[s] = _solver.MakeNumVar(0, double.PositiveInfinity, "");
                        balance[s]!.SetCoefficient(carry[s], 1);
                    }
                    if (s > 0 && carry[s - 1] is { } previous)
                    {
                        balance[s]!.SetCoefficient(previous, -1);
                    }
                }
            }
            return _balance[j]![t]!;
        }

        public int[] Tiers { get; }

        public List<int> DemandsOf(int tier) => _demandsOfTier[tier];

        /// <summary>max z with Σ_j x[j,d,t] ≥ z × need[d] for tier k; then everyone in tier k keeps at least z − slack.</summary>
        public (Solver.ResultStatus, double, TimeSpan) MaxMin(int tier)
        {
            Add(tier);
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
            Add(tier);
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
            var flows = AllocationLimits.Within(_p, _r, _lastOptimal);
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
            if (status == Solver.ResultStatus.OPTIMAL)
            {
                _lastOptimal = [.. _x.Select(v => (v.Point, v.Demand, v.Period, v.X.SolutionValue())).Where(f => f.Item4 > 0)];
            }
            var value = status == Solver.ResultStatus.OPTIMAL ? _solver.Objective().Value() : double.NaN;
            return (status, value, clock.Elapsed);
        }
    }
}
