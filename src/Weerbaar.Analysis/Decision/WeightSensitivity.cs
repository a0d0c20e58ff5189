namespace Weerbaar.Analysis.Decision;

/// <summary>Where moving one weight changes the top alternative.</summary>
/// <param name="Criterion">Index of the weight that moves.</param>
/// <param name="Current">Its current (normalised) value.</param>
/// <param name="Top">Index of the top alternative at the current weights.</param>
/// <param name="Below">Lowering the weight: the largest value below <paramref name="Current"/> at which another
/// alternative takes the top; null when none does down to 0.</param>
/// <param name="Above">Raising the weight: the smallest value above <paramref name="Current"/> at which another
/// alternative takes the top; null when none does up to 1.</param>
public sealed record WeightSensitivity(int Criterion, double Current, int Top, WeightThreshold? Below, WeightThreshold? Above);

/// <summary>A weight value at which the top changes, and the alternative that is on top just beyond it.</summary>
public sealed record WeightThreshold(double Weight, int NewTop);
