using System.Globalization;
using System.Text;

namespace Weerbaar.Analysis.Layout;

/// <summary>
/// Approximate text widths in Calibri (and Carlito, its metric-compatible substitute in LibreOffice), from the font's
/// advance widths in units of 1/2048 em. Characters not in the table count as the widest lowercase letters would.
/// </summary>
public static class TextMeasure
{
    private const double UnitsPerEm = 2048;
    /// <summary>Bold Calibri runs a few percent wider than regular.</summary>
    private const double BoldFactor = 1.06;
    private const int Fallback = 1100;

    private static readonly Dictionary<char, int> Advance = Build();

    private static Dictionary<char, int> Build()
    {
        var d = new Dictionary<char, int>();
        void Set(string chars, params int[] widths)
        {
            for (var i = 0; i < chars.Length; i++)
            {
                d[chars[i]] = widths[i];
            }
        }
        Set("abcdefghijklmnopqrstuvwxyz", 981, 1076, 866, 1076, 1019, 625, 964, 1076, 470, 490, 931, 470, 1636, 1076, 1080, 1076, 1076, 714, 801, 686, 1076, 925, 1464, 887, 927, 809);
        Set("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 1185, 1114, 1092, 1260, 1000, 941, 1292, 1276, 516, 653, 1064, 861, 1751, 1322, 1356, 1058, 1378, 1112, 941, 998, 1314, 1162, 1822, 1063, 998, 959);
        Set("0123456789", 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038);
        Set(" \u00a0.,:;!?'\"%-\u2013\u2014+=<>()[]/&*#@_|\u2018\u2019\u201c\u201d\u00b7\u2264\u2265\u00d7",
            463, 463, 517, 511, 548, 548, 544, 1019, 452, 821, 1464, 627, 1024, 2048, 1038, 1038, 1038, 1038, 621, 621, 632, 632, 799, 1396, 1022, 1038, 1985, 1022, 943, 511, 511, 829, 829, 517, 1038, 1038, 1038);
        return d;
    }

    /// <summary>The width of <paramref name="text"/> on one line, in twentieths of a point (Word's twips).</summary>
    public static double Twips(string text, double pointSize, bool bold = false)
    {
        double units = 0;
        foreach (var c in text)
        {
            units += Units(c);
        }
        return units / UnitsPerEm * pointSize * 20 * (bold ? BoldFactor : 1);
    }

    private static int Units(char c)
    {
        if (Advance.TryGetValue(c, out var w))
        {
            return w;
        }
        if (char.IsSurrogate(c))
        {
            return Fallback / 2; // half of a character outside the basic plane (an emoji): the pair counts as one wide glyph
        }
        // An accented letter is as wide as its base letter (é as e).
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        return decomposed.Length > 0 && decomposed[0] != c && Advance.TryGetValue(decomposed[0], out w) ? w : Fallback;
    }

    /// <summary>The pieces a line may not be broken inside: words split at spaces (not at no-break spaces).</summary>
    public static IEnumerable<string> Words(string text)
        => text.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The widest unbreakable piece of <paramref name="text"/>, in twips; <paramref name="whole"/>: the text may not break at all (a number).</summary>
    public static double LongestWord(string text, double pointSize, bool bold = false, bool whole = false)
        => whole ? Twips(text.Trim(), pointSize, bold) : Words(text).Select(w => Twips(w, pointSize, bold)).DefaultIfEmpty(0).Max();

    public static string Describe(double twips) => (twips / 567).ToString("0.00", CultureInfo.InvariantCulture) + " cm";
}
