namespace Weerbaar.Analysis.Decision;

/// <summary>Saaty's analytic hierarchy process for one reciprocal pairwise comparison matrix.</summary>
/// <remarks>
/// a_ij says how much more important row i is than column j on Saaty's 1–9 scale, with a_ji = 1/a_ij and a_ii = 1.
/// λmax and the principal eigenvector come from power iteration: the matrix is positive, so by Perron–Frobenius the
/// iteration converges to the unique positive eigenvector from any positive start.
/// </remarks>
public static class Ahp
{
    /// <summary>Power iteration stops when no priority moves by more than this between two iterations.</summary>
    public const double Tolerance = 1e-13;

    /// <summary>Safety net; a valid 1–9 matrix of order ≤ 15 converges in well under 100 iterations.</summary>
    public const int MaxIterations = 10_000;

    /// <summary>Priorities, λmax, CI and CR of a pairwise comparison matrix.</summary>
    /// <exception cref="ArgumentException">The matrix is not a valid reciprocal comparison matrix; the message is Dutch.</exception>
    public static AhpResult Compute(IReadOnlyList<IReadOnlyList<double>> matrix, AhpMethod method = AhpMethod.Eigenvector)
    {
        if (PairwiseValidation.Check(matrix) is { } problem)
        {
            throw new ArgumentException(problem, nameof(matrix));
        }
        var n = matrix.Count;
        var (eigenvector, lambda, iterations) = PrincipalEigenvector(matrix);
        var priorities = method == AhpMethod.GeometricMean ? GeometricMean(matrix) : eigenvector;
        var ci = n <= 2 ? 0 : Math.Max(0, (lambda - n) / (n - 1));
        var ri = RandomIndex.For(n);
        double? cr = n <= 2 ? 0 : ri is { } r ? ci / r : null;
        return new AhpResult(priorities, method, lambda, ci, ri, cr, iterations);
    }

    /// <summary>The principal eigenvector (normalised to sum 1) and its eigenvalue, by power iteration.</summary>
    public static (double[] Vector, double Lambda, int Iterations) PrincipalEigenvector(IReadOnlyList<IReadOnlyList<double>> matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var n = matrix.Count;
        var w = new double[n];
        var next = new double[n];
        Array.Fill(w, 1.0 / n);
        var lambda = 0.0;
        for (var iteration = 1; iteration <= MaxIterations; iteration++)
        {
            // With Σw = 1, Σ(Aw) → λ as w → the eigenvector, since Aw = λw.
            lambda = Multiply(matrix, w, next);
            var change = 0.0;
            for (var i = 0; i < n; i++)
            {
                next[i] /= lambda;
                change = Math.Max(change, Math.Abs(next[i] - w[i]));
            }
            (w, next) = (next, w);
            if (change < Tolerance)
            {
                return (w, Multiply(matrix, w, next), iteration);
            }
        }
        throw new InvalidOperationException($"De machtsmethode convergeerde niet in {MaxIterations} stappen.");
    }

    /// <summary>Row geometric means normalised to sum 1.</summary>
    public static double[] GeometricMean(IReadOnlyList<IReadOnlyList<double>> matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var n = matrix.Count;
        var g = new double[n];
        for (var i = 0; i < n; i++)
        {
            var logSum = 0.0;
            for (var j = 0; j < n; j++)
            {
                logSum += Math.Log(matrix[i][j]);
            }
            g[i] = Math.Exp(logSum / n);
        }
        var total = g.Sum();
        for (var i = 0; i < n; i++)
        {
            g[i] /= total;
        }
        return g;
    }

    /// <summary>Global priorities of alternatives: Σ_c criterionWeight_c · localPriority_c,a (the hierarchy's synthesis step).</summary>
    public static double[] Synthesise(IReadOnlyList<double> criterionWeights, IReadOnlyList<IReadOnlyList<double>> localPriorities)
    {
        ArgumentNullException.ThrowIfNull(criterionWeights);
        ArgumentNullException.ThrowIfNull(localPriorities);
        if (localPriorities.Count != criterionWeights.Count)
        {
            throw new ArgumentException($"Er zijn {criterionWeights.Count} criteriumgewichten maar {localPriorities.Count} lijsten met lokale prioriteiten.", nameof(localPriorities));
        }
        var m = localPriorities.Count == 0 ? 0 : localPriorities[0].Count;
        var global = new double[m];
        for (var c = 0; c < criterionWeights.Count; c++)
        {
            if (localPriorities[c].Count != m)
            {
                throw new ArgumentException("Elk criterium moet evenveel alternatieven vergelijken.", nameof(localPriorities));
            }
            for (var a = 0; a < m; a++)
            {
                global[a] += criterionWeights[c] * localPriorities[c][a];
            }
        }
        return global;
    }

    private static double Multiply(IReadOnlyList<IReadOnlyList<double>> a, double[] x, double[] result)
    {
        var total = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            var row = a[i];
            var s = 0.0;
            for (var j = 0; j < x.Length; j++)
            {
                s += row[j] * x[j];
            }
            result[i] = s;
            total += s;
        }
        return total;
    }
}
