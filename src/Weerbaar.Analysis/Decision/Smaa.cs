namespace Weerbaar.Analysis.Decision;

/// <summary>
/// Stochastic multicriteria acceptability analysis (SMAA-2, Lahdelma &amp; Salminen 2001) with an additive value function:
/// score = Σ_c w_c · v_c, higher = higher priority.
/// </summary>
/// <remarks>
/// <para>Per sample: the weights are drawn (each uniformly from its interval, then rescaled to sum 1; or, without weight
/// information, uniformly on the simplex via normalised exponentials), then every uncertain value uniformly from its
/// interval, then each alternative's rank is counted. Rescaled interval weights are not uniform on the constrained
/// simplex; they are what "this weight lies between a and b" most plainly means to a college.</para>
/// <para>Reproducible: random numbers come from <see cref="Xoshiro256"/> seeded with <see cref="SmaaInput.Seed"/>, drawn
/// in a fixed order (weights in criterion order, then values alternative by alternative, criterion by criterion) and
/// only for entries whose interval has a width, so the same input and seed give bit-identical output.</para>
/// <para>Ties (equal scores, e.g. two identical exact alternatives) share the tied ranks equally, so identical
/// alternatives get identical rows.</para>
/// </remarks>
public static class Smaa
{
    /// <summary>Upper bound on samples, to keep a web request bounded (10 million take a few seconds at 15 × 10).</summary>
    public const int MaxSamples = 10_000_000;

    /// <summary>Rank acceptability (and optionally central weights) by Monte Carlo.</summary>
    /// <exception cref="ArgumentException">Invalid input; the message is Dutch.</exception>
    public static SmaaResult Run(SmaaInput input)
    {
        if (Check(input) is { } problem)
        {
            throw new ArgumentException(problem, nameof(input));
        }
        var m = input.Alternatives.Count;
        var n = input.Alternatives[0].Values.Count;
        var valueLow = new double[m * n];
        var valueWidth = new double[m * n];
        for (var a = 0; a < m; a++)
        {
            for (var c = 0; c < n; c++)
            {
                var v = input.Alternatives[a].Values[c];
                valueLow[a * n + c] = v.Low;
                valueWidth[a * n + c] = v.Width;
            }
        }
        double[]? weightLow = null, weightWidth = null;
        if (input.Weights is { } weights)
        {
            weightLow = [.. weights.Select(w => w.Low)];
            weightWidth = [.. weights.Select(w => w.Width)];
        }

        var ranks = new double[m * m];
        var central = input.CentralWeights ? new double[m * n] : null;
        var firsts = new double[m];
        Sample(new Sampler(valueLow, valueWidth, weightLow, weightWidth, m, n), input.Samples, input.Seed, ranks, central, firsts);

        var acceptability = new IReadOnlyList<double>[m];
        IReadOnlyList<double>?[]? centralWeights = central is null ? null : new IReadOnlyList<double>?[m];
        for (var a = 0; a < m; a++)
        {
            acceptability[a] = [.. ranks.AsSpan(a * m, m).ToArray().Select(count => count / input.Samples)];
            if (centralWeights is not null)
            {
                centralWeights[a] = firsts[a] > 0 ? [.. central!.AsSpan(a * n, n).ToArray().Select(sum => sum / firsts[a])] : null;
            }
        }
        return new SmaaResult([.. input.Alternatives.Select(x => x.Id)], acceptability, centralWeights, input.Samples, input.Seed);
    }

    /// <summary>Null when the input can be sampled, else the reason in Dutch.</summary>
    public static string? Check(SmaaInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Alternatives is not { Count: > 0 })
        {
            return "Er zijn geen scenario's opgegeven.";
        }
        if (input.Samples is < 1 or > MaxSamples)
        {
            return $"Het aantal trekkingen moet tussen 1 en {MaxSamples:N0} liggen.".Replace(',', '.');
        }
        var n = input.Alternatives[0].Values?.Count ?? 0;
        if (n == 0)
        {
            return "Er zijn geen criteria opgegeven.";
        }
        foreach (var alternative in input.Alternatives)
        {
            if (alternative.Values is null || alternative.Values.Count != n)
            {
                return $"Scenario {alternative.Id} heeft {alternative.Values?.Count ?? 0} criteriumwaarden; verwacht {n}.";
            }
            for (var c = 0; c < n; c++)
            {
                if (!Valid(alternative.Values[c]))
                {
                    return $"Scenario {alternative.Id}, criterium {c + 1}: de ondergrens moet een getal zijn en niet boven de bovengrens liggen.";
                }
            }
        }
        if (input.Weights is { } weights)
        {
            if (weights.Count != n)
            {
                return $"Er zijn {weights.Count} gewichten opgegeven voor {n} criteria.";
            }
            for (var c = 0; c < n; c++)
            {
                if (!Valid(weights[c]) || weights[c].Low < 0)
                {
                    return $"Het gewicht van criterium {c + 1} moet een interval van niet-negatieve getallen zijn (ondergrens niet boven bovengrens).";
                }
            }
            if (weights.All(w => w.High == 0))
            {
                return "Minstens één criterium moet een gewicht groter dan 0 kunnen hebben.";
            }
        }
        return null;
    }

    private static bool Valid(Interval v) => double.IsFinite(v.Low) && double.IsFinite(v.High) && v.Low <= v.High;

    private readonly record struct Sampler(
        double[] ValueLow, double[] ValueWidth, double[]? WeightLow, double[]? WeightWidth, int Alternatives, int Criteria);

    // The hot loop: no allocation per sample; all buffers are made once here.
    private static void Sample(Sampler p, int samples, ulong seed, double[] ranks, double[]? central, double[] firsts)
    {
        var m = p.Alternatives;
        var n = p.Criteria;
        var random = new Xoshiro256(seed);
        var w = new double[n];
        var score = new double[m];
        var order = new int[m];
        for (var s = 0; s < samples; s++)
        {
            DrawWeights(ref random, p, w);
            for (var a = 0; a < m; a++)
            {
                var total = 0.0;
                var row = a * n;
                for (var c = 0; c < n; c++)
                {
                    var width = p.ValueWidth[row + c];
                    var v = width == 0 ? p.ValueLow[row + c] : p.ValueLow[row + c] + width * random.NextDouble();
                    total += w[c] * v;
                }
                score[a] = total;
            }
            // Insertion sort of the indices by descending score: m is small (≈ 15), and this does about m²/4
            // comparisons against m² for counting, per sample.
            for (var k = 0; k < m; k++)
            {
                order[k] = k;
            }
            for (var k = 1; k < m; k++)
            {
                var index = order[k];
                var value = score[index];
                var j = k - 1;
                while (j >= 0 && score[order[j]] < value)
                {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = index;
            }
            for (var first = 0; first < m;)
            {
                var last = first + 1;
                while (last < m && score[order[last]] == score[order[first]])
                {
                    last++;
                }
                var share = 1.0 / (last - first);
                for (var k = first; k < last; k++)
                {
                    var a = order[k];
                    for (var r = first; r < last; r++)
                    {
                        ranks[a * m + r] += share;
                    }
                    if (first == 0)
                    {
                        firsts[a] += share;
                        if (central is not null)
                        {
                            for (var c = 0; c < n; c++)
                            {
                                central[a * n + c] += share * w[c];
                            }
                        }
                    }
                }
                first = last;
            }
        }
    }

    private static void DrawWeights(ref Xoshiro256 random, Sampler p, double[] w)
    {
        var n = w.Length;
        var sum = 0.0;
        if (p.WeightLow is null)
        {
            for (var c = 0; c < n; c++)
            {
                w[c] = -Math.Log(1 - random.NextDouble());
                sum += w[c];
            }
        }
        else
        {
            for (var c = 0; c < n; c++)
            {
                var width = p.WeightWidth![c];
                w[c] = width == 0 ? p.WeightLow[c] : p.WeightLow[c] + width * random.NextDouble();
                sum += w[c];
            }
        }
        if (sum <= 0)
        {
            // Every drawn weight was exactly 0 (intervals starting at 0): fall back to equal weights for this sample.
            Array.Fill(w, 1.0 / n);
            return;
        }
        for (var c = 0; c < n; c++)
        {
            w[c] /= sum;
        }
    }
}
