namespace Weerbaar.Analysis.Decision;

/// <summary>Priorities and consistency of one pairwise comparison matrix.</summary>
/// <param name="Priorities">Weights per row of the matrix, summing to 1.</param>
/// <param name="Method">How <paramref name="Priorities"/> were derived.</param>
/// <param name="LambdaMax">Principal eigenvalue λmax of the matrix (always from the eigenvector, whatever the method).</param>
/// <param name="ConsistencyIndex">CI = (λmax − n)/(n − 1); 0 for n ≤ 2.</param>
/// <param name="RandomIndex">Saaty's RI for this n; null when n &gt; 10.</param>
/// <param name="ConsistencyRatio">CR = CI/RI; 0 for n ≤ 2 (always consistent); null when RI is unknown.</param>
/// <param name="Iterations">Power iterations used for λmax and the eigenvector.</param>
public sealed record AhpResult(
    IReadOnlyList<double> Priorities,
    AhpMethod Method,
    double LambdaMax,
    double ConsistencyIndex,
    double? RandomIndex,
    double? ConsistencyRatio,
    int Iterations)
{
    /// <summary>Saaty's threshold: a consistency ratio above this asks the decision maker to revisit the judgements.</summary>
    public const double Threshold = 0.1;

    /// <summary>CR ≤ 0.1 (false when CR cannot be computed).</summary>
    public bool IsConsistent => ConsistencyRatio is { } cr && cr <= Threshold;

    /// <summary>A Dutch warning for the user when the judgements are not consistent enough, else null.</summary>
    public string? Warning => ConsistencyRatio switch
    {
        null => $"De consistentie is niet te beoordelen: Saaty's tabel gaat tot {Decision.RandomIndex.MaxOrder} criteria. Vergelijk minder criteria tegelijk.",
        > Threshold => $"De paarsgewijze vergelijkingen zijn niet consistent genoeg (consistentieratio {AhpMessages.Ratio(ConsistencyRatio.Value)}; de grens is 0,10). "
            + "Kijk de vergelijkingen opnieuw na, vooral die het sterkst van de andere afwijken.",
        _ => null,
    };
}
