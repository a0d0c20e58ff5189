namespace Weerbaar.Analysis.Siting;

/// <summary>
/// The greedy heuristic on the core: fixed sites first, then repeatedly the candidate that adds the most (lazy
/// evaluation: a candidate's gain never grows as others open, so a stale gain is an upper bound).
/// MaximalCovering stops after k, SetCovering when the target is reached, PMedian after k.
/// With capacity a site serves its reachable demand nearest first until full (fractions allowed); the p-median
/// picks sites as without capacity and then fills the shortest demand–site pairs first.
/// </summary>
internal static class GreedyCore
{
    /// <summary>The solution, or null when the heuristic cannot meet the target or the capacity (the caller explains why).</summary>
    public static SitingSolution? Solve(SitingProblem problem)
        => problem.Objective == SitingObjective.PMedian ? PMedian(problem) : Covering(problem);

    private static SitingSolution? Covering(SitingProblem p)
    {
        var net = p.Network;
        var bySite = net.DemandsBySite;
        var open = new bool[p.SiteCount];
        var remaining = p.UseCapacity ? (double[])p.Residents.Clone() : null;
        var covered = new bool[p.DemandCount];
        var assignments = new List<SitingAssignment>();
        var coveredWeight = 0.0;

        double Gain(int j, bool apply)
        {
            var gain = 0.0;
            if (remaining is null)
            {
                foreach (var i in bySite[j])
                {
                    if (!covered[i])
                    {
                        gain += p.Weights[i];
                        covered[i] |= apply;
                    }
                }
                return gain;
            }
            var capacityLeft = p.Capacity[j];
            foreach (var i in bySite[j])
            {
                if (capacityLeft <= 0)
                {
                    break;
                }
                var take = Math.Min(remaining[i], capacityLeft);
                if (take <= 0)
                {
                    continue;
                }
                gain += take / p.Residents[i] * p.Weights[i];
                if (apply)
                {
                    remaining[i] -= take;
                    capacityLeft -= take;
                    assignments.Add(new SitingAssignment(i, j, take / p.Residents[i]));
                }
                else
                {
                    capacityLeft -= take;
                }
            }
            return gain;
        }

        for (var j = 0; j < p.SiteCount; j++)
        {
            if (p.Fixed[j])
            {
                open[j] = true;
                coveredWeight += Gain(j, apply: true);
            }
        }

        var setCovering = p.Objective == SitingObjective.SetCovering;
        var target = p.TargetWeight - Tolerance(p.TotalWeight);
        var queue = new PriorityQueue<int, double>();
        for (var j = 0; j < p.SiteCount; j++)
        {
            if (!p.Fixed[j])
            {
                queue.Enqueue(j, -Gain(j, apply: false));
            }
        }
        var picked = 0;
        while (setCovering ? coveredWeight < target : picked < p.NewSites)
        {
            if (!queue.TryDequeue(out var j, out var stale) || -stale <= 0)
            {
                break;
            }
            var gain = Gain(j, apply: false);
            if (queue.TryPeek(out _, out var next) && gain < -next)
            {
                queue.Enqueue(j, -gain);
                continue;
            }
            if (gain <= 0)
            {
                break;
            }
            open[j] = true;
            coveredWeight += Gain(j, apply: true);
            picked++;
        }
        return setCovering && coveredWeight < target ? null : new SitingSolution(open, assignments);
    }

    private static SitingSolution? PMedian(SitingProblem p)
    {
        var net = p.Network;
        var bySite = net.DemandsBySite;
        var siteDistance = net.DistancesBySite;
        var open = new bool[p.SiteCount];
        var current = new double[p.DemandCount];
        Array.Fill(current, double.PositiveInfinity);

        void Open(int j)
        {
            open[j] = true;
            var demands = bySite[j];
            for (var t = 0; t < demands.Length; t++)
            {
                current[demands[t]] = Math.Min(current[demands[t]], siteDistance[j][t]);
            }
        }

        // The reduction in Σ weight × distance if j opened; a demand without any open site counts as infinitely far,
        // so the first site of a run without fixed sites is found separately (the 1-median).
        double Gain(int j)
        {
            var gain = 0.0;
            var demands = bySite[j];
            for (var t = 0; t < demands.Length; t++)
            {
                var i = demands[t];
                if (siteDistance[j][t] < current[i])
                {
                    gain += p.Weights[i] * (current[i] - siteDistance[j][t]);
                }
            }
            return gain;
        }

        for (var j = 0; j < p.SiteCount; j++)
        {
            if (p.Fixed[j])
            {
                Open(j);
            }
        }
        var picked = 0;
        if (!open.Any(o => o) && p.NewSites > 0)
        {
            var first = Enumerable.Range(0, p.SiteCount)
                .MinBy(j => bySite[j].Length < p.DemandCount ? double.PositiveInfinity : Enumerable.Range(0, bySite[j].Length).Sum(t => p.Weights[bySite[j][t]] * siteDistance[j][t]));
            Open(first);
            picked++;
        }
        var queue = new PriorityQueue<int, double>();
        for (var j = 0; j < p.SiteCount; j++)
        {
            if (!open[j])
            {
                queue.Enqueue(j, -Gain(j));
            }
        }
        while (picked < p.NewSites && queue.TryDequeue(out var j, out var stale) && -stale > 0)
        {
            var gain = Gain(j);
            if (queue.TryPeek(out _, out var next) && gain < -next)
            {
                queue.Enqueue(j, -gain);
                continue;
            }
            if (gain <= 0)
            {
                break;
            }
            Open(j);
            picked++;
        }
        if (!p.UseCapacity)
        {
            return new SitingSolution(open, []);
        }
        var assignments = FillShortestPairs(p, open);
        return assignments is null ? null : new SitingSolution(open, assignments);
    }

    /// <summary>Every demand fully assigned, shortest demand–site pairs first; null when the open capacity falls short.</summary>
    private static List<SitingAssignment>? FillShortestPairs(SitingProblem p, bool[] open)
    {
        var net = p.Network;
        var pairs = new List<(double D, int I, int J)>();
        for (var i = 0; i < p.DemandCount; i++)
        {
            for (var t = 0; t < net.Sites[i].Length; t++)
            {
                if (open[net.Sites[i][t]])
                {
                    pairs.Add((net.Distances[i][t], i, net.Sites[i][t]));
                }
            }
        }
        pairs.Sort();
        var remaining = (double[])p.Residents.Clone();
        var capacityLeft = (double[])p.Capacity.Clone();
        var shares = new Dictionary<(int, int), double>();
        foreach (var (_, i, j) in pairs)
        {
            var take = Math.Min(remaining[i], capacityLeft[j]);
            if (take > 0)
            {
                remaining[i] -= take;
                capacityLeft[j] -= take;
                shares[(i, j)] = take / p.Residents[i];
            }
        }
        var unassigned = remaining.Sum();
        if (unassigned > Tolerance(p.TotalResidents))
        {
            return null;
        }
        // Demand points without residents still get their nearest open site.
        for (var i = 0; i < p.DemandCount; i++)
        {
            if (p.Residents[i] <= 0 && Array.FindIndex(net.Sites[i], j => open[j]) is var t and >= 0)
            {
                shares[(i, net.Sites[i][t])] = 1;
            }
        }
        return [.. shares.Select(s => new SitingAssignment(s.Key.Item1, s.Key.Item2, s.Value))];
    }

    /// <summary>Rounding slack for sums of weights.</summary>
    public static double Tolerance(double total) => 1e-9 * Math.Max(1, total);
}
