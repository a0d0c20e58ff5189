using MathNet.Numerics.Distributions;

namespace Weerbaar.Analysis.Reliability;

/// <summary>Per-item statistics of a scale, over the complete cases.</summary>
/// <param name="Index">Position of the item in the caller's item order (0-based).</param>
/// <param name="Mean">Mean of the item.</param>
/// <param name="Variance">Sample variance of the item (denominator n − 1).</param>
/// <param name="ItemRestCorrelation">Pearson correlation of the item with the sum of the other items
/// (the "corrected item-total correlation"); null when the item or the rest sum has zero variance.</param>
/// <param name="AlphaIfDeleted">Cronbach's α of the scale without this item; null when fewer than two items
/// remain or the remaining items have zero total variance.</param>
public sealed record ScaleItemStatistics(
    int Index,
    double Mean,
    double Variance,
    double? ItemRestCorrelation,
    double? AlphaIfDeleted);

/// <summary>Internal consistency of one scale.</summary>
/// <param name="ItemCount">k, the number of items.</param>
/// <param name="Respondents">Number of respondent rows passed in.</param>
/// <param name="N">Complete cases used (respondents with a value on every item).</param>
/// <param name="Alpha">Cronbach's α; null when N &lt; 2, k &lt; 2 or the total score has zero variance.</param>
/// <param name="AlphaLower">Lower bound of the Feldt confidence interval; null with <paramref name="Alpha"/>.</param>
/// <param name="AlphaUpper">Upper bound of the Feldt confidence interval; null with <paramref name="Alpha"/>.</param>
/// <param name="ConfidenceLevel">Level of the interval, e.g. 0.95.</param>
/// <param name="Items">Per-item statistics in input order; empty when N &lt; 2.</param>
public sealed record ScaleReliability(
    int ItemCount,
    int Respondents,
    int N,
    double? Alpha,
    double? AlphaLower,
    double? AlphaUpper,
    double ConfidenceLevel,
    IReadOnlyList<ScaleItemStatistics> Items)
{
    /// <summary>Respondents left out by listwise deletion.</summary>
    public int Excluded => Respondents - N;
}

/// <summary>
/// Cronbach's (1951) coefficient α with the Feldt (1965) confidence interval, item-rest correlations and
/// α-if-item-deleted.
/// </summary>
/// <remarks>
/// <para>Input: one row per respondent, one value per item (all rows the same length k). A null value is a
/// missing answer: the caller maps both "not answered" and 'weet niet' (WN) to null. Respondents with any null
/// are removed entirely (listwise deletion), so α, the interval and all item statistics are computed on the same
/// complete cases; <see cref="ScaleReliability.N"/> reports how many remain.</para>
/// <para>α = k/(k−1) · (1 − Σ s²ᵢ / s²ₜ) with sample variances (denominator n − 1) of the items and of the total
/// score. It is null (not computed) when n &lt; 2 or k &lt; 2 (no variance / no internal consistency to speak of)
/// and when s²ₜ = 0 (every complete case has the same total: α is 0/0). An item with zero variance is allowed;
/// its item-rest correlation is null.</para>
/// <para>Confidence interval (Feldt 1965, Psychometrika 30:357–370; in this form in Feldt, Woodruff &amp; Salih
/// 1987, Applied Psychological Measurement 11:93–103, and psych::alpha.ci in R): under the assumptions of the
/// two-way random-effects model, (1 − α)/(1 − α̂) follows F(n − 1, (n − 1)(k − 1)), hence
/// lower = 1 − (1 − α̂)·F(1 − γ/2; n − 1, (n − 1)(k − 1)) and upper = 1 − (1 − α̂)·F(γ/2; n − 1, (n − 1)(k − 1))
/// with γ = 1 − confidence level. The bounds are not clipped (the lower bound can be far below 0 for small n).</para>
/// </remarks>
public static class CronbachAlpha
{
    /// <summary>Computes α, its Feldt interval and item statistics for one scale.</summary>
    /// <param name="responses">One row per respondent with k item values; null = missing or 'weet niet'.</param>
    /// <param name="confidenceLevel">Level of the Feldt interval, in (0, 1); default 0.95.</param>
    /// <exception cref="ArgumentException">Rows of different lengths, no items, or a value that is not finite.</exception>
    public static ScaleReliability Compute(IReadOnlyList<IReadOnlyList<double?>> responses, double confidenceLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(responses);
        if (!(confidenceLevel > 0 && confidenceLevel < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidenceLevel), confidenceLevel, "Must lie strictly between 0 and 1.");
        }

        var complete = CompleteCases(responses, out var k);
        var n = complete.Count;
        if (n < 2)
        {
            return new ScaleReliability(k, responses.Count, n, null, null, null, confidenceLevel, []);
        }

        var alpha = Alpha(complete, k, skip: -1);
        double? lower = null, upper = null;
        if (alpha is { } a && k >= 2)
        {
            var df1 = n - 1.0;
            var df2 = (n - 1.0) * (k - 1.0);
            var gamma = 1 - confidenceLevel;
            lower = 1 - (1 - a) * FQuantile(1 - gamma / 2, df1, df2);
            upper = 1 - (1 - a) * FQuantile(gamma / 2, df1, df2);
        }

        var totals = new double[n];
        for (var r = 0; r < n; r++)
        {
            totals[r] = Sum(complete[r]);
        }

        var items = new ScaleItemStatistics[k];
        var column = new double[n];
        var rest = new double[n];
        for (var i = 0; i < k; i++)
        {
            for (var r = 0; r < n; r++)
            {
                column[r] = complete[r][i];
                rest[r] = RestSum(complete[r], i);
            }

            var (mean, variance) = MeanVariance(column);
            items[i] = new ScaleItemStatistics(
                i,
                mean,
                variance,
                k >= 2 ? Pearson(column, rest) : null,
                k >= 3 ? Alpha(complete, k, skip: i) : null);
        }

        return new ScaleReliability(k, responses.Count, n, alpha, lower, upper, confidenceLevel, items);
    }

    private static List<double[]> CompleteCases(IReadOnlyList<IReadOnlyList<double?>> responses, out int k)
    {
        k = -1;
        var complete = new List<double[]>(responses.Count);
        for (var r = 0; r < responses.Count; r++)
        {
            var row = responses[r] ?? throw new ArgumentException($"Row {r} is null.", nameof(responses));
            if (k < 0)
            {
                k = row.Count;
            }
            else if (row.Count != k)
            {
                throw new ArgumentException($"Row {r} has {row.Count} items; row 0 has {k}.", nameof(responses));
            }

            var values = new double[k];
            var isComplete = true;
            for (var i = 0; i < k; i++)
            {
                if (row[i] is not { } v)
                {
                    isComplete = false;
                    continue;
                }

                if (!double.IsFinite(v))
                {
                    throw new ArgumentException($"Row {r}, item {i} is not a finite number.", nameof(responses));
                }

                values[i] = v;
            }

            if (isComplete)
            {
                complete.Add(values);
            }
        }

        if (k == 0)
        {
            throw new ArgumentException("A scale needs at least one item.", nameof(responses));
        }

        k = Math.Max(k, 0);
        return complete;
    }

    /// <summary>α over the items except <paramref name="skip"/> (−1 = none); null when it is undefined.</summary>
    private static double? Alpha(List<double[]> rows, int k, int skip)
    {
        var items = skip < 0 ? k : k - 1;
        if (items < 2 || rows.Count < 2)
        {
            return null;
        }

        var n = rows.Count;
        var column = new double[n];
        var total = new double[n];
        var sumItemVariances = 0.0;
        for (var i = 0; i < k; i++)
        {
            if (i == skip)
            {
                continue;
            }

            for (var r = 0; r < n; r++)
            {
                column[r] = rows[r][i];
                total[r] += rows[r][i];
            }

            sumItemVariances += MeanVariance(column).Variance;
        }

        var totalVariance = MeanVariance(total).Variance;
        if (totalVariance <= 0)
        {
            return null;
        }

        return items / (items - 1.0) * (1 - sumItemVariances / totalVariance);
    }

    private static double Sum(double[] row)
    {
        var s = 0.0;
        foreach (var v in row)
        {
            s += v;
        }

        return s;
    }

    private static double RestSum(double[] row, int skip)
    {
        var s = 0.0;
        for (var i = 0; i < row.Length; i++)
        {
            if (i != skip)
            {
                s += row[i];
            }
        }

        return s;
    }

    /// <summary>Two-pass mean and sample variance (n − 1).</summary>
    private static (double Mean, double Variance) MeanVariance(double[] x)
    {
        var mean = Sum(x) / x.Length;
        var ss = 0.0;
        foreach (var v in x)
        {
            ss += (v - mean) * (v - mean);
        }

        return (mean, ss / (x.Length - 1));
    }

    /// <summary>Pearson correlation; null when either variable has zero variance.</summary>
    private static double? Pearson(double[] x, double[] y)
    {
        var mx = Sum(x) / x.Length;
        var my = Sum(y) / y.Length;
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var dx = x[i] - mx;
            var dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        if (sxx <= 0 || syy <= 0)
        {
            return null;
        }

        return sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>
    /// Quantile of F(d1, d2). MathNet's root finder is accurate to about 1e-10 relative for tiny degrees of
    /// freedom, so the result is polished with Newton steps on the exact CDF (regularised incomplete beta).
    /// </summary>
    private static double FQuantile(double p, double d1, double d2)
    {
        var x = FisherSnedecor.InvCDF(d1, d2, p);
        for (var step = 0; step < 3; step++)
        {
            var density = FisherSnedecor.PDF(d1, d2, x);
            if (!(density > 0) || !double.IsFinite(density))
            {
                break;
            }

            var next = x - (FisherSnedecor.CDF(d1, d2, x) - p) / density;
            if (!(next > 0) || !double.IsFinite(next))
            {
                break;
            }

            x = next;
        }

        return x;
    }
}
