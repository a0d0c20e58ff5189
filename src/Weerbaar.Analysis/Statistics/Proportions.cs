namespace Weerbaar.Analysis.Statistics;

/// <summary>A proportion with its confidence interval.</summary>
/// <param name="Successes">k, the number of cases with the property.</param>
/// <param name="Trials">n, the number of cases.</param>
/// <param name="Proportion">k / n.</param>
/// <param name="Interval">The Wilson score interval.</param>
public sealed record ProportionEstimate(int Successes, int Trials, double Proportion, ConfidenceInterval Interval);

/// <summary>Intervals for proportions such as "88.1 % enigszins – in zeer grote mate".</summary>
public static class Proportions
{
    /// <summary>
    /// The Wilson score interval (Wilson 1927) for k successes in n trials, without continuity correction:
    /// centre (k + z²/2)/(n + z²), half-width z/(n + z²)·√(k(n − k)/n + z²/4), with z the two-sided normal
    /// quantile. Chosen over the Wald interval because it stays inside [0, 1] and keeps close to its nominal
    /// coverage for the small n (and the proportions near 0 or 1) of one scan question; this is the variant
    /// of statsmodels' proportion_confint(method='wilson') and R's prop.test(correct=FALSE).
    /// At k = 0 and k = n the bounds are exactly 0 and 1 (rounding noise is clamped).
    /// </summary>
    /// <returns>null when <paramref name="trials"/> is 0: there is no proportion to estimate.</returns>
    public static ProportionEstimate? Wilson(int successes, int trials, double confidence = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        var z = Distributions.NormalTwoSidedQuantile(confidence);
        if (trials == 0)
        {
            return null;
        }

        double k = successes, n = trials;
        var z2 = z * z;
        var denominator = n + z2;
        var centre = (k + (z2 / 2.0)) / denominator;
        var half = z / denominator * Math.Sqrt((k * (n - k) / n) + (z2 / 4.0));
        var lower = successes == 0 ? 0.0 : Math.Max(0.0, centre - half);
        var upper = successes == trials ? 1.0 : Math.Min(1.0, centre + half);
        return new ProportionEstimate(successes, trials, k / n, new ConfidenceInterval(lower, upper, confidence));
    }
}
