using System.Globalization;

namespace Weerbaar.Web.Shared.Charts;

/// <summary>One bar of a <see cref="BarChart"/>: the value sets the length, the text is printed next to it.</summary>
public sealed record ChartBar(string Label, double Value, string ValueText);

/// <summary>One line of a <see cref="LineChart"/>: a value per x position; dashed lines tell series apart without colour.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values, bool Dashed = false);

/// <summary>Axis helpers for the server-rendered SVG charts.</summary>
public static class ChartScale
{
    private static readonly int[] Multiples = [1, 2, 5, 10];

    /// <summary>Round tick values 0, step, 2·step … up to at least <paramref name="max"/>, with step 1, 2 or 5 × 10^k.</summary>
    public static IReadOnlyList<double> NiceTicks(double max, int target = 5)
    {
        if (!(max > 0) || double.IsInfinity(max))
        {
            return [0, 1];
        }
        var raw = max / Math.Max(1, target);
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = Multiples.Select(m => m * magnitude).First(s => s >= raw - (raw * 1e-9));
        var count = (int)Math.Ceiling((max / step) - 1e-9);
        return Enumerable.Range(0, count + 1).Select(i => Math.Round(i * step, 10)).ToList();
    }

    /// <summary>A number for an SVG attribute: invariant culture, at most two decimals.</summary>
    public static string Svg(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>One bar of a <see cref="StackedBarChart"/>: shares in percent per category (summing to 100 when N &gt; 0);
/// <paramref name="NText"/> replaces "n = N" (e.g. "n &lt; 5" for a withheld row without shares).</summary>
public sealed record StackedRow(string Label, IReadOnlyList<double> Shares, int N, string? NText = null);

/// <summary>One point of a <see cref="QuadrantChart"/>.</summary>
public sealed record QuadrantPoint(string Label, double X, double Y);
