using Weerbaar.Analysis.Decision;

namespace Weerbaar.Analysis.Tests.Decision;

public class SensitivityTests
{
    // A = (0.9, 0.1, 0.5), B = (0.3, 0.8, 0.4), C = (0.5, 0.5, 0.8), weights (0.5, 0.3, 0.2): scores 0.58, 0.47, 0.56; A on top.
    private static readonly double[][] Values = [[0.9, 0.1, 0.5], [0.3, 0.8, 0.4], [0.5, 0.5, 0.8]];
    private static readonly double[] Weights = [0.5, 0.3, 0.2];

    [Fact]
    public void Analyse_HandWorkedExample()
    {
        var result = Sensitivity.Analyse(Values, Weights);

        // Weight 1 = t, the others 0.6(1 − t) and 0.4(1 − t): A = 0.26 + 0.64t, B = 0.64 − 0.34t, C = 0.62 − 0.12t.
        // Lowering t, C meets A at t = 0.36/0.76 = 9/19 (B only at 0.38/0.98 ≈ 0.388, later); raising, A only gains.
        Assert.All(result, r => Assert.Equal(0, r.Top));
        Assert.Equal(9.0 / 19, result[0].Below!.Weight, 12);
        Assert.Equal(2, result[0].Below!.NewTop);
        Assert.Null(result[0].Above);

        // Weight 2 = t, the others (0.5, 0.2)/0.7 · (1 − t): A = 0.7857 − 0.6857t, B = 0.3286 + 0.4714t, C = 0.5857 − 0.0857t.
        // Raising t, C meets A at t = 0.2/0.6 = 1/3 (B at ≈ 0.395, later).
        Assert.Null(result[1].Below);
        Assert.Equal(1.0 / 3, result[1].Above!.Weight, 12);
        Assert.Equal(2, result[1].Above!.NewTop);

        // Weight 3 = t, the others 0.625(1 − t), 0.375(1 − t): A = 0.6 − 0.1t, C = 0.5 + 0.3t meet at t = 0.25; B (slope
        // −0.0875) would cross A only at t = 9, beyond 1.
        Assert.Null(result[2].Below);
        Assert.Equal(0.25, result[2].Above!.Weight, 12);
        Assert.Equal(2, result[2].Above!.NewTop);
    }

    [Fact]
    public void Analyse_SeveralCrossAtOnce_NewTopIsTheOneLeadingBeyond()
    {
        // Weights (0.6, 0.4): A = (0.8, 0.2), B = (0.4, 0.6), C = (0.5, 0.5). Along weight 1 = t: A = 0.2 + 0.6t,
        // B = 0.6 − 0.2t, C = 0.5; all three meet at t = 0.5, and just below it B leads.
        var result = Sensitivity.Analyse([[0.8, 0.2], [0.4, 0.6], [0.5, 0.5]], [0.6, 0.4]);

        Assert.Equal(0.5, result[0].Below!.Weight, 12);
        Assert.Equal(1, result[0].Below!.NewTop);
        Assert.Null(result[0].Above);
        Assert.Equal(0.5, result[1].Above!.Weight, 12);
        Assert.Equal(1, result[1].Above!.NewTop);
    }

    [Fact]
    public void Analyse_DominantAlternative_HasNoThresholds()
    {
        var result = Sensitivity.Analyse([[1, 1, 1], [0.5, 0.2, 0.9]], [1, 2, 3]);

        Assert.All(result, r => Assert.True(r.Below is null && r.Above is null));
        Assert.Equal(0.5, result[2].Current, 12);
    }

    [Fact]
    public void Analyse_MatchesBruteForceScan()
    {
        const int steps = 2_000;
        var random = new Random(5);
        for (var instance = 0; instance < 60; instance++)
        {
            var m = 2 + random.Next(6);
            var n = 2 + random.Next(5);
            var values = Enumerable.Range(0, m).Select(_ => Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray()).ToArray();
            var weights = Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray();
            var total = weights.Sum();

            var result = Sensitivity.Analyse(values, weights);

            for (var i = 0; i < n; i++)
            {
                var t0 = weights[i] / total;
                var top = Top(values, weights, i, t0);
                Assert.Equal(top, result[i].Top);
                // Scan upward and downward from t0 for the first grid point where another alternative leads.
                var (upT, upTop) = Scan(values, weights, i, t0, 1.0, steps, top);
                var (downT, downTop) = Scan(values, weights, i, t0, 0.0, steps, top);
                AssertThreshold(result[i].Above, upT, upTop, 1.0, 1.0 / steps, $"instance {instance}, weight {i} up");
                AssertThreshold(result[i].Below, downT, downTop, 0.0, 1.0 / steps, $"instance {instance}, weight {i} down");
            }
        }
    }

    [Fact]
    public void Analyse_InvalidInput_ThrowsDutchMessage()
    {
        Assert.Contains("niet-negatieve", Assert.Throws<ArgumentException>(() => Sensitivity.Analyse([[1.0]], [-1.0])).Message, StringComparison.Ordinal);
        Assert.Contains("Scenario 2", Assert.Throws<ArgumentException>(() => Sensitivity.Analyse([[1.0, 2], [1.0]], [1.0, 1])).Message, StringComparison.Ordinal);
    }

    private static void AssertThreshold(WeightThreshold? actual, double? scanned, int scannedTop, double end, double step, string what)
    {
        if (scanned is null)
        {
            // The grid may end up to one step before 0 or 1 and so miss a change right at the end.
            Assert.True(actual is null || Math.Abs(actual.Weight - end) <= step, $"{what}: analysis found {actual?.Weight}, scan none");
            return;
        }
        Assert.True(actual is not null, $"{what}: scan found a change at {scanned}, analysis found none");
        Assert.True(Math.Abs(actual!.Weight - scanned.Value) <= step, $"{what}: {actual.Weight} vs scanned {scanned}");
        Assert.Equal(scannedTop, actual.NewTop);
    }

    /// <summary>Independent of the closed form: builds the weight vector at t and sums.</summary>
    private static int Top(double[][] values, double[] raw, int i, double t)
    {
        var total = raw.Sum();
        var rest = 1 - raw[i] / total;
        var w = raw.Select((x, j) => j == i ? t : x / total * (1 - t) / rest).ToArray();
        var best = 0;
        var bestScore = double.NegativeInfinity;
        for (var a = 0; a < values.Length; a++)
        {
            var s = values[a].Select((v, j) => v * w[j]).Sum();
            if (s > bestScore + 1e-12)
            {
                (best, bestScore) = (a, s);
            }
        }
        return best;
    }

    private static (double? T, int Top) Scan(double[][] values, double[] raw, int i, double from, double to, int steps, int top)
    {
        var direction = Math.Sign(to - from);
        for (var k = 1; k <= steps; k++)
        {
            var t = from + direction * k / (double)steps;
            if (direction > 0 ? t > to : t < to)
            {
                break;
            }
            var now = Top(values, raw, i, t);
            if (now != top)
            {
                return (t, now);
            }
        }
        return (null, top);
    }
}
