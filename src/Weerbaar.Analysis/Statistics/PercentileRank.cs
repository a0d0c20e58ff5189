namespace Weerbaar.Analysis.Statistics;

/// <summary>Where one value stands among a set of values, as a percentile rank.</summary>
public static class PercentileRank
{
    /// <summary>
    /// The mid-rank percentile of <paramref name="score"/> among <paramref name="values"/>: 100 × (the number of values
    /// below it + half the number equal to it) / n, as scipy.stats.percentileofscore(values, score, kind="mean").
    /// Ties count half, so a score shared by everyone is at 50 and the percentile does not depend on the order of
    /// tied values. The score need not be one of the values.
    /// </summary>
    /// <returns>Null when there are no values.</returns>
    public static double? MidRank(IReadOnlyList<double> values, double score)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!double.IsFinite(score))
        {
            throw new ArgumentException("The score must be a finite number.", nameof(score));
        }

        if (values.Count == 0)
        {
            return null;
        }

        var below = 0;
        var equal = 0;
        foreach (var v in values)
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException("Values must be finite numbers.", nameof(values));
            }

            if (v < score)
            {
                below++;
            }
            else if (v == score)
            {
                equal++;
            }
        }

        return 100.0 * (below + (0.5 * equal)) / values.Count;
    }
}
