using System.Globalization;
using Microsoft.Playwright;

namespace Weerbaar.E2E.Infrastructure;

/// <summary>
/// WCAG contrast ratio of an element's text against its background. axe-core leaves text with a 1:1 ratio as
/// "needs review" (it might be hidden on purpose), so a visible control that shows up on focus is checked here.
/// </summary>
public static class TextContrast
{
    private const string ColorsScript = """
        element => {
            const color = getComputedStyle(element).color;
            let node = element;
            let background = 'rgb(255, 255, 255)';
            while (node) {
                const value = getComputedStyle(node).backgroundColor;
                if (value !== 'transparent' && !value.endsWith(', 0)')) { background = value; break; }
                node = node.parentElement;
            }
            return [color, background];
        }
        """;

    public static async Task<double> RatioAsync(ILocator element)
    {
        var colors = await element.EvaluateAsync<string[]>(ColorsScript);
        var (text, background) = (Luminance(colors[0]), Luminance(colors[1]));
        return (Math.Max(text, background) + 0.05) / (Math.Min(text, background) + 0.05);
    }

    public static async Task AssertReadableAsync(ILocator element, string description)
    {
        var ratio = await RatioAsync(element);
        Assert.True(ratio >= 4.5, $"{description}: contrast {ratio:0.00}:1, minstens 4,5:1 nodig (WCAG 1.4.3).");
    }

    // "rgb(1, 104, 155)" or "rgba(1, 104, 155, 1)"; relative luminance per WCAG 2.1.
    private static double Luminance(string cssColor)
    {
        var parts = cssColor[(cssColor.IndexOf('(', StringComparison.Ordinal) + 1)..cssColor.IndexOf(')', StringComparison.Ordinal)]
            .Split(',').Take(3).Select(p => double.Parse(p.Trim(), CultureInfo.InvariantCulture) / 255).ToArray();
        static double Linear(double c) => c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        return (0.2126 * Linear(parts[0])) + (0.7152 * Linear(parts[1])) + (0.0722 * Linear(parts[2]));
    }
}
