using System.Text.Json;

namespace Weerbaar.Analysis.OpenAnswers;

/// <summary>One theme of the codebook.</summary>
/// <param name="Code">Stable code (e.g. NOODSTEUNPUNT), used in exports.</param>
/// <param name="Label">Dutch label for reports.</param>
/// <param name="Keywords">Keyword rules: a word or phrase, matched on Dutch stems; a * before or after a word also
/// matches compounds ending or starting with it.</param>
public sealed record Theme(string Code, string Label, IReadOnlyList<string> Keywords);

/// <summary>
/// The theme codebook for open answers (O1–O4). The default ships as the embedded resource
/// <c>OpenAnswers/themes.json</c>, which researchers edit; <see cref="Parse"/> reads another one.
/// </summary>
/// <param name="Version">The codebook's version label.</param>
/// <param name="Themes">The themes, in report order.</param>
/// <param name="StemOverrides">Word → stem corrections for the stemmer.</param>
public sealed record ThemeCodebook(string Version, IReadOnlyList<Theme> Themes, IReadOnlyDictionary<string, string> StemOverrides)
{
    private const string ResourceName = "Weerbaar.Analysis.OpenAnswers.themes.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly Lazy<ThemeCodebook> LazyDefault = new(LoadDefault);

    /// <summary>The codebook shipped with Weerbaar.</summary>
    public static ThemeCodebook Default => LazyDefault.Value;

    /// <summary>Reads a codebook from JSON: {version, stemOverrides?, themes:[{code, label, keywords:[…]}]}.
    /// Codes must be unique and every theme needs a label and at least one keyword.</summary>
    /// <exception cref="FormatException">The JSON is not a valid codebook.</exception>
    public static ThemeCodebook Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        CodebookJson? raw;
        try
        {
            raw = JsonSerializer.Deserialize<CodebookJson>(json, Options);
        }
        catch (JsonException e)
        {
            throw new FormatException("The theme codebook is not valid JSON: " + e.Message, e);
        }

        if (raw?.Themes is not { Count: > 0 })
        {
            throw new FormatException("The theme codebook has no themes.");
        }

        var themes = new List<Theme>();
        foreach (var t in raw.Themes)
        {
            if (string.IsNullOrWhiteSpace(t.Code) || string.IsNullOrWhiteSpace(t.Label))
            {
                throw new FormatException("Every theme needs a code and a label.");
            }

            var keywords = (t.Keywords ?? []).Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k.Trim()).ToList();
            if (keywords.Count == 0)
            {
                throw new FormatException($"Theme {t.Code} has no keywords.");
            }

            themes.Add(new Theme(t.Code.Trim(), t.Label.Trim(), keywords));
        }

        var duplicate = themes.GroupBy(t => t.Code, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new FormatException($"Theme code {duplicate.Key} occurs more than once.");
        }

        return new ThemeCodebook(
            raw.Version ?? "",
            themes,
            raw.StemOverrides ?? new Dictionary<string, string>());
    }

    private static ThemeCodebook LoadDefault()
    {
        using var stream = typeof(ThemeCodebook).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    private sealed class CodebookJson
    {
        public string? Version { get; set; }

        public Dictionary<string, string>? StemOverrides { get; set; }

        public List<ThemeJson>? Themes { get; set; }
    }

    private sealed class ThemeJson
    {
        public string? Code { get; set; }

        public string? Label { get; set; }

        public List<string>? Keywords { get; set; }
    }
}
