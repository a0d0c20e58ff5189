using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Scan.Responses;
using Weerbaar.Web.Tests.Accounts;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Scan;

/// <summary>The save path under concurrency: group commit, last write wins without a version, a failing save fails alone.</summary>
public abstract class RespondentSaveConcurrencyTests(AppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;

    private async Task<(Guid Round, string[] Tokens)> RoundAsync(string[] gemeenten, string opensOn = "2025-12-15", string closesOn = "2099-01-15", string? status = "open")
    {
        var research = await App.UserAsync(Roles.Onderzoeker);
        var created = await research.PostAsJsonAsync("/api/v1/rounds", new { instrument = "weerbaarheidsscan-2025", name = "Gelijktijdig " + Guid.NewGuid().ToString("N")[..6], opensOn, closesOn });
        var round = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var invited = await research.PostAsJsonAsync($"/api/v1/rounds/{round}/invitations",
            gemeenten.Select(g => new { gemeentecode = g, name = "Burgemeester", email = $"b-{Guid.NewGuid():N}@test.weerbaar.nl" }).ToArray());
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        var tokens = (await invited.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(e => e.GetProperty("token").GetString()!).ToArray();
        if (status is not null)
        {
            Assert.Equal(HttpStatusCode.OK, (await research.PatchAsJsonAsync($"/api/v1/rounds/{round}", new { status })).StatusCode);
        }
        return (round, tokens);
    }

    private Task<HttpResponseMessage> Save(string token, int part, object body) => App.Anonymous().PutAsJsonAsync($"/api/v1/invitations/{token}/response/parts/{part}", body);

    private async Task<JsonElement> Get(string token) => await App.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/invitations/{token}/response");

    private static async Task<int> VersionOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
    }

    [Fact]
    public async Task Concurrent_saves_without_a_version_all_succeed_and_the_last_committed_one_is_stored()
    {
        var (round, tokens) = await RoundAsync(["GM0392"]);
        var token = tokens[0];
        // 30 saves of part 1 at once, also the very first one of this respondent (the insert races the updates).
        var saves = Enumerable.Range(0, 30).Select(n => (Value: (n % 5 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Text: $"Tekst {n}")).ToList();
        var responses = await Task.WhenAll(saves.Select(s => Save(token, 1, new { answers = new Dictionary<string, string> { ["B1"] = s.Value, ["I4"] = "ANDERS", ["I4_anders"] = s.Text } })));
        var versions = new List<int>();
        foreach (var r in responses)
        {
            versions.Add(await VersionOf(r)); // never 409: without a version the last write wins
        }
        Assert.Equal(Enumerable.Range(1, 30), versions.Order());

        var stored = await Get(token);
        Assert.Equal(30, stored.GetProperty("version").GetInt32());
        var last = saves[versions.IndexOf(30)];
        Assert.Equal(last.Value, stored.GetProperty("answers").GetProperty("B1").GetString());
        Assert.Equal(last.Text, stored.GetProperty("answers").GetProperty("I4_anders").GetString());

        // Written outside EF Core, read back by it as its own: times, ids and the position in the round.
        var row = await App.WithDbAsync(db => db.ScanResponses.IgnoreQueryFilters().SingleAsync(r => r.RoundId == round));
        Assert.InRange(row.CreatedAt, DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.InRange(row.UpdatedAt, row.CreatedAt, DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(row.InvitationId.ToString(), row.RespondentId);
        Assert.Equal("web", row.Source);
        Assert.Equal(ResponseStatus.InProgress, row.Status);
        Assert.Equal(1, row.Position);
    }

    [Fact]
    public async Task Concurrent_saves_of_different_parts_lose_no_part()
    {
        var (_, tokens) = await RoundAsync(["GM0362"]);
        var token = tokens[0];
        var ranks = new Dictionary<string, string> { ["EC_rank"] = "1", ["CO_rank"] = "2", ["VV_rank"] = "3", ["SW_rank"] = "4", ["ZR_rank"] = "5", ["SO_rank"] = "6", ["EC_score"] = "6" };
        for (var round = 0; round < 5; round++)
        {
            var results = await Task.WhenAll(
                Save(token, 1, new { answers = new Dictionary<string, string> { ["B1"] = "4", ["B2"] = $"{round % 5 + 1}" } }),
                Save(token, 2, new { answers = ranks }),
                Save(token, 3, new { answers = new Dictionary<string, string> { ["O1"] = $"Zorg {round}" } }));
            Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        }
        var answers = (await Get(token)).GetProperty("answers");
        Assert.Equal("4", answers.GetProperty("B1").GetString());
        Assert.Equal("5", answers.GetProperty("B2").GetString());
        Assert.Equal("6", answers.GetProperty("EC_score").GetString());
        Assert.Equal("Zorg 4", answers.GetProperty("O1").GetString());
        Assert.Equal(15, (await Get(token)).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task With_a_version_only_a_stale_one_is_refused()
    {
        var (_, tokens) = await RoundAsync(["GM0362"]);
        var token = tokens[0];
        Assert.Equal(1, await VersionOf(await Save(token, 1, new { version = 0, answers = new Dictionary<string, string> { ["B1"] = "1" } })));
        // Two tabs both holding version 1: exactly one wins, the other hears the current version.
        var both = await Task.WhenAll(
            Save(token, 1, new { version = 1, answers = new Dictionary<string, string> { ["B1"] = "2" } }),
            Save(token, 1, new { version = 1, answers = new Dictionary<string, string> { ["B1"] = "3" } }));
        Assert.Single(both, r => r.StatusCode == HttpStatusCode.OK);
        var conflict = await LoginTests.AssertProblem(both.Single(r => r.StatusCode != HttpStatusCode.OK), HttpStatusCode.Conflict);
        Assert.Equal(2, conflict.GetProperty("currentVersion").GetInt32());
        var winner = both[0].StatusCode == HttpStatusCode.OK ? "2" : "3";
        Assert.Equal(winner, (await Get(token)).GetProperty("answers").GetProperty("B1").GetString());
        Assert.Equal(3, await VersionOf(await Save(token, 1, new { version = 2, answers = new Dictionary<string, string> { ["B1"] = "5" } })));
    }

    [Fact]
    public async Task A_round_that_is_not_open_says_so_with_its_dates()
    {
        var (round, tokens) = await RoundAsync(["GM0394"], opensOn: "2027-03-01", closesOn: "2027-03-31", status: null);
        var notOpen = await LoginTests.AssertProblem(await Save(tokens[0], 1, new { answers = new Dictionary<string, string> { ["B1"] = "4" } }), HttpStatusCode.Conflict);
        Assert.Equal("De vragenlijst is nog niet open", notOpen.GetProperty("title").GetString());
        Assert.Equal("De vragenlijst is nog niet geopend. Hij staat open van 1 maart 2027 tot en met 31 maart 2027.", notOpen.GetProperty("detail").GetString());
        Assert.Equal("2027-03-01", notOpen.GetProperty("opensOn").GetString());
        Assert.Equal("2027-03-31", notOpen.GetProperty("closesOn").GetString());
        // Invalid answers too: that the round is not open comes first.
        var invalid = await LoginTests.AssertProblem(await Save(tokens[0], 1, new { answers = new Dictionary<string, string> { ["B1"] = "9" } }), HttpStatusCode.Conflict);
        Assert.Equal("De vragenlijst is nog niet open", invalid.GetProperty("title").GetString());

        var research = await App.UserAsync(Roles.Onderzoeker);
        Assert.Equal(HttpStatusCode.OK, (await research.PatchAsJsonAsync($"/api/v1/rounds/{round}", new { status = "open" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await research.PatchAsJsonAsync($"/api/v1/rounds/{round}", new { status = "gesloten" })).StatusCode);
        var closed = await LoginTests.AssertProblem(await Save(tokens[0], 1, new { answers = new Dictionary<string, string> { ["B1"] = "4" } }), HttpStatusCode.Conflict);
        Assert.Equal("De vragenlijst is gesloten", closed.GetProperty("title").GetString());
        Assert.Contains("1 maart 2027 tot en met 31 maart 2027", closed.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("2027-03-31", closed.GetProperty("closesOn").GetString());
        Assert.Equal("not-started", (await Get(tokens[0])).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_save_that_fails_in_the_database_fails_alone()
    {
        var gemeenten = new[] { "GM0396", "GM0397", "GM0373", "GM0375", "GM0384", "GM0377", "GM0383", "GM0361", "GM0385", "GM0388" };
        var (round, tokens) = await RoundAsync(gemeenten);
        foreach (var token in tokens)
        {
            Assert.Equal(1, await VersionOf(await Save(token, 1, new { answers = new Dictionary<string, string> { ["B1"] = "1" } })));
        }
        // A stored document the database cannot merge into: that save must fail, the others in its batch must not.
        var broken = gemeenten[0];
        await App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"ScanResponses\" SET \"Answers\" = 'geen json' WHERE \"GemeenteCode\" = {0} AND \"RoundId\" = {1}", broken, round));

        for (var attempt = 0; attempt < 3; attempt++)
        {
            var results = await Task.WhenAll(tokens.Select(t => Save(t, 1, new { answers = new Dictionary<string, string> { ["B1"] = "3" } })));
            Assert.Equal(HttpStatusCode.InternalServerError, results[0].StatusCode);
            Assert.Equal("application/problem+json", results[0].Content.Headers.ContentType?.MediaType);
            for (var n = 1; n < tokens.Length; n++)
            {
                Assert.Equal(attempt + 2, await VersionOf(results[n]));
            }
        }
        Assert.Equal(1, await App.WithDbAsync(db => db.ScanResponses.IgnoreQueryFilters().Where(r => r.RoundId == round && r.GemeenteCode == broken).Select(r => r.Version).SingleAsync()));
        foreach (var token in tokens.Skip(1))
        {
            Assert.Equal("3", (await Get(token)).GetProperty("answers").GetProperty("B1").GetString());
        }
        // Mended, so nothing else that reads this round trips over it.
        await App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"ScanResponses\" SET \"Answers\" = '{{\"B1\":\"1\"}}' WHERE \"GemeenteCode\" = {0} AND \"RoundId\" = {1}", broken, round));
        Assert.Equal(2, await VersionOf(await Save(tokens[0], 1, new { answers = new Dictionary<string, string> { ["B1"] = "2" } })));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteRespondentSaveConcurrencyTests(SqliteAppFixture fixture) : RespondentSaveConcurrencyTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresRespondentSaveConcurrencyTests(PostgresAppFixture fixture) : RespondentSaveConcurrencyTests(fixture);
