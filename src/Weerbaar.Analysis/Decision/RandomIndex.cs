namespace Weerbaar.Analysis.Decision;

/// <summary>Saaty's random consistency index RI: the mean consistency index of random reciprocal matrices of order n.</summary>
/// <remarks>
/// Values for n = 1..10 as tabulated by Saaty (1980, The Analytic Hierarchy Process, McGraw-Hill; repeated in Saaty 1990,
/// "How to make a decision", EJOR 48, p. 9–26): 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49. Other authors'
/// simulations give slightly different numbers (Alonso &amp; Lamata 2006); we keep Saaty's table because the 0.1 threshold
/// was set against it. There is no entry for n &gt; 10.
/// </remarks>
public static class RandomIndex
{
    private static readonly double[] Table = [0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49];

    /// <summary>Largest order the table covers.</summary>
    public const int MaxOrder = 10;

    /// <summary>RI for a matrix of order <paramref name="n"/>; null when n &gt; 10 (not tabulated).</summary>
    public static double? For(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        return n <= MaxOrder ? Table[n - 1] : null;
    }
}
