using System.Numerics;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Weerbaar.Analysis.Agreement;

/// <summary>Agreement between two coders who coded the same items into nominal categories.</summary>
/// <param name="N">Items coded by both coders (pairs with a missing code are left out).</param>
/// <param name="Excluded">Pairs left out because one or both codes were missing.</param>
/// <param name="Categories">Row/column order of <paramref name="Confusion"/>: the categories either coder used
/// (ordinal order) or the caller's list.</param>
/// <param name="Confusion">Counts: rows = coder 1's code, columns = coder 2's code.</param>
/// <param name="ObservedAgreement">p_o, the share of items with the same code; null when N = 0.</param>
/// <param name="ExpectedAgreement">p_e = Σ p_i. p_.i, agreement expected by chance from the margins; null when N = 0.</param>
/// <param name="Kappa">κ = (p_o − p_e)/(1 − p_e); null when N = 0 or p_e = 1 (both coders used one and the same
/// category for every item).</param>
/// <param name="StandardError">Asymptotic (non-null) standard error of κ, Fleiss, Cohen &amp; Everitt (1969).</param>
/// <param name="Lower">Wald lower bound κ − z·SE (not clipped to [−1, 1]).</param>
/// <param name="Upper">Wald upper bound κ + z·SE (not clipped to [−1, 1]).</param>
/// <param name="StandardErrorNull">Standard error of κ under H0: κ = 0 (Fleiss, Cohen &amp; Everitt 1969).</param>
/// <param name="Z">κ / SE₀; null when SE₀ = 0.</param>
/// <param name="P">Two-sided p-value of <paramref name="Z"/> (standard normal).</param>
/// <param name="ConfidenceLevel">Level of the interval.</param>
public sealed record KappaResult(
    int N,
    int Excluded,
    IReadOnlyList<string> Categories,
    IReadOnlyList<IReadOnlyList<int>> Confusion,
    double? ObservedAgreement,
    double? ExpectedAgreement,
    double? Kappa,
    double? StandardError,
    double? Lower,
    double? Upper,
    double? StandardErrorNull,
    double? Z,
    double? P,
    double ConfidenceLevel)
{
    /// <summary>Percent agreement, 100 · p_o.</summary>
    public double? PercentAgreement => ObservedAgreement * 100;
}

/// <summary>Cohen's (1960) κ for two coders, with the asymptotic standard errors of Fleiss, Cohen &amp; Everitt (1969).</summary>
/// <remarks>
/// <para>With p_ij the share of items coded i by coder 1 and j by coder 2, p_i. and p_.j the margins, κ as above and
/// n the number of items (Fleiss, Levin &amp; Paik 2003, Statistical Methods for Rates and Proportions, 3rd ed.,
/// §18.1; the same formulas as SAS PROC FREQ and statsmodels' cohens_kappa):</para>
/// <para>Var(κ) = [Σ_i p_ii (1 − (p_i. + p_.i)(1 − κ))² + (1 − κ)² Σ_{i≠j} p_ij (p_.i + p_j.)² − (κ − p_e(1 − κ))²]
/// / (n (1 − p_e)²), used for the Wald interval κ ± z_{1−γ/2}·SE;</para>
/// <para>Var₀(κ) = [p_e + p_e² − Σ_i p_i. p_.i (p_i. + p_.i)] / (n (1 − p_e)²), used for the test of κ = 0.</para>
/// <para>Categories are the union of the codes of both coders, so a code only one coder used is a row or column
/// with zeros on the other side. Categories that nobody used do not change any statistic. Codes are compared
/// ordinally (case-sensitive). A null code means "not coded"; the pair is left out.</para>
/// </remarks>
public static class CohensKappa
{
    /// <summary>Computes κ and percent agreement for two coders over the same items.</summary>
    /// <param name="coder1">Coder 1's code per item (null = not coded).</param>
    /// <param name="coder2">Coder 2's code for the same items, in the same order.</param>
    /// <param name="categories">Optional category order (distinct codes, may include unused ones); must contain every
    /// code used. When null the categories are the codes used by either coder in ordinal order.</param>
    /// <param name="confidenceLevel">Level of the Wald interval, in (0, 1); default 0.95.</param>
    /// <exception cref="ArgumentException">Lists of different lengths, or a code missing from <paramref name="categories"/>.</exception>
    public static KappaResult Compute(
        IReadOnlyList<string?> coder1,
        IReadOnlyList<string?> coder2,
        IReadOnlyList<string>? categories = null,
        double confidenceLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(coder1);
        ArgumentNullException.ThrowIfNull(coder2);
        if (coder1.Count != coder2.Count)
        {
            throw new ArgumentException($"Coder 1 coded {coder1.Count} items, coder 2 {coder2.Count}.", nameof(coder2));
        }

        if (!(confidenceLevel > 0 && confidenceLevel < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidenceLevel), confidenceLevel, "Must lie strictly between 0 and 1.");
        }

        var pairs = new List<(string A, string B)>(coder1.Count);
        for (var i = 0; i < coder1.Count; i++)
        {
            if (coder1[i] is { } a && coder2[i] is { } b)
            {
                pairs.Add((a, b));
            }
        }

        var order = CategoryOrder(pairs, categories);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < order.Length; i++)
        {
            index[order[i]] = i;
        }

        var q = order.Length;
        var confusion = new int[q][];
        for (var i = 0; i < q; i++)
        {
            confusion[i] = new int[q];
        }

        foreach (var (a, b) in pairs)
        {
            confusion[index[a]][index[b]]++;
        }

        var n = pairs.Count;
        var excluded = coder1.Count - n;
        if (n == 0)
        {
            return new KappaResult(0, excluded, order, confusion, null, null, null, null, null, null, null, null, null, confidenceLevel);
        }

        // Everything below is computed from integer counts (N items, O agreements, margins R_i and C_j,
        // E = Σ R_i C_i) so that κ is one rounding away from the exact rational value and a variance that is exactly
        // zero (perfect agreement, a coder who used one code) comes out as exactly zero instead of 1e-16 noise,
        // whose square root would be 1e-8. See the derivation in the remarks of ExactMoments.
        var (agreements, expectedNumerator, varianceNumerator, nullVarianceNumerator, d) = ExactMoments(confusion, n);
        var nn = (double)n * n;
        var po = (double)agreements / n;
        var pe = (double)expectedNumerator / nn;
        if (d.IsZero)
        {
            return new KappaResult(n, excluded, order, confusion, po, pe, null, null, null, null, null, null, null, confidenceLevel);
        }

        var kappa = (double)((BigInteger)n * agreements - expectedNumerator) / (double)d;
        var d2 = d * d;
        var se = Math.Sqrt(Math.Max(0, (double)(varianceNumerator * n) / (double)(d2 * d2)));
        var seNull = Math.Sqrt(Math.Max(0, (double)nullVarianceNumerator / (double)(d2 * n)));
        var z = Normal.InvCDF(0, 1, 1 - (1 - confidenceLevel) / 2);
        double? zValue = seNull > 0 ? kappa / seNull : null;
        double? p = zValue is { } zv ? SpecialFunctions.Erfc(Math.Abs(zv) / Math.Sqrt(2)) : null;
        return new KappaResult(
            n, excluded, order, confusion, po, pe, kappa, se, kappa - z * se, kappa + z * se, seNull, zValue, p, confidenceLevel);
    }

    /// <summary>Integer numerators of κ and its variances.</summary>
    /// <remarks>
    /// With D = N² − E: κ = (N·O − E)/D, 1 − κ = N(N − O)/D and 1 − p_e = D/N². Substituting p_ij = n_ij/N,
    /// p_i. = R_i/N and p_.j = C_j/N into the Fleiss–Cohen–Everitt formulas gives
    /// Var(κ) = N·V / D⁴ with V = N·[Σ_i n_ii (D − (R_i + C_i)(N − O))² + (N − O)² Σ_{i≠j} n_ij (C_i + R_j)²]
    /// − (N²·O − 2N·E + E·O)², and Var₀(κ) = V₀ / (N·D²) with V₀ = E·N² + E² − N·Σ_i R_i C_i (R_i + C_i).
    /// BigInteger keeps these exact for any N (the terms grow like N⁶).
    /// </remarks>
    private static (long O, BigInteger E, BigInteger V, BigInteger V0, BigInteger D) ExactMoments(int[][] confusion, int n)
    {
        var q = confusion.Length;
        var rows = new BigInteger[q];
        var cols = new BigInteger[q];
        long agreements = 0;
        for (var i = 0; i < q; i++)
        {
            for (var j = 0; j < q; j++)
            {
                rows[i] += confusion[i][j];
                cols[j] += confusion[i][j];
            }

            agreements += confusion[i][i];
        }

        BigInteger bigN = n, o = agreements, e = BigInteger.Zero, marginProducts = BigInteger.Zero;
        for (var i = 0; i < q; i++)
        {
            e += rows[i] * cols[i];
            marginProducts += rows[i] * cols[i] * (rows[i] + cols[i]);
        }

        var d = bigN * bigN - e;
        var disagreements = bigN - o;
        BigInteger diagonal = BigInteger.Zero, offDiagonal = BigInteger.Zero;
        for (var i = 0; i < q; i++)
        {
            for (var j = 0; j < q; j++)
            {
                if (i == j)
                {
                    var t = d - (rows[i] + cols[i]) * disagreements;
                    diagonal += confusion[i][i] * t * t;
                }
                else
                {
                    var t = cols[i] + rows[j];
                    offDiagonal += confusion[i][j] * t * t;
                }
            }
        }

        var c = bigN * bigN * o - 2 * bigN * e + e * o;
        var v = bigN * (diagonal + disagreements * disagreements * offDiagonal) - c * c;
        var v0 = e * bigN * bigN + e * e - bigN * marginProducts;
        return (agreements, e, v, v0, d);
    }

    private static string[] CategoryOrder(List<(string A, string B)> pairs, IReadOnlyList<string>? categories)
    {
        var used = pairs.SelectMany(p => new[] { p.A, p.B }).Distinct(StringComparer.Ordinal);
        if (categories is null)
        {
            return [.. used.Order(StringComparer.Ordinal)];
        }

        var given = categories.ToArray();
        var set = new HashSet<string>(given, StringComparer.Ordinal);
        if (set.Count != given.Length)
        {
            throw new ArgumentException("Categories must be distinct.", nameof(categories));
        }

        var missing = used.Where(c => !set.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"Codes not among the categories: {string.Join(", ", missing)}.", nameof(categories));
        }

        return given;
    }
}
