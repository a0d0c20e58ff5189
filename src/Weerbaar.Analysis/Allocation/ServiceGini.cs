namespace Weerbaar.Analysis.Allocation;

/// <summary>
/// The Gini coefficient of service fractions across people: every person in a cell (a buurt's group and a resource)
/// counts once with that cell's fraction, so a cell weighs by its people count:
/// G = Σᵢ Σⱼ wᵢ wⱼ |fᵢ − fⱼ| / (2 W² μ), W = Σ wᵢ, μ = Σ wᵢ fᵢ / W.
/// 0 = everyone the same fraction; G = 0 when μ = 0 (nobody served: equal, if equally bad).
/// </summary>
public static class ServiceGini
{
    /// <summary>O(n log n): with fractions sorted ascending, Σᵢ Σⱼ wᵢ wⱼ |fᵢ − fⱼ| = 2 Σᵢ wᵢ fᵢ (W_before(i) − W_after(i)); ties cancel.</summary>
    public static double Of(IEnumerable<(double Fraction, double Weight)> people)
    {
        var sorted = people.Where(x => x.Weight > 0).OrderBy(x => x.Fraction).ToArray();
        var total = sorted.Sum(x => x.Weight);
        var weightedSum = sorted.Sum(x => x.Weight * x.Fraction);
        if (total <= 0 || weightedSum <= 0)
        {
            return 0;
        }
        var before = 0.0;
        var sum = 0.0;
        foreach (var (f, w) in sorted)
        {
            var after = total - before - w;
            sum += w * f * (before - after);
            before += w;
        }
        return Math.Max(0, sum / (total * weightedSum));
    }
}
