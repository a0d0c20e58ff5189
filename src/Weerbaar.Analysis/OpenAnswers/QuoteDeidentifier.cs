using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Weerbaar.Analysis.OpenAnswers;

/// <summary>
/// Removes what identifies a gemeente from a quote before it appears in a report: gemeente names → "[gemeente]",
/// place names → "[plaats]", e-mail addresses, phone numbers and postcodes → "[verwijderd]".
/// <para>Names match as whole words, case-insensitively, ignoring diacritics ("Sudwest-Fryslan"), treating space
/// and hyphen alike ("Súdwest Fryslân") and the apostrophe of "'s-" as optional or typographic. A CBS qualifier such
/// as " (NH.)" or " (gemeente)" is dropped from a given name, a few well-known other names are added
/// ("'s-Gravenhage" also removes "Den Haag" and "Haagse"), and a name may carry -s, -se or -er
/// ("Amsterdamse").</para>
/// <para>False positives: a name that is also an ordinary Dutch word (Best, Buren, Putten, Kampen, Leiden, …; see
/// <see cref="CommonWordNames"/>) is removed only when written with its capital initial and without those endings,
/// so "de beste aanpak" and "wij kampen met" stay. Such a name at the start of a sentence is still removed: a
/// garbled quote is better than a recognisable one.</para>
/// </summary>
public sealed class QuoteDeidentifier
{
    /// <summary>Replacement for a gemeente name.</summary>
    public const string GemeenteToken = "[gemeente]";

    /// <summary>Replacement for a place name.</summary>
    public const string PlaceToken = "[plaats]";

    /// <summary>Replacement for contact details.</summary>
    public const string RemovedToken = "[verwijderd]";

    /// <summary>Gemeente and place names that are also ordinary Dutch words; they only match with a capital.</summary>
    public static IReadOnlySet<string> CommonWordNames { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Beek", "Bergen", "Berg en Dal", "Best", "Buren", "Dalen", "Delft", "Dieren", "Doorn", "Duiven", "Echt",
        "Edam", "Epe", "Goes", "Goor", "Gouda", "Haren", "Hoorn", "Horst", "Houten", "Huizen", "Hulst", "Kampen",
        "Krimpen", "Laren", "Leek", "Leiden", "Lemmer", "Losser", "Putten", "Rijen", "Sluis", "Stein", "Vaals",
        "Voorst", "Vries", "Weert", "Wierden",
    };

    private static readonly Dictionary<string, string[]> KnownAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["'s-Gravenhage"] = ["Den Haag", "Haagse"],
        ["'s-Hertogenbosch"] = ["Den Bosch", "Bossche"],
        ["Nuenen, Gerwen en Nederwetten"] = ["Nuenen"],
        ["Súdwest-Fryslân"] = ["Zuidwest-Friesland"],
        ["Noardeast-Fryslân"] = ["Noordoost-Friesland"],
        ["Tytsjerksteradiel"] = ["Tietjerksteradeel"],
        ["Dantumadiel"] = ["Dantumadeel"],
    };

    private static readonly Regex Email = new(
        @"[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,}",
        RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    // Dutch numbers: 10 digits from the leading 0 (06-12345678, 030 2 916 916, (030) 291 6916), +31/0031 with
    // 9 digits and an optional (0), 0800/0900 service numbers, and the gemeente short number 14 + area code.
    private static readonly Regex Phone = new(
        @"(?<![\w+])(?:(?:\+|00)31[\s.\-]?(?:\(0\)[\s.\-]?)?(?:[\s.\-]?\d){9}" +
        @"|\(0\d{1,3}\)(?:[\s.\-]?\d){6,8}" +
        @"|0(?:[\s.\-]?\d){9}" +
        @"|0[89]0\d(?:[\s.\-]?\d){4,7}" +
        @"|14[\s\-]?0\d{2,3})(?!\w)",
        RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly Regex Postcode = new(
        @"(?<!\w)[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}(?!\w)",
        RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private readonly Regex? _names;

    /// <summary>Prepares the name patterns.</summary>
    /// <param name="gemeenteNames">Gemeente names (as CBS writes them, e.g. "Bergen (NH.)", "'s-Gravenhage (gemeente)").</param>
    /// <param name="placeNames">Other place names (woonplaatsen, kernen), optional.</param>
    public QuoteDeidentifier(IEnumerable<string> gemeenteNames, IEnumerable<string>? placeNames = null)
    {
        ArgumentNullException.ThrowIfNull(gemeenteNames);
        var names = new Dictionary<string, (string Name, bool IsGemeente)>(StringComparer.OrdinalIgnoreCase);
        void Add(string raw, bool isGemeente)
        {
            var name = CleanName(raw);
            if (name.Length == 0)
            {
                return;
            }

            var key = FoldName(name);
            if (!names.TryGetValue(key, out var existing) || (isGemeente && !existing.IsGemeente))
            {
                names[key] = (name, isGemeente);
            }
        }

        foreach (var name in gemeenteNames)
        {
            Add(name, true);
            if (KnownAliases.TryGetValue(CleanName(name), out var aliases))
            {
                foreach (var alias in aliases)
                {
                    Add(alias, true);
                }
            }
        }

        foreach (var name in placeNames ?? [])
        {
            Add(name, false);
        }

        if (names.Count == 0)
        {
            return;
        }

        // One alternation, longest name first, so that at one position "Bergen op Zoom" wins over "Bergen";
        // gemeente names in groups named g, place names in groups named p.
        var all = names.Values
            .OrderByDescending(n => n.Name.Length)
            .ThenBy(n => n.IsGemeente ? 0 : 1)
            .Select(n => (n.IsGemeente ? "(?<g>" : "(?<p>") + NamePattern(n.Name) + ")");
        _names = new Regex(
            @"(?<![\p{L}\p{N}])(?:" + string.Join("|", all) + @")(?![\p{L}\p{N}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(2));
    }

    /// <summary>The quote with names and contact details replaced.</summary>
    public string Deidentify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = Email.Replace(text, RemovedToken);
        result = Phone.Replace(result, RemovedToken);
        result = Postcode.Replace(result, RemovedToken);
        if (_names is null)
        {
            return result;
        }

        // Match on a same-length folded copy (no diacritics, one kind of apostrophe and hyphen), replace in the
        // original.
        var folded = FoldSameLength(result);
        var output = new StringBuilder(result.Length);
        var last = 0;
        foreach (Match m in _names.Matches(folded))
        {
            output.Append(result, last, m.Index - last);
            output.Append(m.Groups["g"].Success ? GemeenteToken : PlaceToken);
            last = m.Index + m.Length;
        }

        output.Append(result, last, result.Length - last);
        return output.ToString();
    }

    /// <summary>"Bergen (NH.)" → "Bergen"; "'s-Gravenhage (gemeente)" → "'s-Gravenhage".</summary>
    private static string CleanName(string raw) =>
        Regex.Replace(raw ?? "", @"\s*\([^)]*\)\s*$", "", RegexOptions.None, TimeSpan.FromSeconds(1)).Trim();

    private static string FoldName(string name) => FoldSameLength(name).ToLowerInvariant();

    private static string NamePattern(string name)
    {
        var folded = FoldSameLength(name);
        var words = folded.Split([' ', '-', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var parts = new List<string>();
        foreach (var word in words)
        {
            // "'s" (des): the apostrophe may be left out.
            parts.Add(word.StartsWith('\'') ? "'?" + Regex.Escape(word[1..]) : Regex.Escape(word));
        }

        var body = string.Join(@"[\s\-]+", parts);
        if (CommonWordNames.Contains(name))
        {
            // Capital initial required, the rest of the name case-insensitive, no endings.
            var first = body[0];
            return char.IsLetter(first) ? "(?-i:" + first + ")" + body[1..] : body;
        }

        return body + "(?:s|se|er|ers)?";
    }

    /// <summary>Removes diacritics and unifies apostrophes and hyphens without changing the length or the case.</summary>
    private static string FoldSameLength(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (c is '\u2019' or '\u2018' or '`' or '\u00B4' or '\u02BC')
            {
                chars[i] = '\'';
            }
            else if (c is '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014')
            {
                chars[i] = '-';
            }
            else if (c > 127)
            {
                var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
                if (decomposed.Length > 1 && char.IsLetter(decomposed[0])
                    && decomposed.Skip(1).All(d => CharUnicodeInfo.GetUnicodeCategory(d) == UnicodeCategory.NonSpacingMark))
                {
                    chars[i] = decomposed[0];
                }
            }
        }

        return new string(chars);
    }
}
