using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.Responses;
using Weerbaar.Web.Tests.Accounts;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Scan;

/// <summary>The monitoring API (JSON and CSV) on a round with three imported responses, one in progress and two invitations.</summary>
public abstract class MonitoringApiTests(AppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;
    private static readonly Instrument Scan = new InstrumentCatalog().Find("weerbaarheidsscan-2025")!;

    private static string Row(string respondent, string gemeente, string date, params (string Column, string Value)[] answers)
        => string.Join(",", new[] { respondent, gemeente, date }.Concat(Scan.ColumnOrder.Select(c => answers.FirstOrDefault(a => a.Column == c).Value ?? "")));

    private async Task<(HttpClient Client, Guid Round)> RoundWithResponsesAsync()
    {
        var client = await App.UserAsync(Roles.Onderzoeker);
        var created = await client.PostAsJsonAsync("/api/v1/rounds", new { instrument = "weerbaarheidsscan-2025", name = "Monitoring " + Guid.NewGuid().ToString("N")[..6], opensOn = "2025-12-15", closesOn = "2099-01-15" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var round = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var csv = string.Join("\r\n",
            string.Join(",", ResponseCsv.Header(Scan)),
            Row("r1", "GM0344", "2025-12-15", ("B1", "4"), ("I4", "OOV|ANDERS"), ("I4_anders", "Griffie")),
            Row("r2", "GM0363", "2025-12-16", ("B1", "WN"), ("I4", "ANDERS")),
            Row("r3", "GM0014", "2025-12-16")) + "\r\n";
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/rounds/{round}/responses/import", new StringContent(csv, Encoding.UTF8, "text/csv"))).StatusCode);
        var invited = await client.PostAsJsonAsync($"/api/v1/rounds/{round}/invitations", new[]
        {
            new { gemeentecode = "GM0599", name = "Rotterdam", email = "rotterdam@monitor.test" },
            new { gemeentecode = "GM0344", name = "Utrecht", email = "utrecht@monitor.test" },
        });
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        await App.WithDbAsync(async db =>
        {
            var at = new DateTimeOffset(2025, 12, 20, 10, 0, 0, TimeSpan.Zero);
            db.ScanResponses.Add(new ScanResponse
            {
                RoundId = round,
                GemeenteCode = "GM0599",
                RespondentId = "bezig-1",
                Status = ResponseStatus.InProgress,
                Version = 1,
                Answers = new() { ["B1"] = "3" },
                CreatedAt = at,
                UpdatedAt = at,
                Source = "web",
                Position = 99,
            });
            return await db.SaveChangesAsync();
        });
        return (client, round);
    }

    [Fact]
    public async Task Summary_and_response_rates_match_what_was_stored()
    {
        var (client, round) = await RoundWithResponsesAsync();

        var summary = await client.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{round}/monitoring");
        Assert.Equal(342, summary.GetProperty("population").GetInt32());
        Assert.Equal(2, summary.GetProperty("invited").GetInt32());
        Assert.Equal(3, summary.GetProperty("submitted").GetInt32());
        Assert.Equal(1, summary.GetProperty("inProgress").GetInt32());
        Assert.Equal(338, summary.GetProperty("notStarted").GetInt32());
        Assert.Equal(3 / 342.0, summary.GetProperty("responseRate").GetDouble(), 10);
        Assert.Equal(0, summary.GetProperty("responsesFullyAnswered").GetInt32());
        Assert.Equal(3, summary.GetProperty("responsesWithGaps").GetInt32());

        var utrecht = App.Services.GetRequiredService<ReferenceData>().Gemeente("GM0344")!;
        foreach (var by in new[] { "provincie", "veiligheidsregio", "grootteklasse", "stedelijkheid" })
        {
            var rates = await client.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{round}/monitoring/response-rates?by={by}");
            Assert.Equal(by, rates.GetProperty("by").GetString());
            var groups = rates.GetProperty("groups").EnumerateArray().ToList();
            Assert.Equal(342, groups.Sum(g => g.GetProperty("population").GetInt32()));
            Assert.Equal(3, groups.Sum(g => g.GetProperty("submitted").GetInt32()));
            Assert.Equal(1, groups.Sum(g => g.GetProperty("inProgress").GetInt32()));
            Assert.Equal(2, groups.Sum(g => g.GetProperty("invited").GetInt32()));
        }
        var byProvince = await client.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{round}/monitoring/response-rates");
        var province = byProvince.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("label").GetString() == utrecht.ProvincieName);
        Assert.Equal(1, province.GetProperty("submitted").GetInt32());
        Assert.Equal(1.0 / province.GetProperty("population").GetInt32(), province.GetProperty("rate").GetDouble(), 10);

        var csv = await client.GetAsync($"/api/v1/rounds/{round}/monitoring/response-rates.csv?by=veiligheidsregio");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = await CsvLinesAsync(csv);
        Assert.Equal("indeling,code,groep,populatie,uitgenodigd,verstuurd,bezig,respons_procent", lines[0]);
        Assert.Equal(25, lines.Count - 1);
        Assert.Contains(lines, l => l.StartsWith($"veiligheidsregio,{utrecht.VeiligheidsregioCode},", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Non_responders_are_the_population_without_a_submitted_response()
    {
        var (client, round) = await RoundWithResponsesAsync();

        var rows = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{round}/monitoring/non-responders")).EnumerateArray().ToList();
        Assert.Equal(339, rows.Count);
        Assert.DoesNotContain(rows, r => r.GetProperty("gemeentecode").GetString() is "GM0344" or "GM0363" or "GM0014");
        var rotterdam = rows.Single(r => r.GetProperty("gemeentecode").GetString() == "GM0599");
        Assert.True(rotterdam.GetProperty("invited").GetBoolean());
        Assert.True(rotterdam.GetProperty("inProgress").GetBoolean());

        var lines = await CsvLinesAsync(await client.GetAsync($"/api/v1/rounds/{round}/monitoring/non-responders.csv"));
        Assert.Equal("gemeentecode,gemeente,provincie,uitgenodigd,status", lines[0]);
        Assert.Equal(340, lines.Count);
        var reference = App.Services.GetRequiredService<ReferenceData>().Gemeente("GM0599")!;
        Assert.Contains($"GM0599,{reference.Name},{reference.ProvincieName},ja,bezig", lines);
    }

    [Fact]
    public async Task Item_nonresponse_counts_submitted_responses_and_respects_conditions()
    {
        var (client, round) = await RoundWithResponsesAsync();

        var rows = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{round}/monitoring/item-nonresponse")).EnumerateArray()
            .ToDictionary(r => r.GetProperty("column").GetString()!);
        Assert.Equal(Scan.ColumnOrder.Count, rows.Count);
        Assert.Equal((3, 1, 1), Counts(rows["B1"]));
        Assert.Equal((3, 1, 0), Counts(rows["I4"]));
        Assert.Equal((2, 1, 0), Counts(rows["I4_anders"])); // only where ANDERS was chosen
        Assert.Equal(0.5, rows["I4_anders"].GetProperty("emptyRate").GetDouble());

        var lines = await CsvLinesAsync(await client.GetAsync($"/api/v1/rounds/{round}/monitoring/item-nonresponse.csv"));
        Assert.Equal("kolom,vraag,vraagtekst,van_toepassing,leeg,weet_niet,leeg_procent,weet_niet_procent", lines[0]);
        Assert.Equal(Scan.ColumnOrder.Count + 1, lines.Count);
        Assert.Contains("I4_anders,I4_anders,\"Anders, namelijk:\",2,1,0,50.0,0.0", lines);

        static (int, int, int) Counts(JsonElement r) => (r.GetProperty("applicable").GetInt32(), r.GetProperty("empty").GetInt32(), r.GetProperty("dontKnow").GetInt32());
    }

    [Fact]
    public async Task Timeline_has_a_running_total_per_day()
    {
        var (client, round) = await RoundWithResponsesAsync();

        var days = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{round}/monitoring/timeline")).EnumerateArray().ToList();
        Assert.Equal("2025-12-15", days[0].GetProperty("day").GetString());
        Assert.Equal((1, 1), (days[0].GetProperty("submitted").GetInt32(), days[0].GetProperty("submittedTotal").GetInt32()));
        Assert.Equal((2, 3), (days[1].GetProperty("submitted").GetInt32(), days[1].GetProperty("submittedTotal").GetInt32()));
        Assert.Equal(1, days.Single(d => d.GetProperty("day").GetString() == "2025-12-20").GetProperty("started").GetInt32());
        Assert.Equal(3, days[^1].GetProperty("submittedTotal").GetInt32());
        Assert.Equal(4, days[^1].GetProperty("startedTotal").GetInt32());

        var lines = await CsvLinesAsync(await client.GetAsync($"/api/v1/rounds/{round}/monitoring/timeline.csv"));
        Assert.Equal("datum,begonnen,verstuurd,begonnen_totaal,verstuurd_totaal", lines[0]);
        Assert.Equal("2025-12-16,2,2,3,3", lines[2]);
        Assert.Equal(days.Count + 1, lines.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/response-rates")]
    [InlineData("/response-rates.csv")]
    [InlineData("/non-responders")]
    [InlineData("/non-responders.csv")]
    [InlineData("/item-nonresponse")]
    [InlineData("/item-nonresponse.csv")]
    [InlineData("/timeline")]
    [InlineData("/timeline.csv")]
    public async Task Unknown_round_is_404_problem(string path)
    {
        var client = await App.UserAsync(Roles.Onderzoeker);
        await LoginTests.AssertProblem(await client.GetAsync($"/api/v1/rounds/{Guid.NewGuid()}/monitoring{path}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unknown_dimension_is_422_and_only_the_research_team_has_access()
    {
        var (client, round) = await RoundWithResponsesAsync();
        await LoginTests.AssertProblem(await client.GetAsync($"/api/v1/rounds/{round}/monitoring/response-rates?by=kleur"), HttpStatusCode.UnprocessableEntity);

        var coordinator = await App.UserAsync(Roles.Coordinator, "GM0344");
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync($"/api/v1/rounds/{round}/monitoring/non-responders.csv")).StatusCode);
    }

    /// <summary>Checks the BOM and returns the lines without it.</summary>
    private static async Task<List<string>> CsvLinesAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        return Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteMonitoringApiTests(SqliteAppFixture fixture) : MonitoringApiTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresMonitoringApiTests(PostgresAppFixture fixture) : MonitoringApiTests(fixture);
