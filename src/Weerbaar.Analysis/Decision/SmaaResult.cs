namespace Weerbaar.Analysis.Decision;

/// <summary>Rank acceptability of each alternative.</summary>
/// <param name="Alternatives">Ids in input order; the rows of the matrices below.</param>
/// <param name="RankAcceptability">[alternative][rank − 1]: share of samples in which the alternative had that rank
/// (rank 1 = highest score = prepare first). Each row and each column sums to 1.</param>
/// <param name="CentralWeights">[alternative][criterion]: mean weight vector over the samples in which the alternative
/// ranked first; null per alternative that never ranked first, and null altogether when not asked for.</param>
/// <param name="Samples">Samples drawn.</param>
/// <param name="Seed">Seed used.</param>
public sealed record SmaaResult(
    IReadOnlyList<string> Alternatives,
    IReadOnlyList<IReadOnlyList<double>> RankAcceptability,
    IReadOnlyList<IReadOnlyList<double>?>? CentralWeights,
    int Samples,
    ulong Seed)
{
    /// <summary>Monte Carlo standard error of a share p estimated from <paramref name="samples"/> samples: √(p(1 − p)/N).</summary>
    public static double StandardError(double p, int samples) => Math.Sqrt(p * (1 - p) / samples);
}
