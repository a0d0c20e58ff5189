namespace Weerbaar.Analysis.Decision;

/// <summary>How the priority vector is derived from the pairwise comparison matrix.</summary>
public enum AhpMethod
{
    /// <summary>Saaty's principal right eigenvector (power iteration).</summary>
    Eigenvector,

    /// <summary>Normalised geometric means of the rows (Crawford &amp; Williams 1985); equal to the eigenvector for a consistent matrix.</summary>
    GeometricMean,
}
