using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Programme;
using Weerbaar.Web.Features.Programme.Tracking;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.Responses;
using Weerbaar.Web.Shared;
using Weerbaar.Web.Tests.Infrastructure;
using static Weerbaar.Web.Tests.ProgrammeTracking.TrackingSeed;

namespace Weerbaar.Web.Tests.ProgrammeTracking;

/// <summary>Deadlines, progress per pillar, the scan trend and the weekly digest over HTTP and the database.</summary>
public abstract class OverviewTests(AppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;

    private const string Deadlines = "GM0088";  // Schiermonnikoog: deadlines and progress against today's date
    private const string Trend = "GM0090";      // Smallingerland: two scan rounds (no other test has scan answers for it)
    private const string Digest = "GM0093";     // Terschelling: the weekly digest at fixed moments in 2030
    private const string Stranger = "GM0085";
    private const string NoRounds = "GM0086";   // answered no scan round
    private static DateOnly Today => Format.Today(TimeProvider.System);
    private static readonly Instrument Scan = new InstrumentCatalog().Find("weerbaarheidsscan-2025")!;

    private Task SeedDeadlinesAsync() => EnsureAsync(App, ProgrammeRow(Deadlines),
    [
        Action(Deadlines, 1, "EC", Today.AddDays(-1), ActionStatus.Running),
        Action(Deadlines, 2, "EC", Today, ActionStatus.NotStarted),
        Action(Deadlines, 3, "EC", Today.AddDays(30), ActionStatus.Delayed),
        Action(Deadlines, 4, "CO", Today.AddDays(31), ActionStatus.Running, oneOff: 10_000, structural: 5_000),
        Action(Deadlines, 5, "CO", Today.AddDays(-10), ActionStatus.Done, Today.AddDays(-12), oneOff: 30_000),
        Action(Deadlines, 6, "VV", Today.AddDays(-5), ActionStatus.Stopped),
    ], [Agreement(Deadlines, "Waterschap", Today.AddDays(-2), 1), Agreement(Deadlines, "GGD", Today.AddDays(40), 4)]);

    [Fact]
    public async Task Deadlines_list_overdue_and_upcoming_with_today_and_today_plus_30_included()
    {
        await SeedDeadlinesAsync();
        var coordinator = await App.UserAsync(Roles.Coordinator, Deadlines);
        var o = await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/gemeenten/{Deadlines}/programme/deadlines");
        Assert.Equal([1], o.GetProperty("overdue").EnumerateArray().Select(d => d.GetProperty("number").GetInt32()));
        Assert.Equal([2, 3], o.GetProperty("upcoming").EnumerateArray().Select(d => d.GetProperty("number").GetInt32()));
        Assert.Equal(["Waterschap"], o.GetProperty("agreements").EnumerateArray().Select(a => a.GetProperty("partner").GetString()));
        Assert.Equal("Eigenaar 1 (Team OOV)", o.GetProperty("overdue")[0].GetProperty("owner").GetString());
        Assert.Equal((2, 2), (o.GetProperty("overdueCount").GetInt32(), o.GetProperty("upcomingCount").GetInt32()));

        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/gemeenten/{Deadlines}/programma/termijnen"));
        Assert.Contains($"href=\"/gemeenten/{Deadlines}/programma/acties/1\"", page, StringComparison.Ordinal);
        Assert.Contains("Actie 3 van GM0088", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Actie 4 van GM0088", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Actie 5 van GM0088", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Actie 6 van GM0088", page, StringComparison.Ordinal);
        Assert.Contains("vandaag", page, StringComparison.Ordinal);
        Assert.Contains("over 30 dagen", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_counts_actions_per_pillar_by_status()
    {
        await SeedDeadlinesAsync();
        var lezer = await App.UserAsync(Roles.Lezer, Deadlines);
        var p = await lezer.GetFromJsonAsync<JsonElement>($"/api/v1/gemeenten/{Deadlines}/programme/progress");
        JsonElement Row(string code) => p.GetProperty("pillars").EnumerateArray().Single(r => r.GetProperty("pillar").GetString() == code);
        var ec = Row("EC");
        Assert.Equal((3, 0, 1), (ec.GetProperty("total").GetInt32(), ec.GetProperty("done").GetInt32(), ec.GetProperty("overdue").GetInt32()));
        Assert.Equal((1, 1, 1), (ec.GetProperty("byStatus").GetProperty("loopt").GetInt32(), ec.GetProperty("byStatus").GetProperty("niet-gestart").GetInt32(), ec.GetProperty("byStatus").GetProperty("vertraagd").GetInt32()));
        var co = Row("CO");
        Assert.Equal(0.5, co.GetProperty("shareDone").GetDouble(), 12);
        Assert.Equal(30_000 / 45_000.0, co.GetProperty("budgetShareDone").GetDouble(), 12);
        Assert.Equal(JsonValueKind.Null, Row("VV").GetProperty("shareDone").ValueKind);
        var total = Row(PillarProgress.TotalCode);
        Assert.Equal((6, 1, 1), (total.GetProperty("total").GetInt32(), total.GetProperty("done").GetInt32(), total.GetProperty("overdue").GetInt32()));
        Assert.Equal(0.2, total.GetProperty("shareDone").GetDouble(), 12);

        var page = WebUtility.HtmlDecode(await lezer.GetStringAsync($"/gemeenten/{Deadlines}/programma/voortgang"));
        Assert.Contains("Acties per pijler naar status", page, StringComparison.Ordinal);
        Assert.Contains("<svg role=\"img\"", page, StringComparison.Ordinal);
        Assert.Contains("50%", page, StringComparison.Ordinal);
        Assert.Contains("bewijst niet", page, StringComparison.Ordinal);

        var none = await (await App.UserAsync(Roles.Coordinator, NoRounds)).GetStringAsync($"/gemeenten/{NoRounds}/programma/voortgang");
        Assert.Contains("geen enkele ronde ingevuld", WebUtility.HtmlDecode(none), StringComparison.Ordinal);
    }

    private static string Row(string respondent, string gemeente, params (string Column, string Value)[] answers)
        => string.Join(",", new[] { respondent, gemeente, "2025-12-15" }.Concat(Scan.ColumnOrder.Select(c => answers.FirstOrDefault(a => a.Column == c).Value ?? "")));

    private async Task<(string Old, string New)> SeedTrendAsync()
    {
        await EnsureAsync(App, ProgrammeRow(Trend, digestEmail: $"programma-{Trend}@test.weerbaar.nl"),
        [
            Action(Trend, 1, "EC", new DateOnly(2026, 6, 30), ActionStatus.Done, new DateOnly(2025, 1, 31)),
            Action(Trend, 2, "EC", new DateOnly(2026, 6, 30), ActionStatus.Done, new DateOnly(2025, 2, 1)),
            Action(Trend, 3, "EC", new DateOnly(2026, 6, 30), ActionStatus.Done, new DateOnly(2026, 1, 31)),
            Action(Trend, 4, "EC", new DateOnly(2026, 6, 30), ActionStatus.Done, new DateOnly(2026, 2, 1)),
            Action(Trend, 5, "EC", new DateOnly(2099, 12, 31), ActionStatus.Running),
            Action(Trend, 6, "CO", new DateOnly(2026, 6, 30), ActionStatus.Done, new DateOnly(2025, 5, 1)),
        ]);
        var existing = await App.WithDbAsync(db => (from r in db.ScanResponses.IgnoreQueryFilters()
                                                    join round in db.ScanRounds on r.RoundId equals round.Id
                                                    where r.GemeenteCode == Trend
                                                    orderby round.OpensOn
                                                    select round.Name).ToListAsync());
        if (existing.Count == 2)
        {
            return (existing[0], existing[1]);
        }
        var onderzoeker = await App.UserAsync(Roles.Onderzoeker);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var names = (Old: $"Toets 2024 {suffix}", New: $"Toets 2025 {suffix}");
        foreach (var (name, opens, closes, ec, co) in new[] { (names.Old, "2024-12-15", new DateOnly(2025, 1, 31), "4", ""), (names.New, "2025-12-15", new DateOnly(2026, 1, 31), "7", "8") })
        {
            var created = await onderzoeker.PostAsJsonAsync("/api/v1/rounds", new { instrument = "weerbaarheidsscan-2025", name, opensOn = opens, closesOn = "2099-01-15" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            var csv = string.Join("\r\n", new[] { string.Join(",", ResponseCsv.Header(Scan)), Row($"t-{suffix}", Trend, ("EC_score", ec), ("CO_score", co)) }) + "\r\n";
            Assert.Equal(HttpStatusCode.OK, (await onderzoeker.PostAsync($"/api/v1/rounds/{id}/responses/import", new StringContent(csv, Encoding.UTF8, "text/csv"))).StatusCode);
            await App.WithDbAsync(async db =>
            {
                var round = await db.ScanRounds.SingleAsync(r => r.Id == id);
                round.ClosesOn = closes;
                return await db.SaveChangesAsync();
            });
        }
        return names;
    }

    [Fact]
    public async Task The_scan_trend_puts_each_rounds_score_beside_the_actions_done_before_it_closed()
    {
        var (old, @new) = await SeedTrendAsync();
        var coordinator = await App.UserAsync(Roles.Coordinator, Trend);
        var p = await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/gemeenten/{Trend}/programme/progress");
        var trend = p.GetProperty("scanTrend");
        Assert.Equal([old, @new], trend.GetProperty("rounds").EnumerateArray().Select(r => r.GetString()));
        var ec = trend.GetProperty("pillars").EnumerateArray().Single(x => x.GetProperty("pillar").GetString() == "EC");
        Assert.Equal([(4.0, 1), (7.0, 3)], ec.GetProperty("points").EnumerateArray().Select(x => (x.GetProperty("score").GetDouble(), x.GetProperty("completedBefore").GetInt32())));
        var sentence = $"Eigen continuïteit: score van 4,0 naar 7,0 na 2 afgeronde acties (tussen {old} en {@new}).";
        Assert.Equal(sentence, ec.GetProperty("sentence").GetString());
        var co = trend.GetProperty("pillars").EnumerateArray().Single(x => x.GetProperty("pillar").GetString() == "CO");
        Assert.Equal([0, 1], co.GetProperty("points").EnumerateArray().Select(x => x.GetProperty("completedBefore").GetInt32()));

        // The same scores as the foto's scan position.
        var position = await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/gemeenten/{Trend}/scan-position");
        Assert.Equal([4.0, 7.0], position.GetProperty("trend").EnumerateArray().Select(t => t.GetProperty("pillars").EnumerateArray().Single(x => x.GetProperty("pillar").GetString() == "EC").GetProperty("own").GetDouble()));

        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/gemeenten/{Trend}/programma/voortgang"));
        Assert.Contains(sentence, page, StringComparison.Ordinal);
        Assert.Contains("Scanscore per pijler per ronde", page, StringComparison.Ordinal);
    }

    private Task<int> MailCountAsync(string to) => App.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == to));

    private async Task<IReadOnlyList<DigestMail>> RunDigestAsync(DateTimeOffset now)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProgrammeDigest>().RunAsync(now, CancellationToken.None);
    }

    [Fact]
    public async Task The_digest_goes_once_a_week_with_the_right_counts_and_not_when_nothing_is_due()
    {
        await SeedTrendAsync(); // a programme with a digest address and nothing due in 2030
        var d = new DateOnly(2030, 3, 4);
        Assert.Equal(DayOfWeek.Monday, d.DayOfWeek);
        await EnsureAsync(App, ProgrammeRow(Digest, digestEmail: $"programma-{Digest}@test.weerbaar.nl"),
        [
            Action(Digest, 1, "EC", d.AddDays(-3), ActionStatus.Running),
            Action(Digest, 2, "EC", d.AddDays(-31), ActionStatus.Done, d.AddDays(-33)),
            Action(Digest, 3, "CO", d, ActionStatus.NotStarted),
            Action(Digest, 4, "CO", d.AddDays(30), ActionStatus.Running),
            Action(Digest, 5, "VV", d.AddDays(31), ActionStatus.Running, null, 0, 0, new ActionMilestone("Plan klaar", d.AddDays(-2))),
        ], [Agreement(Digest, "Waterschap", d.AddDays(16), 4)]);
        var to = $"programma-{Digest}@test.weerbaar.nl";
        var name = App.Services.GetRequiredService<Weerbaar.Web.Features.Gemeenten.ReferenceData>().Gemeente(Digest)!.Name;

        // Monday 4 March 2030, 07:30 in Amsterdam (CET): A-1 and the milestone overdue; A-3 (today), A-4 (today + 30) and the agreement upcoming.
        var first = await RunDigestAsync(new DateTimeOffset(2030, 3, 4, 6, 30, 0, TimeSpan.Zero));
        var mail = Assert.Single(first, m => m.GemeenteCode == Digest);
        Assert.Equal($"Weerbaarheidsprogramma {name}: 2 termijnen verlopen, 3 komende", mail.Subject);
        Assert.Equal(to, mail.To);
        Assert.Contains($"/gemeenten/{Digest}/programma/acties/1", mail.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Actie 2 van", mail.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Actie 5 van", mail.Body.Replace("Mijlpaal ‘Plan klaar’ van A-5 Actie 5 van", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("Geheime Contactpersoon", mail.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(first, m => m.GemeenteCode == Trend);
        Assert.NotNull((await App.WithDbAsync(db => db.Programmes.IgnoreQueryFilters().SingleAsync(p => p.GemeenteCode == Trend))).LastDigestAt);
        Assert.Equal(1, await MailCountAsync(to));

        // The same week again (later that Monday, and on Sunday): nothing more.
        Assert.DoesNotContain(await RunDigestAsync(new DateTimeOffset(2030, 3, 4, 8, 0, 0, TimeSpan.Zero)), m => m.GemeenteCode == Digest);
        Assert.DoesNotContain(await RunDigestAsync(new DateTimeOffset(2030, 3, 10, 22, 0, 0, TimeSpan.Zero)), m => m.GemeenteCode == Digest);
        Assert.Equal(1, await MailCountAsync(to));

        // Monday 11 March, 07:05: A-3 has become overdue, A-5 comes within 30 days.
        var second = Assert.Single(await RunDigestAsync(new DateTimeOffset(2030, 3, 11, 6, 5, 0, TimeSpan.Zero)), m => m.GemeenteCode == Digest);
        Assert.Equal($"Weerbaarheidsprogramma {name}: 3 termijnen verlopen, 3 komende", second.Subject);

        // Two nodes at the same moment: one of them sends.
        var at = new DateTimeOffset(2030, 3, 18, 6, 10, 0, TimeSpan.Zero);
        var both = await Task.WhenAll(RunDigestAsync(at), RunDigestAsync(at));
        Assert.Single(both.SelectMany(x => x), m => m.GemeenteCode == Digest);
        Assert.Equal(3, await MailCountAsync(to));
        Assert.Equal(0, await MailCountAsync($"programma-{Trend}@test.weerbaar.nl"));
        var stored = await App.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == to).Select(m => m.Subject).ToListAsync());
        Assert.Contains($"Weerbaarheidsprogramma {name}: 2 termijnen verlopen, 3 komende", stored);
    }

    [Fact]
    public async Task Another_gemeente_sees_neither_deadlines_nor_progress()
    {
        await SeedDeadlinesAsync();
        var stranger = await App.UserAsync(Roles.Coordinator, Stranger);
        foreach (var url in new[] { $"/api/v1/gemeenten/{Deadlines}/programme/deadlines", $"/api/v1/gemeenten/{Deadlines}/programme/progress",
                     $"/gemeenten/{Deadlines}/programma/termijnen", $"/gemeenten/{Deadlines}/programma/voortgang" })
        {
            var response = await stranger.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
        }
        // Its own deadlines hold nothing of the other gemeente.
        var own = await stranger.GetStringAsync($"/api/v1/gemeenten/{Stranger}/programme/deadlines");
        Assert.DoesNotContain(Deadlines, own, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteOverviewTests(SqliteAppFixture fixture) : OverviewTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresOverviewTests(PostgresAppFixture fixture) : OverviewTests(fixture);
