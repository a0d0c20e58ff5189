namespace Weerbaar.Analysis.Statistics;

/// <summary>Mean, standard deviation and confidence interval of the mean of one set of values.</summary>
/// <param name="N">Number of values.</param>
/// <param name="Mean">Arithmetic mean; null when <paramref name="N"/> is 0.</param>
/// <param name="StandardDeviation">Sample standard deviation (n − 1 in the denominator); null when N &lt; 2.</param>
/// <param name="MeanInterval">t-based confidence interval of the mean; null when N &lt; 2.</param>
public sealed record MeanSummary(int N, double? Mean, double? StandardDeviation, ConfidenceInterval? MeanInterval);

/// <summary>Descriptive statistics for scores and Likert answers.</summary>
public static class Descriptives
{
    /// <summary>
    /// Mean, sample standard deviation s (denominator n − 1, numpy std(ddof=1), R sd) and the Student t
    /// interval mean ± t(1 − (1 − c)/2; n − 1) · s/√n (R t.test, scipy.stats.t). The t interval rather than
    /// a normal one because groups in the scan can be small (a safety region has a handful of gemeenten);
    /// for large n they coincide. With fewer than two values there is no spread and hence no interval.
    /// The standard deviation is computed in two passes (mean first) for numerical stability.
    /// </summary>
    public static MeanSummary Summarize(IReadOnlyList<double> values, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(values);
        var n = values.Count;
        Distributions.CheckConfidence(confidence);
        if (n == 0)
        {
            return new MeanSummary(0, null, null, null);
        }

        var sum = 0.0;
        foreach (var v in values)
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException("Values must be finite numbers.", nameof(values));
            }

            sum += v;
        }

        var mean = sum / n;
        if (n == 1)
        {
            return new MeanSummary(1, mean, null, null);
        }

        var squares = 0.0;
        foreach (var v in values)
        {
            squares += (v - mean) * (v - mean);
        }

        var sd = Math.Sqrt(squares / (n - 1));
        var t = Distributions.StudentTTwoSidedQuantile(confidence, n - 1);
        var half = t * sd / Math.Sqrt(n);
        return new MeanSummary(n, mean, sd, new ConfidenceInterval(mean - half, mean + half, confidence));
    }
}
