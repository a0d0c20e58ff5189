namespace Weerbaar.Analysis.Statistics;

/// <summary>Result of a chi-square test of independence.</summary>
/// <param name="Statistic">Pearson's X² (with Yates' correction when it was asked for and applied).</param>
/// <param name="DegreesOfFreedom">(r − 1)(c − 1) over the non-empty rows and columns.</param>
/// <param name="P">Upper tail of the chi-square distribution at <paramref name="Statistic"/>.</param>
/// <param name="YatesApplied">Whether Yates' continuity correction was applied (only ever for one degree of freedom).</param>
/// <param name="ExpectedCounts">Expected counts rowᵢ·colⱼ/N under independence, same shape as the input (0 in an empty row or column).</param>
/// <param name="CramersV">Cramér's V = √(X²/(N·(min(r, c) − 1))) from the uncorrected X², in [0, 1].</param>
/// <param name="MinimumExpected">Smallest expected count among the non-empty rows and columns.</param>
/// <param name="AnyExpectedBelowFive">
/// True when an expected count of a non-empty row and column is below 5: the chi-square approximation is then
/// doubtful, and for a 2×2 table the caller should report <see cref="ContingencyTests.FisherExact"/> instead.
/// </param>
/// <param name="N">Total count.</param>
public sealed record ChiSquareResult(
    double Statistic,
    int DegreesOfFreedom,
    double P,
    bool YatesApplied,
    double[][] ExpectedCounts,
    double CramersV,
    double MinimumExpected,
    bool AnyExpectedBelowFive,
    int N);

/// <summary>Result of Fisher's exact test on a 2×2 table [[a, b], [c, d]].</summary>
/// <param name="P">Two-sided p-value.</param>
/// <param name="OddsRatio">Sample odds ratio ad/(bc); null when bc = 0 (infinite or undefined).</param>
public sealed record FisherExactResult(double P, double? OddsRatio);

/// <summary>Tests on contingency tables (answer category × group).</summary>
public static class ContingencyTests
{
    private const double FisherRelativeTolerance = 1e-7;

    /// <summary>
    /// Pearson's chi-square test of independence for an r×c table of counts, as
    /// scipy.stats.chi2_contingency(table, correction=<paramref name="yatesCorrection"/>).
    /// By default there is no Yates correction, for any shape: the report uses the plain Pearson X² and
    /// switches to Fisher's exact test for a 2×2 table with small expected counts (see
    /// <see cref="ChiSquareResult.AnyExpectedBelowFive"/>), which is the better remedy than Yates' conservative
    /// correction. With <paramref name="yatesCorrection"/> = true the correction is applied exactly as scipy's
    /// default does: only when there is one degree of freedom, moving each observed count towards its
    /// expected count by min(½, |O − E|).
    /// Rows and columns that are entirely zero (an answer nobody gave) are left out of the test, which is
    /// what an analyst would do by hand; scipy raises an error on them instead.
    /// </summary>
    /// <param name="table">Counts, rows × columns, all rows of the same length, no negative counts.</param>
    /// <param name="yatesCorrection">Apply Yates' correction when the (reduced) table has one degree of freedom.</param>
    /// <returns>null when fewer than two rows or two columns are non-empty: independence cannot be tested.</returns>
    public static ChiSquareResult? ChiSquareIndependence(IReadOnlyList<IReadOnlyList<int>> table, bool yatesCorrection = false)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = table.Count;
        var columns = rows == 0 ? 0 : table[0].Count;
        var rowSums = new long[rows];
        var columnSums = new long[columns];
        for (var i = 0; i < rows; i++)
        {
            if (table[i] is null || table[i].Count != columns)
            {
                throw new ArgumentException("Every row must have the same number of columns.", nameof(table));
            }

            for (var j = 0; j < columns; j++)
            {
                if (table[i][j] < 0)
                {
                    throw new ArgumentException("Counts cannot be negative.", nameof(table));
                }

                rowSums[i] += table[i][j];
                columnSums[j] += table[i][j];
            }
        }

        var total = rowSums.Sum();
        var usedRows = Enumerable.Range(0, rows).Where(i => rowSums[i] > 0).ToArray();
        var usedColumns = Enumerable.Range(0, columns).Where(j => columnSums[j] > 0).ToArray();
        if (usedRows.Length < 2 || usedColumns.Length < 2)
        {
            return null;
        }

        var expected = new double[rows][];
        for (var i = 0; i < rows; i++)
        {
            expected[i] = new double[columns];
            for (var j = 0; j < columns; j++)
            {
                expected[i][j] = (double)rowSums[i] * columnSums[j] / total;
            }
        }

        var df = (usedRows.Length - 1) * (usedColumns.Length - 1);
        var applyYates = yatesCorrection && df == 1;
        double pearson = 0.0, corrected = 0.0, minimumExpected = double.PositiveInfinity;
        foreach (var i in usedRows)
        {
            foreach (var j in usedColumns)
            {
                var e = expected[i][j];
                var difference = table[i][j] - e;
                pearson += difference * difference / e;
                var reduced = Math.Max(0.0, Math.Abs(difference) - 0.5);
                corrected += reduced * reduced / e;
                minimumExpected = Math.Min(minimumExpected, e);
            }
        }

        var statistic = applyYates ? corrected : pearson;
        var p = Distributions.ChiSquareSurvival(statistic, df);
        var v = Math.Sqrt(pearson / (total * (Math.Min(usedRows.Length, usedColumns.Length) - 1.0)));
        return new ChiSquareResult(statistic, df, p, applyYates, expected, v, minimumExpected, minimumExpected < 5.0, (int)total);
    }

    /// <summary>
    /// Fisher's exact test, two-sided, for the 2×2 table [[a, b], [c, d]], as scipy.stats.fisher_exact and
    /// R fisher.test: with the margins fixed, a follows a hypergeometric distribution, and p is the total
    /// probability of all tables that are no more probable than the observed one. Probabilities count as
    /// equal within a relative 1e-7 (R's rule; scipy uses 1e-14), so that tables that are equally probable
    /// in exact arithmetic are not split by rounding. The probabilities are built by the ratio
    /// P(a + 1)/P(a) from the mode outward, which keeps full relative precision without factorials.
    /// A table with an empty row or column has p = 1 (as scipy).
    /// </summary>
    public static FisherExactResult FisherExact(int a, int b, int c, int d)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(a);
        ArgumentOutOfRangeException.ThrowIfNegative(b);
        ArgumentOutOfRangeException.ThrowIfNegative(c);
        ArgumentOutOfRangeException.ThrowIfNegative(d);
        double? oddsRatio = (long)b * c == 0 ? null : (double)a * d / ((double)b * c);
        long row1 = a + b, row2 = c + d, column1 = a + c;
        if (row1 == 0 || row2 == 0 || column1 == 0 || b + d == 0)
        {
            return new FisherExactResult(1.0, oddsRatio);
        }

        // Support of a given the margins, and the unnormalised probabilities, 1 at the mode.
        var low = (int)Math.Max(0, column1 - row2);
        var high = (int)Math.Min(row1, column1);
        var weights = new double[high - low + 1];
        var mode = (int)Math.Floor((column1 + 1.0) * (row1 + 1.0) / (row1 + row2 + 2.0));
        mode = Math.Clamp(mode, low, high);
        weights[mode - low] = 1.0;
        for (var x = mode; x < high; x++)
        {
            // P(x + 1)/P(x) = (row1 − x)(column1 − x) / ((x + 1)(row2 − column1 + x + 1))
            weights[x + 1 - low] = weights[x - low] * (row1 - x) * (column1 - x) / ((x + 1.0) * (row2 - column1 + x + 1.0));
        }

        for (var x = mode; x > low; x--)
        {
            weights[x - 1 - low] = weights[x - low] * x * (row2 - column1 + x) / ((row1 - x + 1.0) * (column1 - x + 1.0));
        }

        var observed = weights[a - low];
        double sum = 0.0, tail = 0.0;
        foreach (var w in weights)
        {
            sum += w;
            if (w <= observed * (1.0 + FisherRelativeTolerance))
            {
                tail += w;
            }
        }

        return new FisherExactResult(Math.Min(1.0, tail / sum), oddsRatio);
    }
}
