using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Weerbaar.Analysis.Statistics;

/// <summary>
/// Tail probabilities computed from the special functions directly, so that small p-values keep their
/// relative precision (1 − CDF would lose it below about 1e-16).
/// </summary>
internal static class Distributions
{
    /// <summary>P(Z ≥ z) for a standard normal Z (scipy.stats.norm.sf).</summary>
    public static double NormalSurvival(double z) => z switch
    {
        double.PositiveInfinity => 0.0,
        double.NegativeInfinity => 1.0,
        _ => 0.5 * SpecialFunctions.Erfc(z / Constants.Sqrt2),
    };

    /// <summary>The two-sided normal quantile z with P(|Z| ≤ z) = <paramref name="confidence"/>.</summary>
    public static double NormalTwoSidedQuantile(double confidence)
    {
        CheckConfidence(confidence);
        return Normal.InvCDF(0.0, 1.0, 1.0 - ((1.0 - confidence) / 2.0));
    }

    /// <summary>The two-sided Student t quantile t with P(|T| ≤ t) = <paramref name="confidence"/>.</summary>
    /// <remarks>
    /// MathNet's StudentT.InvCDF finds the root only to about 1e-9 relative, so its answer is polished with
    /// Newton steps on the upper tail P(T ≥ t) = ½·I(ν/(ν + t²); ν/2, ½), which is computed to full precision
    /// from the regularized incomplete beta function; two or three steps reach scipy.stats.t.ppf to ~1e-15.
    /// </remarks>
    public static double StudentTTwoSidedQuantile(double confidence, int degreesOfFreedom)
    {
        CheckConfidence(confidence);
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        double nu = degreesOfFreedom, tail = (1.0 - confidence) / 2.0;
        var t = StudentT.InvCDF(0.0, 1.0, nu, 1.0 - tail);
        for (var step = 0; step < 8; step++)
        {
            var upper = 0.5 * SpecialFunctions.BetaRegularized(nu / 2.0, 0.5, nu / (nu + (t * t)));
            var next = t + ((upper - tail) / StudentT.PDF(0.0, 1.0, nu, t));
            if (Math.Abs(next - t) <= 1e-15 * Math.Abs(t))
            {
                return next;
            }

            t = next;
        }

        return t;
    }

    /// <summary>P(X ≥ x) for X chi-square with <paramref name="degreesOfFreedom"/> (scipy.stats.chi2.sf).</summary>
    public static double ChiSquareSurvival(double x, int degreesOfFreedom) =>
        x <= 0.0 ? 1.0 : SpecialFunctions.GammaUpperRegularized(degreesOfFreedom / 2.0, x / 2.0);

    /// <summary>Throws unless 0 &lt; <paramref name="confidence"/> &lt; 1.</summary>
    public static void CheckConfidence(double confidence)
    {
        if (!(confidence > 0.0 && confidence < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence level must lie strictly between 0 and 1.");
        }
    }
}
