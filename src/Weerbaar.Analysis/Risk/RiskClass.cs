namespace Weerbaar.Analysis.Risk;

/// <summary>A class of the method: X (no impact, impact only) and A (lowest) to E (highest).</summary>
public enum RiskClass
{
    X = 0,
    A = 1,
    B = 2,
    C = 3,
    D = 4,
    E = 5,
}

/// <summary>A class or a range of adjacent classes (B–C) when the assessors are unsure; Low ≤ High.</summary>
public readonly record struct ClassRange(RiskClass Low, RiskClass High)
{
    public static ClassRange Of(RiskClass value) => new(value, value);

    public bool IsRange => Low != High;

    /// <summary>The classes in the range, lowest first.</summary>
    public IEnumerable<RiskClass> Classes
    {
        get
        {
            for (var c = Low; c <= High; c++)
            {
                yield return c;
            }
        }
    }

    public override string ToString() => IsRange ? $"{Low}–{High}" : Low.ToString();

    /// <summary>Reads "C", "c", "B-C", "B–C" or "B — C". Fails on anything else, and on a range written high to low.</summary>
    public static ClassRangeParse Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new ClassRangeParse(null, ClassRangeProblem.Empty);
        }

        var parts = text.Split(['-', '–', '—'], StringSplitOptions.TrimEntries);
        if (parts.Length is < 1 or > 2 || !TryClass(parts[0], out var low))
        {
            return new ClassRangeParse(null, ClassRangeProblem.Unknown);
        }

        var high = low;
        if (parts.Length == 2 && !TryClass(parts[1], out high))
        {
            return new ClassRangeParse(null, ClassRangeProblem.Unknown);
        }

        return low > high
            ? new ClassRangeParse(null, ClassRangeProblem.Reversed)
            : new ClassRangeParse(new ClassRange(low, high), ClassRangeProblem.None);
    }

    private static bool TryClass(string part, out RiskClass value)
    {
        value = RiskClass.X;
        if (part.Length != 1)
        {
            return false;
        }

        var index = "XABCDE".IndexOf(char.ToUpperInvariant(part[0]), StringComparison.Ordinal);
        if (index < 0)
        {
            return false;
        }

        value = (RiskClass)index;
        return true;
    }
}

/// <summary>Why a class text could not be read.</summary>
public enum ClassRangeProblem
{
    None,
    Empty,
    Unknown,
    Reversed,
}

/// <summary>The result of <see cref="ClassRange.Parse"/>: a range, or the problem.</summary>
public readonly record struct ClassRangeParse(ClassRange? Range, ClassRangeProblem Problem);
