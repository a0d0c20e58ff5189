namespace Weerbaar.Analysis.Statistics;

/// <summary>Result of a two-sided Mann–Whitney U test.</summary>
/// <param name="U">U of the first group: R₁ − n₁(n₁ + 1)/2, the number of (x, y) pairs with x &gt; y, ties counting ½.</param>
/// <param name="P">Two-sided p-value (normal approximation, tie- and continuity-corrected).</param>
/// <param name="RankBiserial">Rank-biserial correlation 2U/(n₁n₂) − 1 in [−1, 1]; positive when the first group tends to be larger.</param>
/// <param name="N1">Size of the first group.</param>
/// <param name="N2">Size of the second group.</param>
public sealed record MannWhitneyResult(double U, double P, double RankBiserial, int N1, int N2);

/// <summary>Result of a Kruskal–Wallis H test.</summary>
/// <param name="H">Tie-corrected H.</param>
/// <param name="DegreesOfFreedom">Number of groups − 1.</param>
/// <param name="P">Upper tail of the chi-square distribution with <paramref name="DegreesOfFreedom"/> at H.</param>
/// <param name="EpsilonSquared">Effect size ε² = H/((n² − 1)/(n + 1)) = H/(n − 1), in [0, 1].</param>
/// <param name="N">Total number of values.</param>
public sealed record KruskalWallisResult(double H, int DegreesOfFreedom, double P, double EpsilonSquared, int N);

/// <summary>Result of a two-sided Wilcoxon signed-rank test for paired values.</summary>
/// <param name="Statistic">min(W⁺, W⁻), the statistic scipy.stats.wilcoxon reports for a two-sided test.</param>
/// <param name="WPlus">Sum of the ranks of the positive differences x − y.</param>
/// <param name="WMinus">Sum of the ranks of the negative differences.</param>
/// <param name="N">Number of pairs with a non-zero difference (the pairs the test uses).</param>
/// <param name="Z">Standardised statistic (continuity-corrected); ≤ 0 because it is built from the minimum.</param>
/// <param name="P">Two-sided p-value.</param>
/// <param name="RankBiserial">Matched-pairs rank-biserial correlation (W⁺ − W⁻)/(W⁺ + W⁻); positive when x tends to exceed y.</param>
public sealed record WilcoxonSignedRankResult(double Statistic, double WPlus, double WMinus, int N, double Z, double P, double RankBiserial);

/// <summary>
/// Rank-based tests for ordinal answers (Likert 1–5, scores 1–10): they use only the order of the answers,
/// which is all a Likert scale promises, and cope with the many ties such scales produce.
/// </summary>
public static class RankTests
{
    /// <summary>
    /// Two-sided Mann–Whitney U test (Wilcoxon rank-sum), as scipy.stats.mannwhitneyu(x, y,
    /// use_continuity=True, alternative='two-sided', method='asymptotic') and R wilcox.test(x, y,
    /// exact=FALSE, correct=TRUE): midranks for ties, the tie-corrected variance
    /// n₁n₂/12 · ((n + 1) − Σ(t³ − t)/(n(n − 1))), and a continuity correction of ½ towards the mean.
    /// The normal approximation (not the exact distribution) because Likert data are full of ties, where
    /// the exact distribution does not apply, and because the API contract promises this variant.
    /// The statistic is U of the first group, so its side is visible; the p-value uses max(U₁, U₂) as
    /// scipy does (the same p either way).
    /// When every value is equal the variance is 0: the groups cannot differ, and p = 1 (scipy gives 1 too).
    /// </summary>
    /// <returns>null when either group is empty: there is nothing to compare.</returns>
    public static MannWhitneyResult? MannWhitneyU(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        int n1 = x.Count, n2 = y.Count;
        if (n1 == 0 || n2 == 0)
        {
            return null;
        }

        var (ranks, tieTerm) = Ranking.AverageRanks([.. x, .. y]);
        var rankSum1 = 0.0;
        for (var i = 0; i < n1; i++)
        {
            rankSum1 += ranks[i];
        }

        var pairs = (double)n1 * n2;
        var n = (double)(n1 + n2);
        var u1 = rankSum1 - (n1 * (n1 + 1.0) / 2.0);
        var u = Math.Max(u1, pairs - u1);
        var variance = pairs / 12.0 * (n + 1.0 - (tieTerm / (n * (n - 1.0))));
        double p;
        if (variance <= 0.0)
        {
            p = 1.0;
        }
        else
        {
            var z = (u - (pairs / 2.0) - 0.5) / Math.Sqrt(variance);
            p = Math.Min(1.0, 2.0 * Distributions.NormalSurvival(z));
        }

        return new MannWhitneyResult(u1, p, (2.0 * u1 / pairs) - 1.0, n1, n2);
    }

    /// <summary>
    /// Kruskal–Wallis H test for k ≥ 2 independent groups, as scipy.stats.kruskal and R kruskal.test:
    /// H = [12/(n(n + 1)) Σ Rᵢ²/nᵢ − 3(n + 1)] / [1 − Σ(t³ − t)/(n³ − n)] with midranks, p from the
    /// chi-square distribution with k − 1 degrees of freedom. Effect size ε² = H/((n² − 1)/(n + 1))
    /// (Tomczak &amp; Tomczak 2014), which lies in [0, 1].
    /// When every value is equal the tie correction is 0 and H is 0/0; scipy raises an error (older versions
    /// return nan). Here H = 0, p = 1, ε² = 0: all answers equal is no evidence of a difference, and a report
    /// row should not break on it.
    /// </summary>
    /// <returns>null with fewer than two groups or when a group is empty (scipy: error or nan).</returns>
    public static KruskalWallisResult? KruskalWallis(IReadOnlyList<IReadOnlyList<double>> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (groups.Count < 2 || groups.Any(g => g is null || g.Count == 0))
        {
            return null;
        }

        var all = groups.SelectMany(g => g).ToArray();
        double n = all.Length;
        var df = groups.Count - 1;
        var (ranks, tieTerm) = Ranking.AverageRanks(all);
        var correction = 1.0 - (tieTerm / ((n * n * n) - n));
        if (correction <= 0.0)
        {
            return new KruskalWallisResult(0.0, df, 1.0, 0.0, all.Length);
        }

        var sum = 0.0;
        var offset = 0;
        foreach (var group in groups)
        {
            var rankSum = 0.0;
            for (var i = 0; i < group.Count; i++)
            {
                rankSum += ranks[offset + i];
            }

            sum += rankSum * rankSum / group.Count;
            offset += group.Count;
        }

        // Rounding can leave a tiny negative H when the groups have identical rank means.
        var h = Math.Max(0.0, ((12.0 / (n * (n + 1.0)) * sum) - (3.0 * (n + 1.0))) / correction);
        var p = Distributions.ChiSquareSurvival(h, df);
        return new KruskalWallisResult(h, df, p, h / (((n * n) - 1.0) / (n + 1.0)), all.Length);
    }

    /// <summary>
    /// Two-sided Wilcoxon signed-rank test for paired values (for example bewustzijn and inzicht of one
    /// pillar from the same respondents), as scipy.stats.wilcoxon(x, y, zero_method='wilcox',
    /// correction=True, alternative='two-sided', method='approx') and R wilcox.test(x, y, paired=TRUE,
    /// exact=FALSE, correct=TRUE): pairs with x = y are dropped (Wilcoxon's original rule, and R's), the
    /// absolute differences get midranks, the variance n(n + 1)(2n + 1)/24 − Σ(t³ − t)/48 is tie-corrected,
    /// and z = (T − n(n + 1)/4 − ½·sign(T − n(n + 1)/4))/σ with T = min(W⁺, W⁻). The normal approximation
    /// because Likert differences are full of ties and zeros, where the exact distribution does not apply.
    /// Effect size: the matched-pairs rank-biserial correlation (Kerby 2014) over the same non-zero pairs.
    /// </summary>
    /// <returns>null when there are no pairs with a non-zero difference (scipy raises an error).</returns>
    /// <exception cref="ArgumentException">The two lists differ in length.</exception>
    public static WilcoxonSignedRankResult? WilcoxonSignedRank(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException("Paired values need lists of the same length.", nameof(y));
        }

        var differences = new List<double>(x.Count);
        for (var i = 0; i < x.Count; i++)
        {
            var d = x[i] - y[i];
            if (double.IsNaN(d))
            {
                throw new ArgumentException("Values must be finite numbers.", nameof(x));
            }

            if (d != 0.0)
            {
                differences.Add(d);
            }
        }

        if (differences.Count == 0)
        {
            return null;
        }

        var (ranks, tieTerm) = Ranking.AverageRanks([.. differences.Select(Math.Abs)]);
        double wPlus = 0.0, wMinus = 0.0;
        for (var i = 0; i < ranks.Length; i++)
        {
            if (differences[i] > 0.0)
            {
                wPlus += ranks[i];
            }
            else
            {
                wMinus += ranks[i];
            }
        }

        double n = differences.Count;
        var statistic = Math.Min(wPlus, wMinus);
        var mean = n * (n + 1.0) / 4.0;
        var sd = Math.Sqrt(((n * (n + 1.0) * ((2.0 * n) + 1.0)) - (0.5 * tieTerm)) / 24.0);
        var z = (statistic - mean - (0.5 * Math.Sign(statistic - mean))) / sd;
        var p = Math.Min(1.0, 2.0 * Distributions.NormalSurvival(Math.Abs(z)));
        return new WilcoxonSignedRankResult(statistic, wPlus, wMinus, differences.Count, z, p, (wPlus - wMinus) / (wPlus + wMinus));
    }
}
