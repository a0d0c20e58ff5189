using System.Globalization;
using System.Text.RegularExpressions;
using Weerbaar.Analysis.Disclosure;
using Weerbaar.Web.Features.Demo;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.Report;
using Weerbaar.Web.Features.Scan.Rounds;

namespace Weerbaar.Web.Tests.Report;

/// <summary>The report as data: structure, sentences with numbers checked against hand counts, and disclosure control.</summary>
public sealed partial class ReportComposerTests
{
    private static readonly Instrument Scan = new InstrumentCatalog().Find("weerbaarheidsscan-2025")!;
    private static readonly ScanRound Round = new()
    {
        Id = Guid.NewGuid(),
        Name = "Scan 2025",
        InstrumentId = Scan.Id,
        InstrumentHash = "x",
        CreatedBy = "test",
        OpensOn = new DateOnly(2025, 12, 15),
        ClosesOn = new DateOnly(2026, 1, 16),
    };

    private static GemeenteInfo Gemeente(int i, string provincie = "PV27", int urbanity = 2)
        => new($"GM{i:0000}", $"Gemeente {i}", provincie, $"Provincie {provincie}", "VR01", "Regio 1", 40_000, 1000, urbanity);

    private static ReportDocument Compose(IReadOnlyList<ReportResponse> responses)
        => ReportComposer.Compose(new ReportInputs(Round, Scan, new DateOnly(2026, 4, 7), 342, responses, new Dictionary<string, string>(), null, [], DisclosureSettings.Default));

    private static List<ReportResponse> Demo(int n = 101)
    {
        var codes = Enumerable.Range(1, 342).Select(i => $"GM{i:0000}").ToList();
        return DemoResponses.Generate(Scan, codes, n, seed: 2025)
            .Select((r, i) => new ReportResponse(Gemeente(i + 1, i % 3 == 0 ? "PV20" : "PV27", 1 + (i % 5)), new Dictionary<string, string>(r.Answers)))
            .ToList();
    }

    private static IEnumerable<string> Paragraphs(ReportDocument doc) => doc.Blocks.OfType<ReportParagraph>().Select(p => p.Text);

    [GeneratedRegex(@"\d+,\d%")]
    private static partial Regex DutchPercentage();

    [Fact]
    public void The_report_follows_the_structure_of_the_national_report()
    {
        var doc = Compose(Demo());
        Assert.Equal(["1. Inleiding", "2. Verantwoording", "3. Uitkomsten", "4. Conclusie en aanbevelingen"], doc.Headings.Where(h => h.Level == 1).Select(h => h.Text));
        Assert.Contains(doc.Headings, h => h.Text == "Conclusies");
        Assert.Contains(doc.Headings, h => h.Text == "Aanbevelingen");
        Assert.Contains(doc.Blocks, b => b is ReportTable { Key: "respons-per-vraag" });
        var figures = doc.Blocks.OfType<ReportFigure>().ToList();
        Assert.Equal(Enumerable.Range(1, figures.Count), figures.Select(f => f.Number));
        Assert.Equal(["fig-bewustzijn", "fig-inzicht", "fig-i4", "fig-pijlers"], figures.Select(f => f.Id));
        Assert.All(doc.Headings, h => Assert.Single(doc.Headings, x => x.Id == h.Id));
        Assert.NotEmpty(doc.Blocks.OfType<ReportList>().Single().Items);
    }

    [Fact]
    public void The_headline_sentence_has_the_share_and_its_Wilson_interval_in_Dutch_format()
    {
        // B1 = 1, 2, 3, 3, 4, 4, 5, 5, 5 and one 'weet niet': n = 9, 'enigszins' or more = 7 → 77,8%.
        // Wilson 95%: z² = 3,8415; centre = (7/9 + z²/18) / (1 + z²/9) = 0,6947; half-width =
        // z·√(p(1−p)/9 + z²/324) / (1 + z²/9) = 0,2421 → 45,3% – 93,7%. Large: 4 and 5 = 5/9 = 55,6%; small: 2/9 = 22,2%.
        var b1 = new[] { "1", "2", "3", "3", "4", "4", "5", "5", "5", "WN" };
        var doc = Compose(b1.Select((v, i) => new ReportResponse(Gemeente(i + 1), new Dictionary<string, string> { ["B1"] = v })).ToList());
        var sentence = Assert.Single(Paragraphs(doc), p => p.Contains("(B1)", StringComparison.Ordinal));
        Assert.Contains("77,8% van de gemeenten enigszins tot in zeer grote mate (95%-betrouwbaarheidsinterval 45,3–93,7%)", sentence, StringComparison.Ordinal);
        Assert.Contains("55,6% in grote of zeer grote mate en 22,2% in kleine of zeer kleine mate (n = 9; 1 keer ‘weet niet’)", sentence, StringComparison.Ordinal);
        var row = doc.Blocks.OfType<ReportFigure>().Single(f => f.Id == "fig-bewustzijn").Table.Rows.Single(r => r[0].Text.StartsWith("B1.", StringComparison.Ordinal));
        Assert.Equal(["11,1%", "11,1%", "22,2%", "22,2%", "33,3%", "9", "1", "3,56"], row.Skip(1).Select(c => c.Text));
    }

    [Fact]
    public void Demo_sentences_match_a_count_of_the_raw_answers()
    {
        var responses = Demo();
        var doc = Compose(responses);
        var values = responses.Select(r => r.Answers.GetValueOrDefault("B1")).Where(v => v is not null and not "WN").Select(v => int.Parse(v!, CultureInfo.InvariantCulture)).ToList();
        var share = 100.0 * values.Count(v => v >= 3) / values.Count;
        Assert.Contains(Paragraphs(doc), p => p.Contains("(B1)", StringComparison.Ordinal) && p.Contains($"{share.ToString("N1", CultureInfo.GetCultureInfo("nl-NL"))}% van de gemeenten", StringComparison.Ordinal));

        var means = new[] { "EC", "CO", "VV", "SW", "ZR", "SO" }.ToDictionary(p => p, p => responses
            .Select(r => r.Answers.GetValueOrDefault($"{p}_score")).OfType<string>().Select(v => double.Parse(v, CultureInfo.InvariantCulture)).Average());
        var lowest = means.MinBy(m => m.Value);
        Assert.Contains(Paragraphs(doc), p => p.StartsWith("Gemeenten geven zichzelf het laagste cijfer voor", StringComparison.Ordinal)
            && p.Contains($"({lowest.Value.ToString("N1", CultureInfo.GetCultureInfo("nl-NL"))})", StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_round_still_has_every_chapter_and_no_numbers()
    {
        var doc = Compose([]);
        Assert.Equal(4, doc.Headings.Count(h => h.Level == 1));
        Assert.Equal(0, doc.Responses);
        Assert.DoesNotContain(Paragraphs(doc), p => DutchPercentage().IsMatch(p) && !p.StartsWith("De vragenlijst", StringComparison.Ordinal));
        Assert.All(doc.Blocks.OfType<ReportFigure>().Select(f => f.Chart), AssertNoData);
    }

    [Fact]
    public void A_round_with_one_response_publishes_nothing_about_its_answers()
    {
        var answers = Demo(1)[0];
        var doc = Compose([answers]);
        Assert.All(doc.Blocks.OfType<ReportFigure>().Select(f => f.Chart), AssertNoData);
        // Only the response count itself (1 of 342) may appear as a number; no share, mean, rank or count of an answer.
        Assert.DoesNotContain(Paragraphs(doc), p => DutchPercentage().IsMatch(p) && !p.StartsWith("De vragenlijst", StringComparison.Ordinal));
        foreach (var table in doc.Tables)
        {
            foreach (var row in table.Rows)
            {
                for (var c = 1; c < row.Count; c++)
                {
                    Assert.True(row[c].Text is "<5" or "–" or "x" || table.Columns[c] == "Antwoorden" || (table.Key == "betrouwbaarheid" && c == 1),
                        $"{table.Key}: '{row[c].Text}' in column {table.Columns[c]} of row {row[0].Text}");
                }
            }
        }
        Assert.Empty(doc.Blocks.OfType<ReportList>());
        Assert.Empty(doc.Blocks.OfType<ReportQuotes>());
    }

    private static void AssertNoData(ReportChart chart)
    {
        switch (chart)
        {
            case StackedBarReportChart s:
                Assert.All(s.Rows, r => Assert.Null(r.Percentages));
                break;
            case BarReportChart b:
                Assert.All(b.Bars, x => Assert.Null(x.Value));
                break;
            case QuadrantReportChart q:
                Assert.Empty(q.Points);
                break;
        }
    }

    [Fact]
    public void Province_scores_withhold_small_provinces_and_enough_others_to_hide_them_in_the_national_mean()
    {
        // EC scores: Drenthe (PV22) 2 gemeenten, Groningen (PV20) 6, Utrecht (PV26) 8. Drenthe is below 5; withheld alone
        // it would follow from the national mean, so the next-smallest province (Groningen, 6) is withheld too ('x').
        var responses = Enumerable.Range(0, 16).Select(i => new ReportResponse(
            Gemeente(i + 1, i < 2 ? "PV22" : i < 8 ? "PV20" : "PV26"),
            new Dictionary<string, string> { ["EC_score"] = (4 + (i % 5)).ToString(CultureInfo.InvariantCulture) })).ToList();
        var table = Compose(responses).Tables.Single(t => t.Key == "per-provincie");
        var ec = table.Columns.ToList().IndexOf("EC");
        var byProvince = table.Rows.ToDictionary(r => r[0].Text, r => r[ec].Text);
        Assert.Equal("<5", byProvince["Provincie PV22"]);
        Assert.Equal("x", byProvince["Provincie PV20"]);
        var utrecht = responses.Skip(8).Average(r => double.Parse(r.Answers["EC_score"], CultureInfo.InvariantCulture));
        Assert.Equal(utrecht.ToString("N1", CultureInfo.GetCultureInfo("nl-NL")), byProvince["Provincie PV26"]);
    }

    [Fact]
    public void Narratives_replace_the_default_texts()
    {
        var inputs = new ReportInputs(Round, Scan, new DateOnly(2026, 4, 7), 342, [], new Dictionary<string, string> { [ReportNarrativeKeys.Inleiding] = "Eigen **inleiding**." },
            null, [], DisclosureSettings.Default);
        var doc = ReportComposer.Compose(inputs);
        Assert.Equal("Eigen **inleiding**.", doc.Blocks.OfType<ReportNarrativeBlock>().Single(n => n.Key == ReportNarrativeKeys.Inleiding).Markdown);
        Assert.Equal(DefaultNarratives.For(ReportNarrativeKeys.Verantwoording), doc.Blocks.OfType<ReportNarrativeBlock>().Single(n => n.Key == ReportNarrativeKeys.Verantwoording).Markdown);
    }

    [Fact]
    public void Markdown_is_rendered_without_raw_html_and_below_the_section_heading()
    {
        var html = ReportMarkdown.ToHtml("# Kop\n\nTekst met <script>alert(1)</script> en **vet**.", 3);
        Assert.Contains("<h3", html, StringComparison.Ordinal);
        Assert.Contains("<strong>vet</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }
}
