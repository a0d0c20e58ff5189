namespace Weerbaar.Analysis.Decision;

/// <summary>One alternative (a crisis scenario) with its value on each criterion; higher value = more reason to prepare for it.</summary>
public sealed record SmaaAlternative(string Id, IReadOnlyList<Interval> Values);

/// <summary>What to sample.</summary>
/// <param name="Alternatives">The alternatives; each has one value per criterion.</param>
/// <param name="Weights">Criterion weights as intervals (exact: Low = High); each sample draws every weight uniformly from its
/// interval and rescales them to sum 1. Null: no preference information, weights uniform on the simplex (classic SMAA).</param>
/// <param name="Samples">Monte Carlo samples.</param>
/// <param name="Seed">Seed of the random generator; the same input and seed give the same result everywhere.</param>
/// <param name="CentralWeights">Also compute each alternative's central weight vector (mean weights where it ranks first).</param>
public sealed record SmaaInput(
    IReadOnlyList<SmaaAlternative> Alternatives,
    IReadOnlyList<Interval>? Weights,
    int Samples = 10_000,
    ulong Seed = 2026,
    bool CentralWeights = false);
