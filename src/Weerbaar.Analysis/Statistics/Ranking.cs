namespace Weerbaar.Analysis.Statistics;

/// <summary>Average ranks ("midranks", scipy.stats.rankdata method='average') and the tie term.</summary>
internal static class Ranking
{
    /// <summary>
    /// Ranks 1..n with tied values sharing the mean of their ranks, and Σ(t³ − t) over the groups of
    /// t tied values (0 without ties), the term every tie correction below is built from.
    /// </summary>
    public static (double[] Ranks, double TieTerm) AverageRanks(IReadOnlyList<double> values)
    {
        var n = values.Count;
        var copy = new double[n];
        var small = true;
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (var i = 0; i < n; i++)
        {
            var v = values[i];
            if (!double.IsFinite(v))
            {
                throw new ArgumentException("Values must be finite numbers.", nameof(values));
            }

            copy[i] = v;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
            small &= v == Math.Floor(v);
        }

        // Survey answers are small whole numbers (1–5, 1–10): count them instead of sorting (100,000 answers in
        // about a millisecond); the ranks are the same.
        return small && n > 0 && max - min <= MaxCountingRange ? CountingRanks(copy, (long)min, (int)(max - min) + 1) : SortingRanks(copy);
    }

    private const double MaxCountingRange = 4096;

    private static (double[] Ranks, double TieTerm) CountingRanks(double[] values, long min, int range)
    {
        var counts = new int[range];
        foreach (var v in values)
        {
            counts[(int)((long)v - min)]++;
        }

        var midrank = new double[range];
        var below = 0;
        var tieTerm = 0.0;
        for (var k = 0; k < range; k++)
        {
            double t = counts[k];
            midrank[k] = below + ((t + 1) / 2.0);
            tieTerm += (t * t * t) - t;
            below += counts[k];
        }

        var ranks = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            ranks[i] = midrank[(int)((long)values[i] - min)];
        }

        return (ranks, tieTerm);
    }

    private static (double[] Ranks, double TieTerm) SortingRanks(double[] values)
    {
        var n = values.Length;
        var keys = (double[])values.Clone();
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(keys, order);
        var ranks = new double[n];
        var tieTerm = 0.0;
        var start = 0;
        while (start < n)
        {
            var end = start + 1;
            while (end < n && keys[end] == keys[start])
            {
                end++;
            }

            // Positions start..end-1 hold ranks start+1..end; their mean is (start + 1 + end) / 2.
            var rank = (start + 1 + end) / 2.0;
            for (var i = start; i < end; i++)
            {
                ranks[order[i]] = rank;
            }

            double t = end - start;
            tieTerm += (t * t * t) - t;
            start = end;
        }

        return (ranks, tieTerm);
    }
}
