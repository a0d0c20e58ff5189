using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Programme;
using Weerbaar.Web.Shared;
using Weerbaar.Web.Tests.Infrastructure;
using static Weerbaar.Web.Tests.ProgrammeTracking.TrackingSeed;

namespace Weerbaar.Web.Tests.ProgrammeTracking;

/// <summary>Status updates over HTTP: the action follows the latest-dated update in one transaction, validation, tenancy and roles.</summary>
public abstract class StatusUpdateTests(AppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;

    private const string G = "GM0085";      // Ooststellingwerf
    private const string Other = "GM0086";  // Opsterland: the other gemeente
    private static DateOnly Today => Format.Today(TimeProvider.System);
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    private static string Api(string g, int n) => $"/api/v1/gemeenten/{g}/programme/actions/{n}/status-updates";
    private static string Page(string g, int n) => $"/gemeenten/{g}/programma/acties/{n}/voortgang";

    private Task SeedAsync() => EnsureAsync(App, ProgrammeRow(G), Enumerable.Range(1, 5).Select(n => Action(G, n, "EC", Today.AddDays(60))));

    private Task<int> UpdateCountAsync(int number) => App.WithDbAsync(db =>
        (from u in db.ActionStatusUpdates.IgnoreQueryFilters()
         join a in db.ProgrammeActions.IgnoreQueryFilters() on u.ActionId equals a.Id
         where a.GemeenteCode == G && a.Number == number
         select u).CountAsync());

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task The_action_follows_the_update_with_the_latest_date()
    {
        await SeedAsync();
        var coordinator = await App.UserAsync(Roles.Coordinator, G);
        var before = await ActionRowAsync(App, G, 1);

        var running = await CreatedAsync(await coordinator.PostAsJsonAsync(Api(G, 1), new { date = Iso(Today.AddDays(-20)), status = "loopt", note = "Gestart met de inventarisatie" }));
        Assert.Equal(("loopt", before.Version + 1), (running.GetProperty("status").GetString(), running.GetProperty("version").GetInt32()));

        var done = await CreatedAsync(await coordinator.PostAsJsonAsync(Api(G, 1), new { date = Iso(Today.AddDays(-2)), status = "afgerond", evidence = "Plan vastgesteld, zaaknummer 2026-123" }));
        Assert.Equal("afgerond", done.GetProperty("status").GetString());
        Assert.Equal(Iso(Today.AddDays(-2)), done.GetProperty("completedOn").GetString());
        var row = await ActionRowAsync(App, G, 1);
        Assert.Equal((ActionStatus.Done, Today.AddDays(-2), before.Version + 2, $"coordinator-{G}@test.weerbaar.nl".ToLowerInvariant()), (row.Status, row.CompletedOn, row.Version, row.UpdatedBy));

        // A late report about an earlier day joins the history but does not undo the newer status.
        var late = await CreatedAsync(await coordinator.PostAsJsonAsync(Api(G, 1), new { date = Iso(Today.AddDays(-10)), status = "vertraagd", note = "Leverancier was te laat" }));
        Assert.Equal(("afgerond", Iso(Today.AddDays(-2))), (late.GetProperty("status").GetString(), late.GetProperty("completedOn").GetString()));
        Assert.Equal(["afgerond", "vertraagd", "loopt"], late.GetProperty("updates").EnumerateArray().Select(u => u.GetProperty("status").GetString()));

        // Reopened today: no longer done, CompletedOn cleared.
        var reopened = await CreatedAsync(await coordinator.PostAsJsonAsync(Api(G, 1), new { date = Iso(Today), status = "loopt", note = "Het plan moet opnieuw" }));
        Assert.Equal(JsonValueKind.Null, reopened.GetProperty("completedOn").ValueKind);
        row = await ActionRowAsync(App, G, 1);
        Assert.Equal((ActionStatus.Running, (DateOnly?)null, before.Version + 4), (row.Status, row.CompletedOn, row.Version));

        var history = await coordinator.GetFromJsonAsync<JsonElement>(Api(G, 1));
        Assert.Equal(4, history.GetProperty("updates").GetArrayLength());
        Assert.Equal("Het plan moet opnieuw", history.GetProperty("updates")[0].GetProperty("note").GetString());
        Assert.Equal(4, await UpdateCountAsync(1));
    }

    [Fact]
    public async Task Refused_updates_name_every_field_and_change_nothing()
    {
        await SeedAsync();
        var coordinator = await App.UserAsync(Roles.Coordinator, G);
        var before = await ActionRowAsync(App, G, 2);
        var response = await coordinator.PostAsJsonAsync(Api(G, 2), new { date = Iso(Today.AddDays(1)), status = "afgerond", note = new string('x', ActionStatusUpdate.MaxText + 1) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["date", "note", "evidence"], body.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()));
        Assert.Contains("in de toekomst", body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);

        var badStatus = await coordinator.PostAsJsonAsync(Api(G, 2), new { date = Iso(Today), status = "klaar" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badStatus.StatusCode);
        Assert.Equal("status", (await badStatus.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("field").GetString());

        var unknown = await coordinator.PostAsJsonAsync(Api(G, 999), new { date = Iso(Today), status = "loopt" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync(Api(G, 999))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync(Page(G, 999))).StatusCode);

        Assert.Equal(0, await UpdateCountAsync(2));
        var after = await ActionRowAsync(App, G, 2);
        Assert.Equal((before.Status, before.Version), (after.Status, after.Version));
    }

    [Fact]
    public async Task The_coordinator_reports_progress_with_the_form()
    {
        await SeedAsync();
        var coordinator = await App.UserAsync(Roles.Coordinator, G);
        var refused = await HtmlForms.PostFormAsync(coordinator, Page(G, 3), "voortgang",
            [new("datum", Iso(Today)), new("status", "afgerond"), new("toelichting", ""), new("bewijs", "")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Een afgeronde actie vraagt om bewijs", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await UpdateCountAsync(3));

        var saved = await HtmlForms.PostFormAsync(coordinator, Page(G, 3), "voortgang",
            [new("datum", Iso(Today.AddDays(-1))), new("status", "afgerond"), new("toelichting", "Oefening gehouden"), new("bewijs", "Evaluatieverslag oefening")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var location = saved.Headers.Location!.IsAbsoluteUri ? saved.Headers.Location.PathAndQuery : saved.Headers.Location.OriginalString;
        Assert.StartsWith(Page(G, 3), location, StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync(location));
        Assert.Contains("De voortgang is vastgelegd", page, StringComparison.Ordinal);
        Assert.Contains("Evaluatieverslag oefening", page, StringComparison.Ordinal);
        var row = await ActionRowAsync(App, G, 3);
        Assert.Equal((ActionStatus.Done, Today.AddDays(-1)), (row.Status, row.CompletedOn));
    }

    [Fact]
    public async Task Another_gemeente_and_a_lezer_cannot_report_progress()
    {
        await SeedAsync();
        var before = await ActionRowAsync(App, G, 4);
        var stranger = await App.UserAsync(Roles.Coordinator, Other);
        foreach (var url in new[] { Api(G, 4), Page(G, 4) })
        {
            var response = await stranger.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsJsonAsync(Api(G, 4), new { date = Iso(Today), status = "gestopt", note = "Weg ermee" })).StatusCode);
        // Its own gemeente has no action 4: the row of the other gemeente is not reachable through its own code either.
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync(Api(Other, 4), new { date = Iso(Today), status = "loopt" })).StatusCode);

        var lezer = await App.UserAsync(Roles.Lezer, G);
        Assert.Equal(HttpStatusCode.OK, (await lezer.GetAsync(Api(G, 4))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lezer.PostAsJsonAsync(Api(G, 4), new { date = Iso(Today), status = "loopt" })).StatusCode);
        var page = await lezer.GetStringAsync(Page(G, 4));
        Assert.Equal(["/uitloggen"], HtmlForms.PostFormHandlers(page).Distinct());

        Assert.Equal(0, await UpdateCountAsync(4));
        var after = await ActionRowAsync(App, G, 4);
        Assert.Equal((before.Status, before.Version), (after.Status, after.Version));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteStatusUpdateTests(SqliteAppFixture fixture) : StatusUpdateTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresStatusUpdateTests(PostgresAppFixture fixture) : StatusUpdateTests(fixture);
