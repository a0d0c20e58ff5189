namespace Weerbaar.Analysis.Statistics;

/// <summary>Adjustment of p-values for a family of tests.</summary>
public static class MultipleComparisons
{
    /// <summary>
    /// Holm's step-down adjustment (Holm 1979), as R p.adjust(p, method = "holm"): sort the m p-values
    /// ascending, multiply the i-th smallest by m − i + 1, make the sequence non-decreasing (running maximum)
    /// and cap it at 1. Holm rather than Bonferroni because it controls the same family-wise error rate and is
    /// never less powerful; it needs no assumption about the dependence between the tests (the questions of
    /// one scan are correlated). The result is in the original order.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A p-value is NaN or outside [0, 1].</exception>
    public static double[] Holm(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var m = pValues.Count;
        for (var i = 0; i < m; i++)
        {
            if (!(pValues[i] >= 0.0 && pValues[i] <= 1.0))
            {
                throw new ArgumentOutOfRangeException(nameof(pValues), pValues[i], "p-values must lie in [0, 1].");
            }
        }

        // A stable sort (ties keep their order), as R's order().
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ToArray();
        var adjusted = new double[m];
        var runningMax = 0.0;
        for (var rank = 0; rank < m; rank++)
        {
            var index = order[rank];
            runningMax = Math.Max(runningMax, Math.Min(1.0, (m - rank) * pValues[index]));
            adjusted[index] = runningMax;
        }

        return adjusted;
    }
}
