namespace Weerbaar.Analysis.Decision;

/// <summary>One-weight-at-a-time sensitivity of the top alternative under additive scoring, score_a = Σ_c w_c v_ac.</summary>
/// <remarks>
/// Weight i moves to t while the others keep their proportions: w_j(t) = w_j (1 − t)/(1 − w_i). Then
/// score_a(t) = B_a + t (v_ai − B_a) with B_a = Σ_{j≠i} w_j v_aj /(1 − w_i), the score at t = 0: a straight line in t, so
/// the top changes exactly where the current top's line crosses another's, t = (B_b − B_top)/(D_top − D_b) with
/// D = v_i − B. When all other weights are 0 (w_i = 1) they have no proportions; they are then spread equally.
/// Ties in the current top go to the lowest index; at a crossing of several lines the new top is the one that leads
/// just beyond the crossing.
/// </remarks>
public static class Sensitivity
{
    /// <summary>Crossings closer than this (in weight) count as the same point.</summary>
    public const double Epsilon = 1e-12;

    /// <summary>The thresholds for every weight.</summary>
    /// <param name="values">[alternative][criterion] exact values.</param>
    /// <param name="weights">Non-negative weights, one per criterion; rescaled to sum 1.</param>
    /// <exception cref="ArgumentException">Invalid input; the message is Dutch.</exception>
    public static IReadOnlyList<WeightSensitivity> Analyse(IReadOnlyList<IReadOnlyList<double>> values, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(weights);
        if (Check(values, weights) is { } problem)
        {
            throw new ArgumentException(problem, nameof(values));
        }
        var n = weights.Count;
        var total = weights.Sum();
        var w = weights.Select(x => x / total).ToArray();
        var result = new WeightSensitivity[n];
        for (var i = 0; i < n; i++)
        {
            result[i] = ForWeight(values, w, i);
        }
        return result;
    }

    /// <summary>Scores at weight i = t, the others rescaled proportionally (as in <see cref="Analyse"/>).</summary>
    public static double[] ScoresAt(IReadOnlyList<IReadOnlyList<double>> values, IReadOnlyList<double> weights, int criterion, double t)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(weights);
        var total = weights.Sum();
        var w = weights.Select(x => x / total).ToArray();
        var (b, d) = Lines(values, w, criterion);
        return [.. b.Select((intercept, a) => intercept + t * d[a])];
    }

    private static WeightSensitivity ForWeight(IReadOnlyList<IReadOnlyList<double>> values, double[] w, int i)
    {
        var (b, d) = Lines(values, w, i);
        var t0 = w[i];
        var top = 0;
        for (var a = 1; a < b.Length; a++)
        {
            if (b[a] + t0 * d[a] > b[top] + t0 * d[top])
            {
                top = a;
            }
        }
        WeightThreshold? above = null, below = null;
        for (var a = 0; a < b.Length; a++)
        {
            if (a == top || d[a] == d[top])
            {
                continue;
            }
            var t = (b[a] - b[top]) / (d[top] - d[a]);
            if (d[a] > d[top] && t >= t0 - Epsilon && t <= 1 + Epsilon)
            {
                // Raising the weight: a overtakes at t; the new top is the steepest line among those crossing first.
                if (above is null || t < above.Weight - Epsilon || (Math.Abs(t - above.Weight) <= Epsilon && d[a] > d[above.NewTop]))
                {
                    above = new WeightThreshold(Math.Clamp(t, 0, 1), a);
                }
            }
            else if (d[a] < d[top] && t <= t0 + Epsilon && t >= -Epsilon)
            {
                if (below is null || t > below.Weight + Epsilon || (Math.Abs(t - below.Weight) <= Epsilon && d[a] < d[below.NewTop]))
                {
                    below = new WeightThreshold(Math.Clamp(t, 0, 1), a);
                }
            }
        }
        return new WeightSensitivity(i, t0, top, below, above);
    }

    /// <summary>Intercept B_a (score at w_i = 0) and slope D_a = v_ai − B_a of each alternative's score line.</summary>
    private static (double[] B, double[] D) Lines(IReadOnlyList<IReadOnlyList<double>> values, double[] w, int i)
    {
        var m = values.Count;
        var n = w.Length;
        var rest = 1 - w[i];
        var b = new double[m];
        var d = new double[m];
        for (var a = 0; a < m; a++)
        {
            var s = 0.0;
            for (var j = 0; j < n; j++)
            {
                if (j != i)
                {
                    s += rest > 0 ? w[j] / rest * values[a][j] : values[a][j] / (n - 1);
                }
            }
            b[a] = n == 1 ? values[a][i] : s;
            d[a] = values[a][i] - b[a];
        }
        return (b, d);
    }

    private static string? Check(IReadOnlyList<IReadOnlyList<double>> values, IReadOnlyList<double> weights)
    {
        if (values.Count == 0)
        {
            return "Er zijn geen scenario's opgegeven.";
        }
        if (weights.Count == 0)
        {
            return "Er zijn geen criteria opgegeven.";
        }
        if (weights.Any(x => !double.IsFinite(x) || x < 0) || weights.Sum() <= 0)
        {
            return "De gewichten moeten niet-negatieve getallen zijn, samen groter dan 0.";
        }
        for (var a = 0; a < values.Count; a++)
        {
            if (values[a] is null || values[a].Count != weights.Count || values[a].Any(x => !double.IsFinite(x)))
            {
                return $"Scenario {a + 1} moet voor elk van de {weights.Count} criteria een getal hebben.";
            }
        }
        return null;
    }
}
