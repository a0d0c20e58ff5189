using Weerbaar.Analysis.OpenAnswers;

namespace Weerbaar.Analysis.Tests.OpenAnswers;

public class ThemeSuggesterTests
{
    private static readonly ThemeSuggester Suggester = new();

    private static string[] Codes(string answer) => [.. Suggester.Suggest(answer).Select(s => s.Code)];

    [Theory]
    // Snowball Dutch: plural -en is removed, final -e after a consonant is removed and a double vowel before a final
    // consonant is undoubled, so these pairs share a stem.
    [InlineData("noodsteunpunten", "noodsteunpunt", "noodsteunpunt")]
    [InlineData("kwetsbare", "kwetsbaar", "kwetsbar")]
    [InlineData("ouderen", "ouderen", "ouder")]
    [InlineData("Continuïteit", "continuiteit", "continuiteit")]
    [InlineData("vrijwilligers", "vrijwilliger", "vrijwilliger")]
    public void Inflected_forms_share_a_stem(string a, string b, string stem)
    {
        Assert.Equal(stem, Assert.Single(DutchStemming.Analyze(a)).Stem);
        Assert.Equal(stem, Assert.Single(DutchStemming.Analyze(b)).Stem);
    }

    [Fact]
    public void Stop_words_are_left_out_and_offsets_point_into_the_original()
    {
        var tokens = DutchStemming.Analyze("Communicatie met de inwoners");
        Assert.Equal(["communicatie", "inwoner"], tokens.Select(t => t.Stem));
        Assert.Equal((20, 28), (tokens[1].Start, tokens[1].End));
    }

    [Fact]
    public void Noodsteunpunt_singular_and_plural_both_suggest_the_theme()
    {
        var plural = Suggester.Suggest("We zijn druk met het inrichten van noodsteunpunten in de kernen.");
        var singular = Suggester.Suggest("Er is nog geen noodsteunpunt aangewezen.");

        var p = Assert.Single(plural, s => s.Code == "NOODSTEUNPUNT");
        Assert.Equal("noodsteunpunten", Assert.Single(p.Matches).Text);
        Assert.Equal("*steunpunt", p.Matches[0].Keyword);
        Assert.Contains(singular, s => s.Code == "NOODSTEUNPUNT");
    }

    [Fact]
    public void Kwetsbare_and_kwetsbaar_match_the_same_keyword_but_kwetsbaarheden_does_not()
    {
        Assert.Contains("KWETSBAAR", Codes("Wij maken ons zorgen over kwetsbare inwoners die niet zelfredzaam zijn."));
        Assert.Contains("KWETSBAAR", Codes("Veel inwoners in onze gemeente zijn kwetsbaar."));
        // 'kwetsbaarheden' (of systems) would stem to 'kwetsbar' too; the codebook's stem override keeps it apart.
        Assert.DoesNotContain("KWETSBAAR", Codes("We brengen de kwetsbaarheden van onze ICT in beeld."));
        Assert.Contains("CONTINUITEIT", Codes("We brengen de kwetsbaarheden van onze ICT in beeld."));
    }

    [Fact]
    public void A_realistic_answer_gets_several_themes_with_explanations()
    {
        const string answer =
            "Te weinig capaciteit en geen structureel budget. Daarnaast zorgen over ouderen en mensen met een " +
            "beperking bij langdurige stroomuitval. Wij missen landelijke regie en duidelijke rolafspraken met het Rijk.";
        var suggestions = Suggester.Suggest(answer);

        var codes = suggestions.Select(s => s.Code).ToList();
        Assert.Equal(["CAPACITEIT", "KWETSBAAR", "REGIE", "VITAAL"], codes.Order());
        var kwetsbaar = suggestions.Single(s => s.Code == "KWETSBAAR");
        Assert.Contains(kwetsbaar.Matches, m => m.Keyword == "ouderen" && m.Text == "ouderen");
        Assert.Contains(kwetsbaar.Matches, m => m.Keyword == "mensen met een beperking" && m.Text == "mensen met een beperking");
        var regie = suggestions.Single(s => s.Code == "REGIE");
        Assert.Contains(regie.Matches, m => m.Text == "landelijke regie");
        Assert.Contains(regie.Matches, m => m.Text == "Rijk");
        Assert.Equal("stroomuitval", suggestions.Single(s => s.Code == "VITAAL").Matches[0].Text);
        // Every explanation points at its words in the answer.
        Assert.All(suggestions.SelectMany(s => s.Matches), m => Assert.Equal(m.Text, answer.Substring(m.Start, m.Text.Length)));
    }

    [Theory]
    [InlineData("De crisisorganisatie moet vaker oefenen, het crisisteam is klein.", "CRISISORG")]
    [InlineData("Wij werken aan de bedrijfscontinuïteit en de kritieke processen.", "CONTINUITEIT")]
    [InlineData("Het draaiboek en de noodplannen moeten nog worden uitgewerkt.", "PLANVORMING")]
    [InlineData("Hoe brengen we een realistische boodschap over 72 uur zonder stroom?", "COMMUNICATIE")]
    [InlineData("Afspraken met netbeheerders, supermarkten en zorginstellingen ontbreken.", "VITAAL")]
    [InlineData("Er is behoefte aan landelijke kaders en eenduidige richtlijnen.", "REGIE")]
    [InlineData("Te weinig fte, en de financiële middelen zijn incidenteel.", "CAPACITEIT")]
    [InlineData("Opvanglocaties voor inwoners zonder stroom of warmte.", "NOODSTEUNPUNT")]
    public void Each_theme_is_suggested_for_a_typical_sentence(string answer, string code) =>
        Assert.Contains(code, Codes(answer));

    [Fact]
    public void An_answer_without_keywords_gets_no_suggestion() =>
        Assert.Empty(Suggester.Suggest("Geen opmerkingen, dank voor het onderzoek."));

    [Fact]
    public void The_default_codebook_has_the_required_themes()
    {
        var labels = ThemeCodebook.Default.Themes.Select(t => t.Label).ToList();
        Assert.Subset(labels.ToHashSet(), new HashSet<string>
        {
            "Capaciteit en middelen", "Kwetsbare groepen", "Noodsteunpunten", "Planvorming", "Bedrijfscontinuïteit",
            "Crisisorganisatie", "Communicatie met inwoners", "Vitale voorzieningen en ketenpartners", "Landelijke regie",
        });
    }

    [Fact]
    public void A_codebook_can_be_read_from_json_and_is_validated()
    {
        var codebook = ThemeCodebook.Parse("""{"version":"t","themes":[{"code":"A","label":"Alfa","keywords":["brug*"]}]}""");
        var suggester = new ThemeSuggester(codebook);
        Assert.Equal("A", Assert.Single(suggester.Suggest("De bruggen zijn oud.")).Code);

        Assert.Throws<FormatException>(() => ThemeCodebook.Parse("""{"themes":[]}"""));
        Assert.Throws<FormatException>(() => ThemeCodebook.Parse("""{"themes":[{"code":"A","label":"x","keywords":[]}]}"""));
        Assert.Throws<FormatException>(() => ThemeCodebook.Parse("""{"themes":[{"code":"A","label":"x","keywords":["a"]},{"code":"a","label":"y","keywords":["b"]}]}"""));
        Assert.Throws<FormatException>(() => ThemeCodebook.Parse("not json"));
        // A keyword of stop words only can never match.
        Assert.Throws<FormatException>(() => new ThemeSuggester(ThemeCodebook.Parse("""{"themes":[{"code":"A","label":"x","keywords":["de het"]}]}""")));
    }
}
