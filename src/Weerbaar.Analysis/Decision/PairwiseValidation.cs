namespace Weerbaar.Analysis.Decision;

/// <summary>Checks a pairwise comparison matrix; the first problem found comes back as a Dutch sentence.</summary>
public static class PairwiseValidation
{
    /// <summary>Relative tolerance for a_ji · a_ij = 1, so that judgements typed as 0.333 for 1/3 are accepted.</summary>
    public const double ReciprocalTolerance = 1e-2;

    /// <summary>Saaty's scale runs from 1/9 to 9; anything outside is a typing error rather than a judgement.</summary>
    public const double ScaleMax = 9;

    /// <summary>Null when the matrix is a valid reciprocal comparison matrix on Saaty's 1–9 scale, else the reason in Dutch.</summary>
    public static string? Check(IReadOnlyList<IReadOnlyList<double>> matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var n = matrix.Count;
        if (n == 0)
        {
            return "De vergelijkingsmatrix is leeg.";
        }
        for (var i = 0; i < n; i++)
        {
            if (matrix[i] is null || matrix[i].Count != n)
            {
                return $"De vergelijkingsmatrix moet vierkant zijn ({n} × {n}); rij {i + 1} heeft {matrix[i]?.Count ?? 0} waarden.";
            }
        }
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var a = matrix[i][j];
                if (!double.IsFinite(a) || a <= 0)
                {
                    return $"Vergelijking ({i + 1}, {j + 1}) moet een positief getal zijn.";
                }
                if (a > ScaleMax * (1 + ReciprocalTolerance) || a < 1 / ScaleMax / (1 + ReciprocalTolerance))
                {
                    return $"Vergelijking ({i + 1}, {j + 1}) ligt buiten de schaal van Saaty (1/9 tot 9): {AhpMessages.Number(a)}.";
                }
            }
            if (Math.Abs(matrix[i][i] - 1) > ReciprocalTolerance)
            {
                return $"Op de diagonaal moet 1 staan (een criterium is even belangrijk als zichzelf); op ({i + 1}, {i + 1}) staat {AhpMessages.Number(matrix[i][i])}.";
            }
        }
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                if (Math.Abs(matrix[i][j] * matrix[j][i] - 1) > ReciprocalTolerance)
                {
                    return $"Vergelijking ({j + 1}, {i + 1}) moet het omgekeerde zijn van ({i + 1}, {j + 1}): "
                        + $"bij {AhpMessages.Number(matrix[i][j])} hoort {AhpMessages.Number(1 / matrix[i][j])}, niet {AhpMessages.Number(matrix[j][i])}.";
                }
            }
        }
        return null;
    }
}
