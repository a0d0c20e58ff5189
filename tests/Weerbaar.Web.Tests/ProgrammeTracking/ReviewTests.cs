using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Programme;
using Weerbaar.Web.Features.Programme.Tracking;
using Weerbaar.Web.Shared;
using Weerbaar.Web.Tests.Infrastructure;
using static Weerbaar.Web.Tests.ProgrammeTracking.TrackingSeed;

namespace Weerbaar.Web.Tests.ProgrammeTracking;

/// <summary>Reviews: the snapshot stays as it was, numbering under concurrency, validation, the form, tenancy and roles.</summary>
public abstract class ReviewTests(AppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;

    private const string G = "GM0086";          // Opsterland
    private const string Stranger = "GM0085";
    private static DateOnly Today => Format.Today(TimeProvider.System);
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    private const string Api = $"/api/v1/gemeenten/{G}/programme/reviews";
    private const string Pages = $"/gemeenten/{G}/programma/reviews";

    private Task SeedAsync() => EnsureAsync(App, ProgrammeRow(G, start: new DateOnly(2026, 1, 15)),
    [
        Action(G, 1, "EC", Today.AddDays(-3), ActionStatus.Running, oneOff: 10_000),
        Action(G, 2, "CO", Today.AddDays(-20), ActionStatus.Done, Today.AddDays(-10), oneOff: 5_000),
        Action(G, 3, "EC", Today.AddDays(100), ActionStatus.NotStarted, structural: 2_000),
    ]);

    private static object Valid(string summary = "Goed: oefening gehouden. Minder: noodstroom loopt achter.") => new { period = "2026 K4", heldOn = Iso(Today), summary };

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<int> CountAsync() => App.WithDbAsync(db => db.ProgrammeReviews.IgnoreQueryFilters().CountAsync(r => r.GemeenteCode == G));

    [Fact]
    public async Task A_review_keeps_its_snapshot_when_actions_change_later()
    {
        await SeedAsync();
        var coordinator = await App.UserAsync(Roles.Coordinator, G);
        var created = await CreatedAsync(await coordinator.PostAsJsonAsync(Api, Valid()));
        var number = created.GetProperty("number").GetInt32();
        var snapshot = created.GetProperty("snapshot");
        Assert.Equal(ReviewSnapshot.CurrentSchemaVersion, snapshot.GetProperty("schemaVersion").GetInt32());
        var actions = snapshot.GetProperty("actions").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], actions.Select(a => a.GetProperty("number").GetInt32()));
        Assert.Equal(["loopt", "afgerond", "niet-gestart"], actions.Select(a => a.GetProperty("status").GetString()));
        Assert.Equal(Iso(Today.AddDays(-10)), actions[1].GetProperty("completedOn").GetString());
        Assert.Equal([1], snapshot.GetProperty("overdue").EnumerateArray().Select(d => d.GetProperty("number").GetInt32()));
        var total = snapshot.GetProperty("progress").EnumerateArray().Single(p => p.GetProperty("pillar").GetString() == PillarProgress.TotalCode);
        Assert.Equal((3, 1), (total.GetProperty("total").GetInt32(), total.GetProperty("done").GetInt32()));
        var planning = snapshot.GetProperty("planning");
        Assert.Equal(JsonValueKind.Null, planning.GetProperty("problem").ValueKind);
        Assert.Equal(2.0, planning.GetProperty("availableFte").GetDouble());
        Assert.NotEmpty(planning.GetProperty("budgetPerYear").EnumerateArray());
        var stored = await App.WithDbAsync(db => db.ProgrammeReviews.IgnoreQueryFilters().AsNoTracking().SingleAsync(r => r.GemeenteCode == G && r.Number == number));

        // Later: A-1 is done, A-3 moves. The review shows the programme as it was.
        var update = await coordinator.PostAsJsonAsync($"/api/v1/gemeenten/{G}/programme/actions/1/status-updates", new { date = Iso(Today), status = "afgerond", evidence = "Verslag" });
        Assert.Equal(HttpStatusCode.Created, update.StatusCode);
        await App.WithDbAsync(async db =>
        {
            var a3 = await db.ProgrammeActions.IgnoreQueryFilters().SingleAsync(a => a.GemeenteCode == G && a.Number == 3);
            (a3.Title, a3.Version) = ("Nieuwe titel van actie 3", a3.Version + 1);
            return await db.SaveChangesAsync();
        });
        var again = await coordinator.GetFromJsonAsync<JsonElement>($"{Api}/{number}");
        Assert.Equal(JsonSerializer.Serialize(snapshot), JsonSerializer.Serialize(again.GetProperty("snapshot")));
        Assert.Equal(stored.SnapshotJson, (await App.WithDbAsync(db => db.ProgrammeReviews.IgnoreQueryFilters().AsNoTracking().SingleAsync(r => r.Id == stored.Id))).SnapshotJson);
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"{Pages}/{number}"));
        Assert.Contains("Actie 3 van GM0086", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Nieuwe titel van actie 3", page, StringComparison.Ordinal);
        Assert.Matches("Actie 1 van GM0086</th>\\s*<td[^>]*>[^<]*</td>\\s*<td[^>]*>Loopt</td>", page);

        // A new review takes the new state.
        var later = await CreatedAsync(await coordinator.PostAsJsonAsync(Api, Valid("Tweede review.")));
        Assert.Equal("afgerond", later.GetProperty("snapshot").GetProperty("actions")[0].GetProperty("status").GetString());
        Assert.Equal("Nieuwe titel van actie 3", later.GetProperty("snapshot").GetProperty("actions")[2].GetProperty("title").GetString());
    }

    [Fact]
    public async Task Reviews_recorded_at_the_same_time_get_consecutive_numbers_and_the_next_one_is_due_a_cycle_later()
    {
        await SeedAsync();
        var coordinator = await App.UserAsync(Roles.Coordinator, G);
        var start = await CountAsync();
        var responses = await Task.WhenAll(Enumerable.Range(1, 4).Select(i => coordinator.PostAsJsonAsync(Api, Valid($"Gelijktijdig {i}"))));
        var numbers = new List<int>();
        foreach (var r in responses)
        {
            numbers.Add((await CreatedAsync(r)).GetProperty("number").GetInt32());
        }
        Assert.Equal(Enumerable.Range(start + 1, 4), numbers.Order());
        var list = await coordinator.GetFromJsonAsync<JsonElement>(Api);
        Assert.Equal(Iso(Today.AddMonths(3)), list.GetProperty("nextReviewDue").GetString());
        Assert.Equal(numbers.OrderDescending(), list.GetProperty("reviews").EnumerateArray().Select(e => e.GetProperty("number").GetInt32()).Take(4));
        Assert.Equal(JsonValueKind.Null, list.GetProperty("reviews")[0].GetProperty("snapshot").ValueKind);
        Assert.Contains(TrackingText.Date(Today.AddMonths(3)), WebUtility.HtmlDecode(await coordinator.GetStringAsync(Pages)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_review_names_every_field_and_stores_nothing()
    {
        await SeedAsync();
        var coordinator = await App.UserAsync(Roles.Coordinator, G);
        var before = await CountAsync();
        var response = await coordinator.PostAsJsonAsync(Api, new { period = " ", heldOn = Iso(Today.AddDays(2)), summary = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["period", "heldOn", "summary"], body.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"{Api}/9999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"{Pages}/9999")).StatusCode);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task The_coordinator_records_a_review_with_the_form()
    {
        await SeedAsync();
        var coordinator = await App.UserAsync(Roles.Coordinator, G);
        var form = await coordinator.GetStringAsync($"{Pages}/nieuw");
        Assert.Contains($"value=\"{TrackingText.Quarter(Today)}\"", form, StringComparison.Ordinal);
        var saved = await HtmlForms.PostFormAsync(coordinator, $"{Pages}/nieuw", "review",
            [new("periode", TrackingText.Quarter(Today)), new("datum", Iso(Today)), new("samenvatting", "Review met het formulier.")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var location = saved.Headers.Location!.IsAbsoluteUri ? saved.Headers.Location.PathAndQuery : saved.Headers.Location.OriginalString;
        Assert.StartsWith($"{Pages}/", location, StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync(location));
        Assert.Contains("De review is vastgelegd", page, StringComparison.Ordinal);
        Assert.Contains("Review met het formulier.", page, StringComparison.Ordinal);
        Assert.Contains("Voortgang per pijler", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_gemeente_and_a_lezer_record_no_review()
    {
        await SeedAsync();
        var coordinator = await App.UserAsync(Roles.Coordinator, G);
        var number = (await CreatedAsync(await coordinator.PostAsJsonAsync(Api, Valid("Alleen voor Opsterland")))).GetProperty("number").GetInt32();
        var before = await CountAsync();
        var stranger = await App.UserAsync(Roles.Coordinator, Stranger);
        foreach (var url in new[] { Api, $"{Api}/{number}", Pages, $"{Pages}/nieuw", $"{Pages}/{number}" })
        {
            var response = await stranger.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsJsonAsync(Api, Valid())).StatusCode);
        var own = await stranger.GetStringAsync($"/api/v1/gemeenten/{Stranger}/programme/reviews");
        Assert.DoesNotContain("Alleen voor Opsterland", own, StringComparison.Ordinal);

        var lezer = await App.UserAsync(Roles.Lezer, G);
        Assert.Equal(HttpStatusCode.OK, (await lezer.GetAsync($"{Api}/{number}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lezer.PostAsJsonAsync(Api, Valid())).StatusCode);
        Assert.Equal(["/uitloggen"], HtmlForms.PostFormHandlers(await lezer.GetStringAsync($"{Pages}/nieuw")).Distinct());
        Assert.Equal(before, await CountAsync());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteReviewTests(SqliteAppFixture fixture) : ReviewTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresReviewTests(PostgresAppFixture fixture) : ReviewTests(fixture);
