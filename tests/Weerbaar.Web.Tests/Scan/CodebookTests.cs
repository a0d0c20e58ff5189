using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.Responses;
using Weerbaar.Web.Tests.Accounts;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Scan;

/// <summary>The codebook builder on its own: everything comes from the instrument.</summary>
public sealed class CodebookBuilderTests
{
    private static readonly Instrument Scan = new InstrumentCatalog().Find("weerbaarheidsscan-2025")!;
    private static readonly Codebook Book = CodebookBuilder.Build(Scan);

    private static CodebookVariable Variable(string name) => Book.Variables.Single(v => v.Name == name);

    /// <summary>The header row exactly as the export writes it (an empty file is just the header).</summary>
    public static IReadOnlyList<string> WrittenHeader() => Encoding.UTF8.GetString(ResponseCsv.Write(Scan, [])).TrimEnd('\r', '\n').Split(',');

    [Fact]
    public void Variables_are_the_columns_of_the_response_file_in_order()
    {
        var header = WrittenHeader();
        Assert.Equal(header, Book.Variables.Select(v => v.Name));
        Assert.Equal(Enumerable.Range(1, header.Count), Book.Variables.Select(v => v.Position));
        Assert.Equal(["respondent", "gemeentecode", "ingevuld_op", "B1"], header.Take(4));
        Assert.Contains("I4_anders", header);
        foreach (var pillar in new[] { "EC", "CO", "VV", "SW", "ZR", "SO" })
        {
            var at = header.ToList().IndexOf(pillar + "_score");
            Assert.Equal([pillar + "_score", pillar + "_rank", pillar + "_bewustzijn", pillar + "_inzicht"], header.Skip(at).Take(4));
        }
    }

    [Fact]
    public void Every_variable_has_a_distinct_Dutch_label()
    {
        Assert.All(Book.Variables, v => Assert.False(string.IsNullOrWhiteSpace(v.Label), v.Name));
        var duplicates = Book.Variables.GroupBy(v => v.Label, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, "Dubbele labels: " + string.Join(" | ", duplicates));
        Assert.Equal("Eigen continuïteit: Hoe goed is uw gemeente op dit thema georganiseerd?", Variable("EC_score").Label);
        Assert.Equal(Scan.QuestionOf("B1")!.Text, Variable("B1").Label);
    }

    [Fact]
    public void Likert_questions_carry_the_answer_set_as_value_labels_and_WN_as_missing()
    {
        var likert = Scan.AnswerSets["LIKERT5"];
        var expected = likert.Options.Select(o => (o.Code, o.Label)).Append((likert.DontKnow!.Code, likert.DontKnow.Label)).ToList();
        var likertQuestions = Scan.Questions.Where(q => q.AnswerSet == "LIKERT5").Select(q => q.Id).ToList();
        Assert.Equal(20, likertQuestions.Count);
        foreach (var id in likertQuestions)
        {
            var v = Variable(id);
            Assert.Equal(VariableType.SingleChoice, v.Type);
            Assert.Equal(MeasurementLevel.Ordinal, v.MeasurementLevel);
            Assert.Equal(ValueStorage.Text, v.Storage); // WN is not a number
            Assert.Equal(expected, v.ValueLabels.Select(l => (l.Code, l.Label)));
            Assert.Equal([("WN", MissingKind.DontKnow), ("", MissingKind.Empty)], v.MissingValues.Select(m => (m.Code, m.Kind)));
            Assert.Equal((1, 5), (v.Min, v.Max));
        }
        Assert.Equal([("1", "In zeer kleine mate"), ("5", "In zeer grote mate")], Variable("B1").ValueLabels.Where(l => l.Code is "1" or "5").Select(l => (l.Code, l.Label)));
    }

    [Fact]
    public void Multiple_choice_has_its_codes_separator_and_the_conditional_other_text()
    {
        var i4 = Variable("I4");
        Assert.Equal(VariableType.MultipleChoice, i4.Type);
        Assert.Equal(MeasurementLevel.Nominal, i4.MeasurementLevel);
        Assert.Equal("|", i4.Separator);
        Assert.Equal("|", Book.MultipleSeparator);
        Assert.Equal(["OOV", "CRISIS", "BEDRIJF", "SOCIAAL", "RUIMTE", "COMM", "DIRECTIE", "NIET", "ANDERS"], i4.ValueLabels.Select(l => l.Code));
        Assert.Equal(Scan.AnswerSets["I4"].Options.Select(o => o.Label), i4.ValueLabels.Select(l => l.Label));
        Assert.Equal(["NIET"], i4.ExclusiveCodes!);
        Assert.Contains("I4_anders", i4.Note, StringComparison.Ordinal);

        var other = Variable("I4_anders");
        Assert.Equal(VariableType.Open, other.Type);
        Assert.Equal(("I4", "ANDERS"), (other.Condition!.Variable, other.Condition.Contains));
        Assert.Equal(500, other.MaxLength);
        Assert.Null(Variable("I4").Condition);
    }

    [Fact]
    public void Scores_ranks_open_questions_and_fixed_columns_have_type_level_and_range()
    {
        var score = Variable("SO_score");
        Assert.Equal((VariableType.Scale, MeasurementLevel.Scale, ValueStorage.WholeNumber, 1, 10), (score.Type, score.MeasurementLevel, score.Storage, score.Min!.Value, score.Max!.Value));
        Assert.Equal((2, "De zes pijlers", "Samenleving als overkoepelend systeem"), (score.Part!.Value, score.PartTitle, score.Section));

        var rank = Variable("ZR_rank");
        Assert.Equal((VariableType.Rank, MeasurementLevel.Ordinal, 1, 6), (rank.Type, rank.MeasurementLevel, rank.Min!.Value, rank.Max!.Value));
        Assert.Equal("RANG", rank.Question);
        Assert.StartsWith("Zelfredzaamheid", rank.Label, StringComparison.Ordinal);

        var open = Variable("O4");
        Assert.Equal((VariableType.Open, MeasurementLevel.Nominal, 4000), (open.Type, open.MeasurementLevel, open.MaxLength!.Value));
        Assert.Equal(3, open.Part);

        Assert.Equal(VariableType.Id, Variable("respondent").Type);
        Assert.Equal(VariableType.Id, Variable("gemeentecode").Type);
        Assert.Empty(Variable("respondent").MissingValues);
        Assert.Equal(VariableType.Date, Variable("ingevuld_op").Type);
        Assert.Null(Variable("ingevuld_op").Part);
    }

    [Fact]
    public void The_workbook_reads_back_with_both_sheets()
    {
        using var stream = new MemoryStream(CodebookWorkbook.Write(Book));
        Assert.Equal([CodebookWorkbook.VariablesSheet, CodebookWorkbook.ValueLabelsSheet], stream.GetSheetNames());
        var rows = stream.Query(useHeaderRow: true, sheetName: CodebookWorkbook.VariablesSheet).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(Book.Variables.Select(v => v.Name), rows.Select(r => (string?)r["Variabele"]));
        Assert.Equal("ordinal", rows.Single(r => (string?)r["Variabele"] == "B1")["Meetniveau"]);
    }
}

/// <summary>
/// The codebook endpoints. They read only the instrument files, not the database, so one provider suffices.
/// </summary>
public abstract class CodebookApiTests(AppFixture fixture)
{
    private const string Json = "/api/v1/instruments/weerbaarheidsscan-2025/codebook";
    private const string Xlsx = "/api/v1/instruments/weerbaarheidsscan-2025/codebook.xlsx";
    private static readonly Instrument Scan = new InstrumentCatalog().Find("weerbaarheidsscan-2025")!;

    private WeerbaarFactory App => fixture.Factory;

    [Fact]
    public async Task Instruments_are_listed()
    {
        var client = await App.UserAsync(Roles.Onderzoeker);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/instruments");
        var scan = Assert.Single(list.EnumerateArray(), i => i.GetProperty("id").GetString() == "weerbaarheidsscan-2025");
        Assert.Equal(Scan.Title, scan.GetProperty("title").GetString());
        Assert.Equal(ResponseCsv.Header(Scan).Count, scan.GetProperty("columns").GetInt32());
    }

    [Fact]
    public async Task Json_codebook_lists_the_csv_header_columns_in_order()
    {
        var client = await App.UserAsync(Roles.Onderzoeker);
        var response = await client.GetAsync(Json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var book = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("weerbaarheidsscan-2025", book.GetProperty("instrument").GetString());
        Assert.Equal("|", book.GetProperty("multipleSeparator").GetString());
        var variables = book.GetProperty("variables").EnumerateArray().ToList();
        Assert.Equal(CodebookBuilderTests.WrittenHeader(), variables.Select(v => v.GetProperty("name").GetString()));

        var b1 = variables.Single(v => v.GetProperty("name").GetString() == "B1");
        Assert.Equal("single", b1.GetProperty("type").GetString());
        Assert.Equal("ordinal", b1.GetProperty("measurementLevel").GetString());
        var likert = Scan.AnswerSets["LIKERT5"];
        Assert.Equal(likert.Options.Select(o => o.Code).Append("WN"), b1.GetProperty("valueLabels").EnumerateArray().Select(l => l.GetProperty("code").GetString()));
        Assert.Equal(likert.Options.Select(o => o.Label).Append(likert.DontKnow!.Label), b1.GetProperty("valueLabels").EnumerateArray().Select(l => l.GetProperty("label").GetString()));
        Assert.Contains(b1.GetProperty("missingValues").EnumerateArray(), m => m.GetProperty("code").GetString() == "WN" && m.GetProperty("kind").GetString() == "dontKnow");

        var i4 = variables.Single(v => v.GetProperty("name").GetString() == "I4");
        Assert.Equal("multiple", i4.GetProperty("type").GetString());
        Assert.Equal("|", i4.GetProperty("separator").GetString());
        Assert.Equal(Scan.AnswerSets["I4"].Options.Select(o => o.Code), i4.GetProperty("valueLabels").EnumerateArray().Select(l => l.GetProperty("code").GetString()));
        var other = variables.Single(v => v.GetProperty("name").GetString() == "I4_anders");
        Assert.Equal("ANDERS", other.GetProperty("condition").GetProperty("contains").GetString());
    }

    [Fact]
    public async Task Xlsx_codebook_is_an_attachment_with_both_sheets_and_every_variable()
    {
        var client = await App.UserAsync(Roles.Onderzoeker);
        var response = await client.GetAsync(Xlsx);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(CodebookWorkbook.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("codeboek-weerbaarheidsscan-2025.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));

        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Variabelen", "Waardelabels"], stream.GetSheetNames());
        var variables = stream.Query(useHeaderRow: true, sheetName: "Variabelen").Cast<IDictionary<string, object?>>().ToList();
        var header = CodebookBuilderTests.WrittenHeader();
        Assert.Equal(header.Count, variables.Count);
        Assert.Equal(header, variables.Select(r => (string?)r["Variabele"]));

        var labels = stream.Query(useHeaderRow: true, sheetName: "Waardelabels").Cast<IDictionary<string, object?>>().ToList();
        var b1 = labels.Where(r => (string?)r["Variabele"] == "B1").ToList();
        Assert.Equal(["1", "2", "3", "4", "5", "WN"], b1.Select(r => r["Code"]?.ToString()));
        Assert.Equal("Enigszins", b1[2]["Label"]);
        Assert.Equal("ja", b1[5]["Ontbrekend"]);
        Assert.Equal(9, labels.Count(r => (string?)r["Variabele"] == "I4"));
        Assert.Equal(CodebookBuilder.Build(Scan).Variables.Sum(v => v.ValueLabels.Count), labels.Count);
    }

    [Fact]
    public async Task Only_the_research_team_and_beheerders_get_the_codebook()
    {
        var lezer = await App.UserAsync(Roles.Lezer, "GM0344");
        var coordinator = await App.UserAsync(Roles.Coordinator, "GM0344");
        var admin = await App.AdminAsync();
        foreach (var url in new[] { Json, Xlsx, "/api/v1/instruments" })
        {
            await LoginTests.AssertProblem(await App.Anonymous().GetAsync(url), HttpStatusCode.Unauthorized);
            await LoginTests.AssertProblem(await lezer.GetAsync(url), HttpStatusCode.Forbidden);
            Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(url)).StatusCode);
        }
    }

    [Theory]
    [InlineData("/api/v1/instruments/bestaat-niet/codebook")]
    [InlineData("/api/v1/instruments/bestaat-niet/codebook.xlsx")]
    public async Task Unknown_instrument_is_404_problem_in_Dutch(string url)
    {
        var client = await App.UserAsync(Roles.Onderzoeker);
        var problem = await LoginTests.AssertProblem(await client.GetAsync(url), HttpStatusCode.NotFound);
        Assert.Equal("Niet gevonden", problem.GetProperty("title").GetString());
        Assert.Contains("bestaat-niet", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("weerbaarheidsscan-2025", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteCodebookApiTests(SqliteAppFixture fixture) : CodebookApiTests(fixture);
