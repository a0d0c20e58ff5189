using System.Text;
using Weerbaar.Web.Features.Scan.Instruments;

namespace Weerbaar.Web.Tests.Scan;

public sealed class InstrumentTests
{
    private static readonly InstrumentCatalog Catalog = new();
    private static Instrument Scan2025 => Catalog.Find("weerbaarheidsscan-2025")!;

    [Fact]
    public void The_2025_scan_follows_the_codebook()
    {
        var i = Scan2025;
        Assert.Equal(3, i.Parts.Count);
        Assert.Equal(["B1", "B2", "B3", "B4", "B5", "I1", "I2", "I3", "I4", "I4_anders"], i.ColumnOrder.Take(10));
        Assert.Equal(["EC_score", "EC_rank", "EC_bewustzijn", "EC_inzicht"], i.ColumnOrder.Skip(10).Take(4));
        Assert.Equal(["O1", "O2", "O3", "O4"], i.ColumnOrder.TakeLast(4));
        Assert.Equal(38, i.ColumnOrder.Count);
        Assert.Equal(["1", "2", "3", "4", "5"], i.AnswerSets["LIKERT5"].Options.Select(o => o.Code));
        Assert.Equal("WN", i.AnswerSets["LIKERT5"].DontKnow!.Code);
        Assert.Equal(["OOV", "CRISIS", "BEDRIJF", "SOCIAAL", "RUIMTE", "COMM", "DIRECTIE", "NIET", "ANDERS"], i.AnswerSets["I4"].Options.Select(o => o.Code));
        Assert.True(i.AnswerSets["I4"].Options.Single(o => o.Code == "NIET").Exclusive);
        Assert.Equal("In welke mate maakt u zich zorgen over mogelijke dreigingen voor uw gemeente?", i.QuestionOf("B1")!.Text);
        Assert.Equal(new Condition("I4", "ANDERS"), i.QuestionOf("I4_anders")!.ShowIf);
        Assert.All(["EC", "CO", "VV", "SW", "ZR", "SO"], p =>
        {
            Assert.Equal((1, 10), (i.QuestionOf($"{p}_score")!.Min, i.QuestionOf($"{p}_score")!.Max));
            Assert.Equal(QuestionType.Ranking, i.QuestionOf($"{p}_rank")!.Type);
        });
        Assert.All(["O1", "O2", "O3", "O4"], o => Assert.Equal(4000, i.QuestionOf(o)!.MaxLength));
        Assert.All(i.Questions, q => Assert.False(q.Required));
    }

    [Fact]
    public void A_broken_instrument_lists_every_problem_in_Dutch()
    {
        const string json = """
            {"id":"Fout Id","title":"","introduction":"x","answerSets":{"A":{"options":[{"code":"1","label":"a"},{"code":"1","label":"b"}]}},
             "parts":[{"number":2,"title":"p","sections":[{"title":"s","questions":[
               {"id":"Q1","type":"single","answerSet":"B","text":"q"},
               {"id":"Q1","type":"integer","min":5,"max":1,"text":"q"},
               {"id":"Q3","type":"text","text":"q","showIf":{"question":"Q9","contains":"X"}}]}]}]}
            """;
        var (instrument, problems) = InstrumentCatalog.Parse(Encoding.UTF8.GetBytes(json));
        Assert.Null(instrument);
        Assert.Contains(problems, p => p.Contains("Fout Id", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("titel ontbreekt", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("deel 1 heeft nummer 2", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("dubbele codes", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("antwoordset 'B' bestaat niet", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'Q1' komt meer dan eens voor", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("min ≤ max", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("maxLength", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("voorwaarde verwijst naar 'Q9'", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_fields_in_an_instrument_file_are_refused()
    {
        var (instrument, problems) = InstrumentCatalog.Parse(Encoding.UTF8.GetBytes("""{"id":"x","title":"t","introduction":"i","answerSets":{},"parts":[],"typo":1}"""));
        Assert.Null(instrument);
        Assert.Contains(problems, p => p.Contains("typo", StringComparison.Ordinal));
    }

    [Fact]
    public void A_new_version_must_map_onto_questions_that_exist_in_the_previous_one()
    {
        var dir = Directory.CreateTempSubdirectory("weerbaar-instr-");
        try
        {
            File.Copy(Path.Combine(InstrumentCatalog.Directory, "weerbaarheidsscan-2025.json"), Path.Combine(dir.FullName, "weerbaarheidsscan-2025.json"));
            File.WriteAllText(Path.Combine(dir.FullName, "scan-2026.json"), """
                {"id":"scan-2026","title":"t","introduction":"i","previous":"weerbaarheidsscan-2025","answerSets":{},
                 "parts":[{"number":1,"title":"p","sections":[{"title":"s","questions":[
                   {"id":"N1","type":"integer","min":1,"max":10,"text":"q","mapsTo":"EC_score"},
                   {"id":"N2","type":"integer","min":1,"max":10,"text":"q","mapsTo":"BESTAAT_NIET"}]}]}]}
                """);
            var error = Assert.Throws<InvalidOperationException>(() => new InstrumentCatalog(dir.FullName));
            Assert.Contains("N2: mapsTo 'BESTAAT_NIET' bestaat niet in weerbaarheidsscan-2025", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("N1:", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
