using MathNet.Numerics;

namespace Weerbaar.Analysis.Rankings;

/// <summary>Summary of one item (e.g. one pillar) over all respondents who ranked.</summary>
/// <param name="Index">Position of the item in the caller's item order (0-based).</param>
/// <param name="MeanRank">Mean rank (1 = highest priority); null when nobody ranked.</param>
/// <param name="ShareFirst">Share (0–1) of respondents who put this item first (tied first counts for each tied
/// item); null when nobody ranked.</param>
/// <param name="BordaCount">Sum over respondents of (m − rank) points: m − 1 for first place, 0 for last.</param>
public sealed record RankedItem(int Index, double? MeanRank, double? ShareFirst, double BordaCount);

/// <summary>Kendall's coefficient of concordance W with its Friedman chi-square test.</summary>
/// <param name="W">Kendall's W in [0, 1], corrected for tied ranks.</param>
/// <param name="ChiSquare">Friedman statistic χ² = n(m − 1)W.</param>
/// <param name="DegreesOfFreedom">m − 1.</param>
/// <param name="P">Upper-tail p-value of χ² with m − 1 degrees of freedom (large-sample approximation).</param>
public sealed record Concordance(double W, double ChiSquare, int DegreesOfFreedom, double P);

/// <summary>Everything computed from a set of rankings of m items.</summary>
/// <param name="ItemCount">m.</param>
/// <param name="Respondents">n, the rankings used.</param>
/// <param name="Ignored">Rows left out because every rank was empty.</param>
/// <param name="Items">Per-item summaries in input order.</param>
/// <param name="PreferenceCounts">C[a][b] = number of respondents who rank a strictly above (a lower rank number
/// than) b; the diagonal is 0.</param>
/// <param name="Preferences">P[a][b] = C[a][b] / n (0 everywhere when n = 0). With ties P[a][b] + P[b][a] &lt; 1.</param>
/// <param name="CondorcetWinner">The item that a strict majority prefers over every other item, if any.</param>
/// <param name="CondorcetOrder">Items from most to least preferred when the pairwise-majority relation is a strict
/// total order (every pair has a strict majority and there is no cycle); null otherwise.</param>
/// <param name="Concordance">Kendall's W; null when n = 0 or every respondent tied every item.</param>
public sealed record RankingSummary(
    int ItemCount,
    int Respondents,
    int Ignored,
    IReadOnlyList<RankedItem> Items,
    IReadOnlyList<IReadOnlyList<int>> PreferenceCounts,
    IReadOnlyList<IReadOnlyList<double>> Preferences,
    int? CondorcetWinner,
    IReadOnlyList<int>? CondorcetOrder,
    Concordance? Concordance);

/// <summary>
/// Rankings of m items by n respondents (in the scan: the six pillars, P_rank = 1..6).
/// </summary>
/// <remarks>
/// <para>Input: one row per respondent with m ranks, 1 = first. A row is either entirely empty (the respondent did
/// not rank; ignored and counted in <see cref="RankingSummary.Ignored"/>) or complete. A complete row is a
/// permutation of 1..m, or more generally a ranking with mid-ranks for ties (e.g. 1, 2.5, 2.5, 4): every value must
/// equal its own mid-rank within the row. Anything else (a partly filled row, a duplicate rank without mid-ranking,
/// a value outside 1..m) is a data error and throws, because the questionnaire only stores permutations.</para>
/// <para>Borda count: an item ranked r by a respondent earns m − r points (m − 1 for first place, 0 for last;
/// tied items share the mid-rank, i.e. the average of the points of the places they occupy); the count is the sum
/// over respondents, so mean Borda points = m − mean rank.</para>
/// <para>Condorcet: a beats b when C[a][b] &gt; C[b][a] (a strict majority of those who order the pair).</para>
/// <para>Kendall's W (Kendall &amp; Babington Smith 1939; tie correction as in Siegel &amp; Castellan 1988, §9.4):
/// W = 12 S / (n²(m³ − m) − n ΣT), with R_j the rank sum of item j, S = Σ (R_j − n(m + 1)/2)² and
/// T = Σ (t³ − t) over the groups of t tied ranks within each respondent. The Friedman statistic is
/// χ² = n(m − 1) W (the tie-corrected Friedman χ², identical to scipy.stats.friedmanchisquare), referred to
/// χ²(m − 1).</para>
/// </remarks>
public static class RankingAnalysis
{
    private const double RankTolerance = 1e-9;

    /// <summary>Summarises the rankings.</summary>
    /// <param name="itemCount">m, the number of items ranked (at least 2); every row has m entries.</param>
    /// <param name="ranks">One row per respondent with m ranks (null = not ranked).</param>
    /// <exception cref="ArgumentException">A row of another length than m, or an invalid ranking.</exception>
    public static RankingSummary Analyze(int itemCount, IReadOnlyList<IReadOnlyList<double?>> ranks)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        ArgumentOutOfRangeException.ThrowIfLessThan(itemCount, 2);
        var m = itemCount;
        var rows = ValidRankings(ranks, m);
        var n = rows.Count;

        var rankSums = new double[m];
        var firsts = new int[m];
        var counts = new int[m, m];
        var tieSum = 0.0;
        foreach (var row in rows)
        {
            var best = row.Min();
            for (var a = 0; a < m; a++)
            {
                rankSums[a] += row[a];
                if (row[a] == best)
                {
                    firsts[a]++;
                }

                for (var b = 0; b < m; b++)
                {
                    if (row[a] < row[b])
                    {
                        counts[a, b]++;
                    }
                }
            }

            tieSum += TieTerm(row);
        }

        var items = new RankedItem[m];
        for (var a = 0; a < m; a++)
        {
            items[a] = new RankedItem(
                a,
                n > 0 ? rankSums[a] / n : null,
                n > 0 ? (double)firsts[a] / n : null,
                (double)n * m - rankSums[a]);
        }

        var countRows = new int[m][];
        var shareRows = new double[m][];
        for (var a = 0; a < m; a++)
        {
            countRows[a] = new int[m];
            shareRows[a] = new double[m];
            for (var b = 0; b < m; b++)
            {
                countRows[a][b] = counts[a, b];
                shareRows[a][b] = n > 0 ? (double)counts[a, b] / n : 0;
            }
        }

        var (winner, order) = Condorcet(counts, m);
        return new RankingSummary(
            m, n, ranks.Count - n, items, countRows, shareRows, winner, order, KendallW(rankSums, n, m, tieSum));
    }

    private static List<double[]> ValidRankings(IReadOnlyList<IReadOnlyList<double?>> ranks, int m)
    {
        var rows = new List<double[]>(ranks.Count);
        for (var r = 0; r < ranks.Count; r++)
        {
            var row = ranks[r] ?? throw new ArgumentException($"Row {r} is null.", nameof(ranks));
            if (row.Count != m)
            {
                throw new ArgumentException($"Row {r} has {row.Count} ranks; expected {m}.", nameof(ranks));
            }

            var filled = row.Count(v => v.HasValue);
            if (filled == 0)
            {
                continue;
            }

            if (filled != m)
            {
                throw new ArgumentException($"Row {r} ranks {filled} of {m} items; a ranking is complete or empty.", nameof(ranks));
            }

            var values = row.Select(v => v!.Value).ToArray();
            if (!TryMidRanks(values))
            {
                throw new ArgumentException(
                    $"Row {r} is not a ranking of 1..{m} (a permutation, or mid-ranks for ties).", nameof(ranks));
            }

            rows.Add(values);
        }

        return rows;
    }

    /// <summary>
    /// True when every value equals its mid-rank within the row, up to 1e-9 (so a permutation of 1..m when untied);
    /// the values are then replaced by the exact mid-ranks, so that ties are detected exactly afterwards.
    /// </summary>
    private static bool TryMidRanks(double[] row)
    {
        var exact = new double[row.Length];
        for (var k = 0; k < row.Length; k++)
        {
            var v = row[k];
            if (!double.IsFinite(v))
            {
                return false;
            }

            int below = 0, equal = 0;
            foreach (var w in row)
            {
                if (Math.Abs(w - v) <= RankTolerance)
                {
                    equal++;
                }
                else if (w < v)
                {
                    below++;
                }
            }

            exact[k] = below + (equal + 1) / 2.0;
            if (Math.Abs(v - exact[k]) > RankTolerance)
            {
                return false;
            }
        }

        exact.CopyTo(row, 0);
        return true;
    }

    /// <summary>Σ (t³ − t) over the groups of tied ranks in one row.</summary>
    private static double TieTerm(double[] row)
    {
        var sorted = row.Order().ToArray();
        var sum = 0.0;
        var start = 0;
        for (var i = 1; i <= sorted.Length; i++)
        {
            if (i == sorted.Length || sorted[i] != sorted[start])
            {
                double t = i - start;
                sum += t * t * t - t;
                start = i;
            }
        }

        return sum;
    }

    private static (int? Winner, IReadOnlyList<int>? Order) Condorcet(int[,] counts, int m)
    {
        var wins = new int[m];
        var strict = true;
        for (var a = 0; a < m; a++)
        {
            for (var b = 0; b < m; b++)
            {
                if (a == b)
                {
                    continue;
                }

                if (counts[a, b] > counts[b, a])
                {
                    wins[a]++;
                }
                else if (counts[a, b] == counts[b, a])
                {
                    strict = false;
                }
            }
        }

        int? winner = null;
        for (var a = 0; a < m; a++)
        {
            if (wins[a] == m - 1)
            {
                winner = a;
            }
        }

        // A complete tournament (a strict majority on every pair) is transitive exactly when the win counts are
        // m − 1, m − 2, …, 0; otherwise it contains a cycle.
        if (!strict || wins.Distinct().Count() != m)
        {
            return (winner, null);
        }

        var order = Enumerable.Range(0, m).OrderByDescending(a => wins[a]).ToArray();
        return (winner, order);
    }

    private static Concordance? KendallW(double[] rankSums, int n, int m, double tieSum)
    {
        if (n == 0)
        {
            return null;
        }

        var meanRankSum = n * (m + 1) / 2.0;
        var s = rankSums.Sum(r => (r - meanRankSum) * (r - meanRankSum));
        var denominator = (double)n * n * ((double)m * m * m - m) - n * tieSum;
        if (denominator <= 0)
        {
            return null;
        }

        var w = 12 * s / denominator;
        var df = m - 1;
        var chiSquare = n * (m - 1.0) * w;
        var p = SpecialFunctions.GammaUpperRegularized(df / 2.0, chiSquare / 2);
        return new Concordance(w, chiSquare, df, p);
    }
}
