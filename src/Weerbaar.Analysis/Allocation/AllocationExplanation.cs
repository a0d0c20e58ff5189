namespace Weerbaar.Analysis.Allocation;

/// <summary>
/// One Dutch sentence per (buurt, group, resource) naming the rule that bound it, read from the answer and the stages:
/// no need; no point in reach; fully served; held at the minimum level; a higher tier was served from the same points
/// (in a period whose stock could have reached a short period); held at its tier's max-min level; else the reachable
/// points had nothing left (true at the total stage's optimum: leftover stock in reach would have raised that total).
/// </summary>
internal sealed class AllocationExplanation
{
    /// <summary>Relative to need: below this an amount is noise.</summary>
    private const double Noise = 1e-5;

    private readonly AllocationProblem _p;
    private readonly int _r;
    private readonly ResourceAllocation _a;
    private readonly AllocationPolicy _policy;
    private readonly double _minimum;

    /// <summary>[j][t]: the best (lowest) tier served at point j in period t, int.MaxValue when none.</summary>
    private readonly int[][] _topTier;

    /// <summary>Per (point, tier): the names of the groups served there.</summary>
    private readonly Dictionary<(int, int), SortedSet<string>> _namesAt = [];

    public AllocationExplanation(AllocationProblem p, int r, ResourceAllocation a, AllocationPolicy policy, double minimum)
    {
        (_p, _r, _a, _policy, _minimum) = (p, r, a, policy, minimum);
        _topTier = [.. Enumerable.Range(0, p.PointCount).Select(_ => Enumerable.Repeat(int.MaxValue, p.Periods).ToArray())];
        foreach (var (j, d, t, q) in a.Flows)
        {
            if (q > Noise * p.Need[r][d])
            {
                _topTier[j][t] = Math.Min(_topTier[j][t], p.Tier(d));
                var key = (j, p.Tier(d));
                (_namesAt.TryGetValue(key, out var names) ? names : _namesAt[key] = new SortedSet<string>(StringComparer.Ordinal)).Add(p.Group[d].Name);
            }
        }
    }

    public string For(int d)
    {
        var need = _p.Need[_r][d];
        var served = _a.Served[d];
        if (need <= 0)
        {
            return AllocationMessages.NoNeed;
        }
        if (_p.Reach[d].Length == 0)
        {
            return AllocationMessages.OutOfReach(_p.Options.MaxDistanceMeters, _p.NearestMeters[d]);
        }
        var shortPeriods = Enumerable.Range(0, _p.Periods).Where(t => served[t] < need * (1 - Noise)).ToArray();
        if (shortPeriods.Length == 0)
        {
            return AllocationMessages.Full;
        }
        var lowest = served.Min() / need;
        var fraction = served.Sum() / (need * _p.Periods);
        if (_policy == AllocationPolicy.Proportional)
        {
            return AllocationMessages.Proportional(fraction);
        }
        if (_minimum > 0 && fraction <= _minimum + Noise)
        {
            return AllocationMessages.Minimum(_minimum);
        }
        if (_policy == AllocationPolicy.StrictPriority && HigherTier(d, shortPeriods) is { } tier)
        {
            var names = _p.Reach[d].SelectMany(j => _namesAt.GetValueOrDefault((j, tier)) ?? []).Distinct().Order(StringComparer.Ordinal);
            return AllocationMessages.Priority(tier, names);
        }
        var levelTier = _policy == AllocationPolicy.MaxMin ? 1 : _p.Tier(d);
        if (_a.Levels.TryGetValue(levelTier, out var level) && lowest <= level + Noise)
        {
            return AllocationMessages.Level(_policy == AllocationPolicy.MaxMin ? 0 : levelTier, level);
        }
        return AllocationMessages.Exhausted(_p.Reach[d].Length);
    }

    /// <summary>The best tier above d's that was served from a point d reaches, in a period whose stock could have served a short period of d.</summary>
    private int? HigherTier(int d, int[] shortPeriods)
    {
        var last = shortPeriods[^1];
        var best = int.MaxValue;
        foreach (var j in _p.Reach[d])
        {
            for (var t = 0; t <= last; t++)
            {
                var couldServe = _p.Options.CarryOver || Array.IndexOf(shortPeriods, t) >= 0;
                if (couldServe && _topTier[j][t] < _p.Tier(d))
                {
                    best = Math.Min(best, _topTier[j][t]);
                }
            }
        }
        return best == int.MaxValue ? null : best;
    }
}
