using System.Globalization;
using System.Text.Json;
using Weerbaar.Analysis.Decision;
using Weerbaar.Web.Features.Accounts;

namespace Weerbaar.Web.Features.Afweging;

/// <summary>
/// The weights of the priority criteria (<see cref="ScenarioPriority.CriterionIds"/>): per criterion an interval,
/// set directly or derived by AHP from three pairwise judgements.
/// </summary>
/// <param name="Pairwise">With AHP: how much more important the first of each <see cref="Pairs"/> is than the second (Saaty 1/9 … 9).</param>
public sealed record PriorityWeights(IReadOnlyList<Interval> Weights, string Method, IReadOnlyList<double>? Pairwise)
{
    public const string Direct = "direct";
    public const string Ahp = "ahp";
    public const double MaxWeight = 100;

    /// <summary>The pairs compared, as criterion indexes: kans–impact, kans–onvoorbereidheid, impact–onvoorbereidheid.</summary>
    public static readonly IReadOnlyList<(int First, int Second)> Pairs = [(0, 1), (0, 2), (1, 2)];

    /// <summary>Saaty's scale as offered in the form, strongest for the first criterion first.</summary>
    public static readonly IReadOnlyList<double> Scale = [9, 7, 5, 3, 1, 1.0 / 3, 1.0 / 5, 1.0 / 7, 1.0 / 9];

    public static readonly string Source =
        "aanname: gelijke gewichten voor kans, impact en onvoorbereidheid; het college stelt ze vast (direct of door paarsgewijze vergelijking, AHP).";

    public static PriorityWeights Default { get; } = new([Interval.Exact(1), Interval.Exact(1), Interval.Exact(1)], Direct, null);

    /// <summary>The weights at the middle of their intervals, rescaled to sum 1.</summary>
    public double[] Central()
    {
        var mid = Weights.Select(w => (w.Low + w.High) / 2).ToArray();
        var total = mid.Sum();
        return [.. mid.Select(m => m / total)];
    }

    public bool HasIntervals => Weights.Any(w => w.Width > 0);

    /// <summary>The pairwise matrix of <see cref="Pairwise"/>, reciprocal.</summary>
    public static double[][] Matrix(IReadOnlyList<double> pairwise)
    {
        var m = Enumerable.Range(0, 3).Select(i => Enumerable.Range(0, 3).Select(j => i == j ? 1.0 : 0).ToArray()).ToArray();
        for (var k = 0; k < Pairs.Count; k++)
        {
            var (a, b) = Pairs[k];
            m[a][b] = pairwise[k];
            m[b][a] = 1 / pairwise[k];
        }
        return m;
    }

    public static string ScaleLabel(double value, string first, string second) => value switch
    {
        >= 8.5 => $"{first} extreem veel belangrijker (9)",
        >= 6.5 => $"{first} veel belangrijker (7)",
        >= 4.5 => $"{first} belangrijker (5)",
        >= 2.5 => $"{first} iets belangrijker (3)",
        >= 0.9 => "even belangrijk (1)",
        >= 0.3 => $"{second} iets belangrijker (1/3)",
        >= 0.19 => $"{second} belangrijker (1/5)",
        >= 0.13 => $"{second} veel belangrijker (1/7)",
        _ => $"{second} extreem veel belangrijker (1/9)",
    };

    /// <summary>A scale value as the form sends it: "9", "1/3".</summary>
    public static string ScaleText(double value) => value >= 1
        ? Math.Round(value).ToString(CultureInfo.InvariantCulture)
        : "1/" + Math.Round(1 / value).ToString(CultureInfo.InvariantCulture);

    public static double? ParseScale(string? text)
    {
        var t = text?.Trim();
        return Scale.Select(v => (double?)v).FirstOrDefault(v => ScaleText(v!.Value) == t);
    }

    public string ToJson() => JsonSerializer.Serialize(new Stored(Method, [.. Weights.Select(w => new StoredWeight(w.Low, w.High))], Pairwise?.ToList()), JsonSerializerOptions.Web);

    public static PriorityWeights FromJson(string json)
    {
        var s = JsonSerializer.Deserialize<Stored>(json, JsonSerializerOptions.Web) ?? throw new InvalidOperationException("Lege gewichten.");
        return new PriorityWeights([.. s.Weights.Select(w => new Interval(w.Low, w.High))], s.Method, s.Pairwise);
    }

    /// <summary>Checks direct weights: every bound a number from 0 to <see cref="MaxWeight"/>, low ≤ high, not all 0.</summary>
    public static (PriorityWeights? Weights, List<FieldError> Errors) FromDirect(IReadOnlyList<(string? Low, string? High)> typed)
    {
        var errors = new List<FieldError>();
        var weights = new List<Interval>();
        for (var c = 0; c < ScenarioPriority.CriterionIds.Count; c++)
        {
            var id = ScenarioPriority.CriterionIds[c];
            var name = ScenarioPriority.CriterionNames[c];
            var (lowText, highText) = c < typed.Count ? typed[c] : (null, null);
            var low = Number(lowText, $"{id}-van", $"Het gewicht van {name.ToLowerInvariant()}", errors);
            var high = string.IsNullOrWhiteSpace(highText) ? low : Number(highText, $"{id}-tot", $"De bovengrens van het gewicht van {name.ToLowerInvariant()}", errors);
            if (low is { } l && high is { } h)
            {
                if (h < l)
                {
                    errors.Add(new FieldError($"{id}-tot", $"De bovengrens van het gewicht van {name.ToLowerInvariant()} ligt onder de ondergrens."));
                }
                weights.Add(new Interval(l, h));
            }
        }
        if (errors.Count == 0 && weights.All(w => w.High == 0))
        {
            errors.Add(new FieldError($"{ScenarioPriority.CriterionIds[0]}-van", "Minstens één gewicht moet groter dan 0 zijn."));
        }
        return errors.Count > 0 ? (null, errors) : (new PriorityWeights(weights, Direct, null), errors);
    }

    /// <summary>Checks three pairwise judgements and derives the weights with AHP (eigenvector).</summary>
    public static (PriorityWeights? Weights, AhpResult? Ahp, List<FieldError> Errors) FromPairwise(IReadOnlyList<string?> typed)
    {
        var errors = new List<FieldError>();
        var values = new List<double>();
        for (var k = 0; k < Pairs.Count; k++)
        {
            var (a, b) = Pairs[k];
            if (ParseScale(k < typed.Count ? typed[k] : null) is { } v)
            {
                values.Add(v);
            }
            else
            {
                errors.Add(new FieldError(PairField(k),
                    $"Kies hoeveel belangrijker {ScenarioPriority.CriterionNames[a].ToLowerInvariant()} is dan {ScenarioPriority.CriterionNames[b].ToLowerInvariant()} (schaal 1/9 tot 9)."));
            }
        }
        if (errors.Count > 0)
        {
            return (null, null, errors);
        }
        var ahp = Weerbaar.Analysis.Decision.Ahp.Compute(Matrix(values));
        return (new PriorityWeights([.. ahp.Priorities.Select(Interval.Exact)], Ahp, values), ahp, errors);
    }

    public static string PairField(int k) => $"paar-{ScenarioPriority.CriterionIds[Pairs[k].First]}-{ScenarioPriority.CriterionIds[Pairs[k].Second]}";

    private static double? Number(string? text, string field, string label, List<FieldError> errors)
    {
        var t = text?.Trim().Replace(',', '.');
        if (string.IsNullOrEmpty(t) || !double.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v) || v > MaxWeight)
        {
            errors.Add(new FieldError(field, $"{label} moet een getal van 0 tot en met {MaxWeight.ToString(CultureInfo.InvariantCulture)} zijn (niet '{text?.Trim()}')."));
            return null;
        }
        return v;
    }

    private sealed record Stored(string Method, List<StoredWeight> Weights, List<double>? Pairwise);

    private sealed record StoredWeight(double Low, double High);
}
