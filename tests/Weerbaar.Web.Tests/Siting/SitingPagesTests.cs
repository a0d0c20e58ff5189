using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Jobs;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Siting;

/// <summary>The siting pages as a coordinator uses them: candidates by form, a run started by form, its result, a scenario and its adoption.</summary>
public abstract class SitingPagesTests(AppFixture fixture)
{
    private const string G = "GM0736"; // De Ronde Venen
    private const string Page = "/gemeenten/" + G + "/noodsteunpunten/locatiekeuze";
    private WeerbaarFactory App => fixture.Factory;

    /// <summary>Runs queued jobs (of any test) until the given one has finished.</summary>
    private async Task<BackgroundJob> RunUntilDoneAsync(Guid id)
    {
        var worker = App.Services.GetRequiredService<JobWorker>();
        for (var i = 0; i < 50; i++)
        {
            var job = await App.WithDbAsync(db => db.BackgroundJobs.AsNoTracking().SingleAsync(j => j.Id == id));
            if (job.IsFinished)
            {
                return job;
            }
            await worker.RunNextAsync(CancellationToken.None);
        }
        throw new InvalidOperationException("De taak werd niet afgerond.");
    }

    private static string PathOf(HttpResponseMessage redirect)
        => redirect.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : redirect.Headers.Location!.OriginalString;

    [Fact]
    public async Task The_coordinator_runs_saves_and_adopts_a_siting_from_the_pages()
    {
        var coordinator = await App.UserAsync(Roles.Coordinator, G);
        var html = WebUtility.HtmlDecode(await coordinator.GetStringAsync(Page));
        Assert.Contains("Locatiekeuze noodsteunpunten De Ronde Venen", html, StringComparison.Ordinal);
        Assert.Equal(["berekenen", "kandidaat", "importeren"], HtmlForms.PostFormHandlers(html).Where(f => f != "/uitloggen"));
        Assert.Contains("id=\"plaats-kaart\"", html, StringComparison.Ordinal);

        // A candidate by form: refused without a place, stored with one.
        var refused = await HtmlForms.PostFormAsync(coordinator, Page, "kandidaat", [new("naam", "Sporthal De Boei")]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"href=\"{Page}#breedtegraad\"", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var added = await HtmlForms.PostFormAsync(coordinator, Page, "kandidaat",
            [new("naam", "Sporthal De Boei"), new("breedtegraad", "52,2045"), new("lengtegraad", "4.8612"), new("capaciteit", "5000")]);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var candidate = Assert.Single((await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/gemeenten/{G}/kandidaatlocaties")).EnumerateArray());
        Assert.Equal(52.2045, candidate.GetProperty("latitude").GetDouble());

        // A bad run request is refused with the field named; a good one redirects to the run.
        var bad = await HtmlForms.PostFormAsync(coordinator, Page, "berekenen",
            [new("model", "maximale-dekking"), new("aantal", "0"), new("kandidaten", "buurtpunten"), new("tijdslimiet", "30")]);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains($"href=\"{Page}#aantal\"", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var started = await HtmlForms.PostFormAsync(coordinator, Page, "berekenen",
            [new("model", "maximale-dekking"), new("aantal", "2"), new("kandidaten", "buurtpunten"), new("kwetsbaar", "ja"), new("tijdslimiet", "30")]);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var runUrl = PathOf(started);
        Assert.StartsWith(Page + "/", runUrl, StringComparison.Ordinal);
        var jobId = Guid.Parse(runUrl[(Page.Length + 1)..]);

        // Before the worker ran: the progress panel, with a cancel button for the coordinator.
        var waiting = WebUtility.HtmlDecode(await coordinator.GetStringAsync(runUrl));
        Assert.Contains("Voortgang van de berekening", waiting, StringComparison.Ordinal);
        Assert.Contains("Taak afbreken", waiting, StringComparison.Ordinal);

        Assert.Equal(JobStatus.Done, (await RunUntilDoneAsync(jobId)).Status);
        var result = WebUtility.HtmlDecode(await coordinator.GetStringAsync(runUrl));
        Assert.Contains("Optimaal (bewezen)", result, StringComparison.Ordinal);
        Assert.Contains("id=\"locatiekeuze-kaart\"", result, StringComparison.Ordinal);
        Assert.Contains("id=\"tabel-locaties\"", result, StringComparison.Ordinal);
        Assert.Contains("Bron: CBS", result, StringComparison.Ordinal);
        Assert.Contains("kwetsbare inwoners tellen dubbel", result, StringComparison.Ordinal);

        // Save as a scenario, then adopt it: the optimum's new sites join the register as gepland, once.
        var saved = await HtmlForms.PostFormAsync(coordinator, runUrl, "scenario", [new("naam", "Twee extra punten")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var scenarioUrl = PathOf(saved).Split('?')[0];
        var scenarioHtml = WebUtility.HtmlDecode(await coordinator.GetStringAsync(scenarioUrl));
        Assert.Contains("Scenario: Twee extra punten", scenarioHtml, StringComparison.Ordinal);
        var before = (await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/gemeenten/{G}/noodsteunpunten")).GetArrayLength();
        var adopted = await HtmlForms.PostFormAsync(coordinator, scenarioUrl, "overnemen", []);
        Assert.Equal(HttpStatusCode.Redirect, adopted.StatusCode);
        var points = (await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/gemeenten/{G}/noodsteunpunten")).EnumerateArray().ToList();
        Assert.InRange(points.Count - before, 1, 2);
        Assert.All(points.Skip(0).Where(p => p.GetProperty("notes").GetString()?.Contains("Twee extra punten", StringComparison.Ordinal) == true),
            p => Assert.Equal("gepland", p.GetProperty("status").GetString()));
        var after = WebUtility.HtmlDecode(await coordinator.GetStringAsync(scenarioUrl));
        Assert.Contains("Overgenomen door", after, StringComparison.Ordinal);
        Assert.DoesNotContain("overnemen als gepland", after, StringComparison.Ordinal);
        Assert.Contains("Twee extra punten", WebUtility.HtmlDecode(await coordinator.GetStringAsync(Page)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readers_see_the_page_without_forms_and_other_gemeenten_do_not_see_it()
    {
        var lezer = await App.UserAsync(Roles.Lezer, G);
        var html = WebUtility.HtmlDecode(await lezer.GetStringAsync(Page));
        Assert.Contains("Eerdere berekeningen", html, StringComparison.Ordinal);
        Assert.Equal(["/uitloggen"], HtmlForms.PostFormHandlers(html).Distinct());
        var other = await App.UserAsync(Roles.Coordinator, "GM0014");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(Page)).StatusCode);
        var start = await other.PostAsJsonAsync($"/api/v1/gemeenten/{G}/siting-runs", new { model = "maximale-dekking", newSites = 1, candidates = "buurtpunten" });
        Assert.Equal(HttpStatusCode.Forbidden, start.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lezer.GetAsync($"{Page}/{Guid.NewGuid()}")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteSitingPagesTests(SqliteAppFixture fixture) : SitingPagesTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresSitingPagesTests(PostgresAppFixture fixture) : SitingPagesTests(fixture);
