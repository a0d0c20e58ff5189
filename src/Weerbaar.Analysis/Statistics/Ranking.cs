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
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException("Values must be finite numbers.", nameof(values));
            }

            order[i] = i;
        }

        Array.Sort(order, (a, b) => values[a].CompareTo(values[b]));
        var ranks = new double[n];
        var tieTerm = 0.0;
        var start = 0;
        while (start < n)
        {
            var end = start + 1;
            while (end < n && values[order[end]] == values[order[start]])
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
