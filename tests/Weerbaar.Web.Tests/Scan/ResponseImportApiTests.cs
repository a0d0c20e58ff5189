using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.Responses;
using Weerbaar.Web.Tests.Accounts;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Scan;

public abstract class ResponseImportApiTests(AppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;
    private static readonly Instrument Scan = new InstrumentCatalog().Find("weerbaarheidsscan-2025")!;
    private static readonly string Header = string.Join(",", ResponseCsv.Header(Scan));

    private static string Row(string respondent, string gemeente, params (string Column, string Value)[] answers)
        => string.Join(",", new[] { respondent, gemeente, "2025-12-15" }.Concat(Scan.ColumnOrder.Select(c => answers.FirstOrDefault(a => a.Column == c).Value ?? "")));

    private static string File(params string[] rows) => string.Join("\r\n", rows.Prepend(Header)) + "\r\n";

    private async Task<(HttpClient Client, Guid Round)> NewRoundAsync(object? extra = null)
    {
        var client = await App.UserAsync(Roles.Onderzoeker);
        var response = await client.PostAsJsonAsync("/api/v1/rounds", extra ?? new { instrument = "weerbaarheidsscan-2025", name = "Test " + Guid.NewGuid().ToString("N")[..6], opensOn = "2025-12-15", closesOn = "2099-01-15" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (client, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, Guid round, string csv, string query = "")
        => client.PostAsync($"/api/v1/rounds/{round}/responses/import{query}", new StringContent(csv, Encoding.UTF8, "text/csv"));

    private Task<int> CountAsync(Guid round) => App.WithDbAsync(db => db.ScanResponses.IgnoreQueryFilters().CountAsync(r => r.RoundId == round));

    [Fact]
    public async Task Import_then_export_round_trips_byte_for_byte()
    {
        var (client, round) = await NewRoundAsync();
        var csv = File(
            Row("r1", "GM0363", ("B1", "4"), ("I4", "OOV|ANDERS"), ("I4_anders", "\"Griffie, raad\""), ("EC_score", "7"), ("O1", "\"Regel 1\nRegel 2\"")),
            Row("r2", "GM0344", ("B1", "WN"), ("O2", "'=SOM(A1)")));
        var response = await ImportAsync(client, round, csv);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imported").GetInt32());

        var export = await client.GetAsync($"/api/v1/rounds/{round}/responses/export");
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        Assert.Equal(csv, Encoding.UTF8.GetString(bytes));

        var (_, second) = await NewRoundAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/rounds/{second}/responses/import", new ByteArrayContent(bytes) { Headers = { ContentType = new("text/csv") } })).StatusCode);
        Assert.Equal(bytes, await client.GetByteArrayAsync($"/api/v1/rounds/{second}/responses/export"));
    }

    public static TheoryData<string, string, int, string> InvalidFiles => new()
    {
        { "unknown gemeentecode", File(Row("r1", "GM9999")), 2, "gemeentecode" },
        { "out of range", File(Row("r1", "GM0363", ("EC_score", "11"))), 2, "EC_score" },
        { "likert out of range", File(Row("r1", "GM0363", ("B2", "7"))), 2, "B2" },
        { "rank not a permutation", File(Row("r1", "GM0363", ("EC_rank", "1"), ("CO_rank", "1"), ("VV_rank", "2"), ("SW_rank", "3"), ("ZR_rank", "4"), ("SO_rank", "5"))), 2, "CO_rank" },
        { "duplicate respondent in file", File(Row("r1", "GM0363"), Row("r1", "GM0344")), 3, "respondent" },
        { "wrong header", "respondent,gemeente,datum\r\nr1,GM0363,2025-12-15\r\n", 1, "gemeente" },
        { "too long open answer", File(Row("r1", "GM0363", ("O3", new string('x', 4001)))), 2, "O3" },
        { "empty file", "", 0, "" },
    };

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public async Task Invalid_files_are_422_with_row_and_column_and_store_nothing(string why, string csv, int row, string column)
    {
        var (client, round) = await NewRoundAsync();
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(client, round, File(Row("bestaand", "GM0014", ("B1", "2"))))).StatusCode);
        var before = await client.GetByteArrayAsync($"/api/v1/rounds/{round}/responses/export");

        var response = await ImportAsync(client, round, csv);
        var problem = await LoginTests.AssertProblem(response, HttpStatusCode.UnprocessableEntity);
        var errors = problem.GetProperty("errors").EnumerateArray().ToList();
        Assert.True(errors.Any(e => e.GetProperty("row").GetInt32() == row && e.GetProperty("column").GetString() == column),
            $"{why}: verwacht rij {row} kolom '{column}' in {problem}");
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("message").GetString())));
        Assert.Equal(before, await client.GetByteArrayAsync($"/api/v1/rounds/{round}/responses/export"));
    }

    [Fact]
    public async Task Every_error_of_a_file_is_reported_not_only_the_first()
    {
        var (client, round) = await NewRoundAsync();
        var response = await ImportAsync(client, round, File(Row("r1", "GM9999", ("B1", "9")), Row("r2", "GM0363", ("EC_score", "0"))));
        var problem = await LoginTests.AssertProblem(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(3, problem.GetProperty("errors").GetArrayLength());
        Assert.Equal(0, await CountAsync(round));
    }

    [Fact]
    public async Task Non_UTF8_file_is_refused()
    {
        var (client, round) = await NewRoundAsync();
        var latin1 = Encoding.Latin1.GetBytes(File(Row("r1", "GM0363", ("O1", "één zorg"))));
        var response = await client.PostAsync($"/api/v1/rounds/{round}/responses/import", new ByteArrayContent(latin1) { Headers = { ContentType = new("text/csv") } });
        var problem = await LoginTests.AssertProblem(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("UTF-8", problem.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(round));
    }

    [Fact]
    public async Task A_file_over_10_MB_is_413()
    {
        var (client, round) = await NewRoundAsync();
        var big = new byte[(10 * 1024 * 1024) + 1];
        Array.Fill(big, (byte)'a');
        var response = await client.PostAsync($"/api/v1/rounds/{round}/responses/import", new ByteArrayContent(big) { Headers = { ContentType = new("text/csv") } });
        await LoginTests.AssertProblem(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, await CountAsync(round));
    }

    [Fact]
    public async Task Existing_respondent_is_409_unless_replace()
    {
        var (client, round) = await NewRoundAsync();
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(client, round, File(Row("r1", "GM0363", ("B1", "1")), Row("r2", "GM0344")))).StatusCode);

        var conflict = await ImportAsync(client, round, File(Row("r3", "GM0014"), Row("r1", "GM0363", ("B1", "5"))));
        var problem = await LoginTests.AssertProblem(conflict, HttpStatusCode.Conflict);
        var error = problem.GetProperty("errors")[0];
        Assert.Equal(3, error.GetProperty("row").GetInt32());
        Assert.Equal(2, await CountAsync(round));

        var replaced = await ImportAsync(client, round, File(Row("r3", "GM0014"), Row("r1", "GM0363", ("B1", "5"))), "?replace=true");
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var result = await replaced.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((2, 1), (result.GetProperty("imported").GetInt32(), result.GetProperty("replaced").GetInt32()));
        var r1 = await App.WithDbAsync(db => db.ScanResponses.IgnoreQueryFilters().SingleAsync(r => r.RoundId == round && r.RespondentId == "r1"));
        Assert.Equal("5", r1.Answers["B1"]);
        Assert.Equal(3, await CountAsync(round));
    }

    [Fact]
    public async Task A_closed_round_refuses_imports()
    {
        var (client, round) = await NewRoundAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsJsonAsync($"/api/v1/rounds/{round}", new { status = "open" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsJsonAsync($"/api/v1/rounds/{round}", new { status = "gesloten" })).StatusCode);
        await LoginTests.AssertProblem(await client.PatchAsJsonAsync($"/api/v1/rounds/{round}", new { status = "open" }), HttpStatusCode.Conflict);
        await LoginTests.AssertProblem(await ImportAsync(client, round, File(Row("r1", "GM0363"))), HttpStatusCode.Conflict);
        Assert.Equal(0, await CountAsync(round));
    }

    [Fact]
    public async Task Population_limits_the_gemeentecodes_of_a_round()
    {
        var (client, round) = await NewRoundAsync(new { instrument = "weerbaarheidsscan-2025", name = "Regio Utrecht", opensOn = "2025-12-15", closesOn = "2099-01-15", populationRegios = new[] { "VR09" } });
        var info = await client.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{round}");
        Assert.Equal(26, info.GetProperty("population").GetInt32()); // the gemeenten of veiligheidsregio Utrecht in 2024
        await LoginTests.AssertProblem(await ImportAsync(client, round, File(Row("r1", "GM0363"))), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(client, round, File(Row("r1", "GM0344")))).StatusCode);
    }

    [Fact]
    public async Task Creating_a_round_validates_every_field()
    {
        var client = await App.UserAsync(Roles.Onderzoeker);
        var response = await client.PostAsJsonAsync("/api/v1/rounds", new { instrument = "bestaat-niet", name = "", opensOn = "2026-02-01", closesOn = "2026-01-01", populationRegios = new[] { "VR99" } });
        var problem = await LoginTests.AssertProblem(response, HttpStatusCode.UnprocessableEntity);
        var fields = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Equal(["instrument", "name", "closesOn", "populationRegios"], fields);
    }

    [Fact]
    public async Task Only_the_research_team_imports_and_exports()
    {
        var (_, round) = await NewRoundAsync();
        foreach (var role in new[] { Roles.Coordinator, Roles.Lezer, Roles.Regio })
        {
            var client = await App.UserAsync(role, role is Roles.Regio ? null : "GM0344", role is Roles.Regio ? "VR09" : null);
            Assert.Equal(HttpStatusCode.Forbidden, (await ImportAsync(client, round, File(Row("x", "GM0344")))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/rounds/{round}/responses/export")).StatusCode);
        }
        Assert.Equal(0, await CountAsync(round));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteResponseImportApiTests(SqliteAppFixture fixture) : ResponseImportApiTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresResponseImportApiTests(PostgresAppFixture fixture) : ResponseImportApiTests(fixture);
