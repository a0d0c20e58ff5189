using System.Text;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.Responses;

namespace Weerbaar.Web.Tests.Scan;

public sealed class ResponseCsvTests
{
    private static readonly Instrument Scan = new InstrumentCatalog().Find("weerbaarheidsscan-2025")!;
    private static readonly string Header = string.Join(",", ResponseCsv.Header(Scan));
    private static bool Known(string code) => code is "GM0363" or "GM0344" or "GM0014";

    private static string Row(string respondent, string gemeente, string date, Dictionary<string, string>? answers = null)
        => string.Join(",", new[] { respondent, gemeente, date }.Concat(Scan.ColumnOrder.Select(c => Quote(answers?.GetValueOrDefault(c) ?? ""))));

    private static string Quote(string v) => v.Contains(',', StringComparison.Ordinal) || v.Contains('"', StringComparison.Ordinal) || v.Contains('\n', StringComparison.Ordinal)
        ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;

    private static (List<ResponseRow> Rows, List<CsvError> Errors) Parse(string text) => ResponseCsv.Parse(Encoding.UTF8.GetBytes(text), Scan, Known);

    private static readonly Dictionary<string, string> Full = new()
    {
        ["B1"] = "4",
        ["B2"] = "5",
        ["B3"] = "2",
        ["B4"] = "WN",
        ["I1"] = "3",
        ["I4"] = "OOV|ANDERS",
        ["I4_anders"] = "Griffie, raad",
        ["EC_score"] = "6",
        ["EC_rank"] = "1",
        ["CO_rank"] = "2",
        ["VV_rank"] = "3",
        ["SW_rank"] = "4",
        ["ZR_rank"] = "5",
        ["SO_rank"] = "6",
        ["O1"] = "Te weinig \"fte\"\nen budget.",
        ["O2"] = "=SOM(A1)",
        ["O3"] = "-geen-",
    };

    [Fact]
    public void Export_of_an_import_is_identical_byte_for_byte()
    {
        var text = Header + "\r\n" + Row("r1", "GM0363", "2025-12-15T10:30:00+01:00", Full) + "\r\n" + Row("r2", "GM0344", "") + "\r\n";
        var (rows, errors) = Parse(text);
        Assert.Empty(errors);
        Assert.Equal("=SOM(A1)", rows[0].Answers["O2"]);
        Assert.Equal("Te weinig \"fte\"\nen budget.", rows[0].Answers["O1"]);

        var exported = ResponseCsv.Write(Scan, rows);
        var exportedText = Encoding.UTF8.GetString(exported);
        Assert.Contains("'=SOM(A1)", exportedText, StringComparison.Ordinal);
        Assert.Contains("'-geen-", exportedText, StringComparison.Ordinal);
        var (again, errors2) = ResponseCsv.Parse(exported, Scan, Known);
        Assert.Empty(errors2);
        Assert.Equal(exported, ResponseCsv.Write(Scan, again));
        Assert.Equal(rows.Select(r => r.Answers), again.Select(r => r.Answers));
    }

    [Fact]
    public void Semicolon_files_with_a_BOM_are_accepted()
    {
        var text = "\uFEFF" + Header.Replace(',', ';') + "\r\n" + Row("r1", "gm0014", "2025-12-20", new() { ["B1"] = "2" }).Replace(',', ';') + "\r\n";
        var (rows, errors) = Parse(text);
        Assert.Empty(errors);
        Assert.Equal("GM0014", rows.Single().Gemeentecode);
    }

    [Fact]
    public void Every_error_is_listed_with_row_and_column()
    {
        var text = string.Join("\r\n",
            Header,
            Row("r1", "GM9999", "15-12-2025", new() { ["B1"] = "6", ["EC_score"] = "11" }),
            Row("r1", "GM0363", "2025-12-15", new() { ["EC_rank"] = "1", ["CO_rank"] = "1", ["VV_rank"] = "2", ["SW_rank"] = "3", ["ZR_rank"] = "4", ["SO_rank"] = "5" }),
            Row("", "GM0363", "", new() { ["O1"] = new string('x', 4001) }),
            "r4,GM0363,2025-12-15,too,few");
        var (_, errors) = Parse(text);
        Assert.Contains(new CsvError(2, "gemeentecode", "'GM9999' is geen gemeentecode van deze ronde (bijvoorbeeld GM0363)."), errors);
        Assert.Contains(errors, e => e is { Row: 2, Column: "ingevuld_op" });
        Assert.Contains(errors, e => e is { Row: 2, Column: "B1" });
        Assert.Contains(errors, e => e is { Row: 2, Column: "EC_score" });
        Assert.Contains(errors, e => e is { Row: 3, Column: "respondent" } && e.Message.Contains("rij 2", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Row: 3, Column: "CO_rank" });
        Assert.Contains(errors, e => e is { Row: 4, Column: "respondent" });
        Assert.Contains(errors, e => e is { Row: 4, Column: "O1" });
        Assert.Contains(errors, e => e is { Row: 5, Column: "" } && e.Message.Contains("5 kolommen", StringComparison.Ordinal));
    }

    [Fact]
    public void Wrong_header_empty_file_and_non_UTF8_are_explained()
    {
        Assert.Contains("kopregel", Assert.Single(Parse("respondent,gemeente\r\nx,y").Errors).Message, StringComparison.Ordinal);
        Assert.Contains("leeg", Assert.Single(Parse("").Errors).Message, StringComparison.Ordinal);
        Assert.Contains("geen antwoorden", Assert.Single(Parse(Header + "\r\n").Errors).Message, StringComparison.Ordinal);
        var latin1 = Encoding.Latin1.GetBytes(Header + "\r\nr1,GM0363,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,Zorg over één ding\r\n");
        var error = Assert.Single(ResponseCsv.Parse(latin1, Scan, Known).Errors);
        Assert.Contains("geen UTF-8", error.Message, StringComparison.Ordinal);
    }
}
