namespace Weerbaar.Analysis.Decision;

/// <summary>An uncertain value: sampled uniformly from [Low, High]; Low = High is an exact value.</summary>
public readonly record struct Interval(double Low, double High)
{
    public static Interval Exact(double value) => new(value, value);

    public double Width => High - Low;
}
