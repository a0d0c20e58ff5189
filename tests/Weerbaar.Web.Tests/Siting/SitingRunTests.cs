using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Jobs;
using Weerbaar.Web.Tests.Accounts;
using Weerbaar.Web.Tests.Infrastructure;
using static Weerbaar.Web.Tests.Locations.RegisterFiles;
using static Weerbaar.Web.Tests.Siting.SitingTestSupport;

namespace Weerbaar.Web.Tests.Siting;

/// <summary>
/// Siting runs over HTTP with the real job handler: the three models on shipped buurt points, checked against an
/// independent haversine and brute force; capacity; bad requests; who may start a run; cancelling. The worker loop is
/// off in tests, so each test runs the worker itself. Each test owns its gemeente.
/// </summary>
public abstract class SitingRunTests(AppFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    private WeerbaarFactory App => fixture.Factory;

    private static double Objective(JsonElement result) => result.GetProperty("optimal").GetProperty("objective").GetDouble();

    private static int ResidentsCovered(JsonElement result, string answer) => Figures(result, answer).GetProperty("residentsCovered").GetInt32();

    /// <summary>Σ residents × road distance to the nearest open site, over located buurten with residents (the p-median objective).</summary>
    private static double ResidentMeters(IEnumerable<TestBuurt> demand, IReadOnlyList<(double Lat, double Lon)> open)
        => demand.Sum(b => b.Residents * open.Min(o => Road(b.Latitude!.Value, b.Longitude!.Value, o.Lat, o.Lon)));

    [Fact]
    public async Task Maximal_covering_on_buurt_points_finds_the_best_pair_by_brute_force_and_beats_greedy_and_now()
    {
        const string g = "GM0589"; // Oudewater: 17 buurten, 12 with a point: 66 pairs to try
        var buurten = await BuurtenAsync(App, g);
        var located = buurten.Where(b => b.Located).ToList();
        // An existing noodsteunpunt near the largest buurt (kept open, not counted in k), and one without a place.
        var largest = located.MaxBy(b => b.Residents)!;
        var fixedAt = (Lat: largest.Latitude!.Value + 0.002, Lon: largest.Longitude!.Value);
        await AddPointAsync(App, g, "Stadhuis Oudewater (test)", fixedAt.Lat, fixedAt.Lon);
        await AddPointAsync(App, g, "Noodsteunpunt zonder plek (test)", null, null);
        var coordinator = await App.UserAsync(Roles.Coordinator, g);

        var (_, _, result) = await RunAsync(App, coordinator, g, new { model = "maximale-dekking", newSites = 2, candidates = "buurtpunten", timeLimitSeconds = 30 });

        var optimal = result.GetProperty("optimal");
        Assert.Equal("Optimal", optimal.GetProperty("status").GetString());
        Assert.Equal("Optimaal (bewezen)", optimal.GetProperty("statusLabel").GetString());
        Assert.StartsWith("Bewezen optimaal.", optimal.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, optimal.GetProperty("gap").GetDouble(), 9);
        Assert.True(optimal.GetProperty("bestBound").GetDouble() >= Objective(result) - 1e-6);
        Assert.Equal(located.Count, result.GetProperty("candidates").GetInt32());
        Assert.Equal((1, buurten.Count(b => !b.Located), buurten.Where(b => !b.Located).Sum(b => b.Residents)),
            (result.GetProperty("existingWithoutLocation").GetInt32(), result.GetProperty("buurtenWithoutLocation").GetInt32(), result.GetProperty("residentsWithoutLocation").GetInt32()));

        // The existing point is in the result as existing; at most k = 2 new sites, each at a buurt point of the gemeente.
        var existing = Assert.Single(Sites(result), s => s.GetProperty("existing").GetBoolean());
        Assert.Equal("Stadhuis Oudewater (test)", existing.GetProperty("name").GetString());
        Assert.Equal(fixedAt, At(existing));
        var chosen = NewOptimal(result);
        Assert.InRange(chosen.Count, 1, 2);
        Assert.Equal(chosen.Count, Figures(result, "optimal").GetProperty("newSites").GetInt32());
        Assert.All(chosen, s =>
        {
            var buurt = located.Single(b => b.Code == s.GetProperty("buurtCode").GetString());
            Assert.Equal((buurt.Latitude!.Value, buurt.Longitude!.Value), At(s));
            Assert.Equal(JsonValueKind.Null, s.GetProperty("candidateId").ValueKind);
        });

        // Optimum ≥ greedy ≥ … and ≥ the current plan (the existing point alone).
        var covered = ResidentsCovered(result, "optimal");
        Assert.True(covered >= ResidentsCovered(result, "greedy"), $"optimum {covered} < greedy {ResidentsCovered(result, "greedy")}");
        Assert.True(covered >= ResidentsCovered(result, "current"));
        Assert.Equal(Covered(buurten, [fixedAt]), ResidentsCovered(result, "current"));

        // Independent recount of the chosen plan, and the objective (unweighted: residents) agrees with it.
        var open = chosen.Select(At).Prepend(fixedAt).ToList();
        Assert.Equal(Covered(buurten, open), covered);
        Assert.Equal(covered, Objective(result), 6);
        Assert.Equal(located.Sum(b => b.Residents), Figures(result, "optimal").GetProperty("residentsLocated").GetInt32());

        // Brute force over every pair (and single) of candidate points: the optimum covers as many as the best one.
        var best = 0;
        for (var i = 0; i < located.Count; i++)
        {
            for (var j = i; j < located.Count; j++)
            {
                best = Math.Max(best, Covered(buurten, [fixedAt, (located[i].Latitude!.Value, located[i].Longitude!.Value), (located[j].Latitude!.Value, located[j].Longitude!.Value)]));
            }
        }
        Assert.Equal(best, covered);

        // Per buurt: the distance in the optimum is the road distance to the nearest open site; none for buurten without a place.
        var rows = result.GetProperty("buurten").EnumerateArray().ToDictionary(b => b.GetProperty("code").GetString()!);
        Assert.Equal(buurten.Select(b => b.Code).Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        foreach (var b in buurten)
        {
            var row = rows[b.Code];
            Assert.Equal(b.Residents, row.GetProperty("residents").GetInt32());
            if (b.Located && b.Residents > 0)
            {
                Assert.Equal(open.Min(o => Road(b.Latitude!.Value, b.Longitude!.Value, o.Lat, o.Lon)), row.GetProperty("optimal").GetDouble(), 3);
            }
            else
            {
                Assert.Equal(JsonValueKind.Null, row.GetProperty("optimal").ValueKind);
            }
        }
    }

    [Fact]
    public async Task P_median_and_set_covering_on_buurt_points_are_proven_optimal_and_match_brute_force()
    {
        const string g = "GM0356"; // Nieuwegein: 39 buurten, 12 with a point, no noodsteunpunten
        var buurten = await BuurtenAsync(App, g);
        var located = buurten.Where(b => b.Located).ToList();
        var demand = located.Where(b => b.Residents > 0).ToList();
        var points = located.Select(b => (Lat: b.Latitude!.Value, Lon: b.Longitude!.Value)).ToList();
        var coordinator = await App.UserAsync(Roles.Coordinator, g);

        // P-median, k = 3: the objective is Σ residents × distance to the nearest chosen site, the least over all 220 triples.
        var (_, _, median) = await RunAsync(App, coordinator, g, new { model = "p-mediaan", newSites = 3, candidates = "buurtpunten", timeLimitSeconds = 60 });
        Assert.Equal("Optimal", median.GetProperty("optimal").GetProperty("status").GetString());
        var chosen = NewOptimal(median);
        Assert.InRange(chosen.Count, 1, 3);
        var objective = Objective(median);
        Assert.Equal(ResidentMeters(demand, chosen.Select(At).ToList()), objective, 6);
        Assert.True(objective <= median.GetProperty("greedy").GetProperty("objective").GetDouble() + 1e-6);
        var best = double.PositiveInfinity;
        for (var i = 0; i < points.Count; i++)
        {
            for (var j = i + 1; j < points.Count; j++)
            {
                for (var k = j + 1; k < points.Count; k++)
                {
                    best = Math.Min(best, ResidentMeters(demand, [points[i], points[j], points[k]]));
                }
            }
        }
        Assert.Equal(best, objective, 1e-6 * best);
        // The mean distance of the plan is that objective over the located residents, and no worse than greedy's.
        var mean = Figures(median, "optimal").GetProperty("meanDistanceMeters").GetDouble();
        Assert.Equal(objective / located.Sum(b => b.Residents), mean, 6);
        Assert.True(mean <= Figures(median, "greedy").GetProperty("meanDistanceMeters").GetDouble() + 1e-6);
        Assert.Equal(JsonValueKind.Null, Figures(median, "current").GetProperty("meanDistanceMeters").ValueKind); // no point yet: no distance

        // Set covering, 100 %: every buurt is its own candidate, so everyone can be reached; the fewest sites that do so.
        var (_, _, cover) = await RunAsync(App, coordinator, g, new { model = "minimale-set", targetPercent = 100, candidates = "buurtpunten", timeLimitSeconds = 60 });
        var optimal = cover.GetProperty("optimal");
        Assert.Equal("Optimal", optimal.GetProperty("status").GetString());
        Assert.Equal(1.0, Figures(cover, "optimal").GetProperty("shareCovered").GetDouble());
        var sites = NewOptimal(cover);
        Assert.Equal(sites.Count, Objective(cover), 6);
        Assert.Equal(sites.Count, Figures(cover, "optimal").GetProperty("newSites").GetInt32());
        Assert.Equal(located.Sum(b => b.Residents), Covered(buurten, sites.Select(At).ToList()));
        Assert.True(NewGreedy(cover).Count >= sites.Count);
        // Brute force over all 2^12 subsets: no smaller set reaches everyone.
        var fewest = int.MaxValue;
        for (var mask = 1; mask < 1 << points.Count; mask++)
        {
            var size = int.PopCount(mask);
            if (size < fewest && Covered(demand, points.Where((_, i) => (mask & (1 << i)) != 0).ToList()) == demand.Sum(b => b.Residents))
            {
                fewest = size;
            }
        }
        Assert.Equal(fewest, sites.Count);
    }

    [Fact]
    public async Task With_capacity_the_p_median_is_infeasible_in_dutch_and_covering_never_exceeds_a_capacity()
    {
        const string g = "GM1581"; // Utrechtse Heuvelrug: 33 buurten, 32 with a point, no noodsteunpunten
        var buurten = await BuurtenAsync(App, g);
        var demand = buurten.Where(b => b.Located && b.Residents > 0).ToList();
        var coordinator = await App.UserAsync(Roles.Coordinator, g);
        // Three own candidates of 100 places each, at the points of three buurten with well over 100 residents.
        var big = demand.Where(b => b.Residents >= 1000).Take(3).ToList();
        Assert.Equal(3, big.Count);
        var file = "naam,breedtegraad,lengtegraad,capaciteit,opmerkingen\r\n" + string.Join("\r\n", big.Select((b, i) =>
            string.Create(CultureInfo.InvariantCulture, $"Kandidaat {i + 1},{b.Latitude},{b.Longitude},100,"))) + "\r\n";
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync(Candidates(g) + "/import", Csv(file))).StatusCode);

        // P-median: 2 × 100 places for every resident cannot work; the run ends (done) with an Infeasible answer that says why.
        var (id, _, median) = await RunAsync(App, coordinator, g, new { model = "p-mediaan", newSites = 2, useCapacity = true, candidates = "eigen" });
        var optimal = median.GetProperty("optimal");
        Assert.Equal(("Infeasible", "Onmogelijk"), (optimal.GetProperty("status").GetString(), optimal.GetProperty("statusLabel").GetString()));
        var residents = demand.Sum(b => b.Residents).ToString("N0", CultureInfo.GetCultureInfo("nl-NL"));
        Assert.Equal($"Niet haalbaar: de punten kunnen samen hoogstens 200 inwoners opvangen, minder dan de {residents} inwoners die een punt nodig hebben.",
            optimal.GetProperty("message").GetString());
        Assert.Empty(NewOptimal(median));
        // Such a run has nothing to save as a scenario.
        var unsaved = await LoginTests.AssertProblem(await coordinator.PostAsJsonAsync(Scenarios(g), new { jobId = id, name = "Onhaalbaar" }), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("geen oplossing", ErrorMessage(unsaved, ""), StringComparison.Ordinal);

        // Maximal covering may serve part of the demand: the two sites serve at most their 2 × 100 places, and fill them
        // (each has more than 100 residents in its own buurt), though far more live within the norm.
        var (_, _, covering) = await RunAsync(App, coordinator, g, new { model = "maximale-dekking", newSites = 2, useCapacity = true, candidates = "eigen" });
        Assert.Equal("Optimal", covering.GetProperty("optimal").GetProperty("status").GetString());
        var sites = NewOptimal(covering);
        Assert.Equal(2, sites.Count);
        Assert.All(sites, s => Assert.Equal(100, s.GetProperty("capacity").GetInt32()));
        Assert.All(sites, s => Assert.NotEqual(JsonValueKind.Null, s.GetProperty("candidateId").ValueKind));
        Assert.InRange(Objective(covering), 200 - 1e-3, 200 + 1e-9);
        Assert.True(covering.GetProperty("greedy").GetProperty("objective").GetDouble() <= 200 + 1e-9);
        // The plan's coverage figures are the coverage page's (distance only, no capacity).
        Assert.Equal(Covered(buurten, sites.Select(At).ToList()), ResidentsCovered(covering, "optimal"));
    }

    [Fact]
    public async Task An_infeasible_capacitated_p_median_has_no_objective()
    {
        const string g = "GM1581"; // Utrechtse Heuvelrug, the same candidates as the capacity test
        var coordinator = await App.UserAsync(Roles.Coordinator, g);
        var file = "naam,breedtegraad,lengtegraad,capaciteit,opmerkingen\r\n" + string.Join("\r\n", (await BuurtenAsync(App, g))
            .Where(b => b.Located && b.Residents >= 1000).Take(3)
            .Select((b, i) => string.Create(CultureInfo.InvariantCulture, $"Kandidaat {i + 1},{b.Latitude},{b.Longitude},100,"))) + "\r\n";
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync(Candidates(g) + "/import", Csv(file))).StatusCode);

        var (_, _, median) = await RunAsync(App, coordinator, g, new { model = "p-mediaan", newSites = 2, useCapacity = true, candidates = "eigen" });
        Assert.Equal("Infeasible", median.GetProperty("optimal").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, median.GetProperty("optimal").GetProperty("objective").ValueKind);
    }

    [Fact]
    public async Task Bad_requests_are_refused_with_422_by_field_in_dutch_and_queue_nothing()
    {
        const string g = "GM0736"; // De Ronde Venen: 24 buurten, 5 with a point, no candidates
        var coordinator = await App.UserAsync(Roles.Coordinator, g);

        async Task<JsonElement> Refused(object request)
        {
            var problem = await LoginTests.AssertProblem(await coordinator.PostAsJsonAsync(Runs(g), request), HttpStatusCode.UnprocessableEntity);
            Assert.Equal("De berekening is niet gestart.", problem.GetProperty("detail").GetString());
            return problem;
        }

        var model = await Refused(new { model = "willekeurig", newSites = 2, candidates = "buurtpunten" });
        Assert.Equal(["model"], ErrorFields(model));
        Assert.Equal("Kies een model: maximale-dekking, p-mediaan, minimale-set.", ErrorMessage(model, "model"));

        var zero = await Refused(new { model = "maximale-dekking", newSites = 0, candidates = "buurtpunten" });
        Assert.Equal(["newSites"], ErrorFields(zero));
        Assert.StartsWith("Vul het aantal nieuwe noodsteunpunten in", ErrorMessage(zero, "newSites"), StringComparison.Ordinal);

        var time = await Refused(new { model = "p-mediaan", newSites = 1, timeLimitSeconds = 0, candidates = "buurtpunten" });
        Assert.Equal(["timeLimitSeconds"], ErrorFields(time));
        Assert.Equal("De tijdslimiet is 1 tot en met 300 seconden.", ErrorMessage(time, "timeLimitSeconds"));

        // The candidates error comes first (the starter then also adds a redundant newSites error, "kies hoogstens 0").
        var none = await Refused(new { model = "maximale-dekking", newSites = 1, candidates = "eigen" });
        Assert.Equal("candidates", ErrorFields(none)[0]);
        Assert.StartsWith("Er zijn nog geen kandidaatlocaties.", ErrorMessage(none, "candidates"), StringComparison.Ordinal);

        // More new sites than the 5 buurt points; an unknown candidate source; a set covering target above 100 %.
        var tooMany = await Refused(new { model = "p-mediaan", newSites = 6, candidates = "buurtpunten" });
        Assert.Equal("Er zijn 5 kandidaatlocaties; kies hoogstens 5 nieuwe noodsteunpunten.", ErrorMessage(tooMany, "newSites"));
        Assert.Equal(["candidates"], ErrorFields(await Refused(new { model = "p-mediaan", newSites = 1, candidates = "overal" })));
        Assert.Equal(["targetPercent"], ErrorFields(await Refused(new { model = "minimale-set", targetPercent = 120, candidates = "buurtpunten" })));
        // Every problem at once, in form order.
        Assert.Equal(["newSites", "timeLimitSeconds", "candidates"],
            ErrorFields(await Refused(new { model = "maximale-dekking", newSites = 10_001, timeLimitSeconds = 301, candidates = "alles" })));

        // Nothing was queued.
        Assert.Equal(0, (await coordinator.GetFromJsonAsync<JsonElement>(Runs(g))).GetArrayLength());

        // A lezer and another gemeente's coordinator may not start a run (the policy refuses before any check).
        var ok = new { model = "maximale-dekking", newSites = 1, candidates = "buurtpunten" };
        await LoginTests.AssertProblem(await (await App.UserAsync(Roles.Lezer, g)).PostAsJsonAsync(Runs(g), ok), HttpStatusCode.Forbidden);
        var stranger = await App.UserAsync(Roles.Coordinator, "GM0014");
        await LoginTests.AssertProblem(await stranger.PostAsJsonAsync(Runs(g), ok), HttpStatusCode.Forbidden);
        await LoginTests.AssertProblem(await stranger.GetAsync(Runs(g)), HttpStatusCode.Forbidden);
        Assert.Equal(0, (await coordinator.GetFromJsonAsync<JsonElement>(Runs(g))).GetArrayLength());
    }

    [Fact]
    public async Task A_run_is_visible_to_its_gemeente_only()
    {
        const string g = "GM0342"; // Soest
        var coordinator = await App.UserAsync(Roles.Coordinator, g);
        await CloseOpenJobsAsync(App);
        var id = await StartAsync(coordinator, g, new { model = "maximale-dekking", newSites = 1, candidates = "buurtpunten" });

        // Queued: the run is listed, without a result yet; the lezer sees it too.
        var lezer = await App.UserAsync(Roles.Lezer, g);
        var queued = await lezer.GetFromJsonAsync<JsonElement>($"{Runs(g)}/{id}");
        Assert.Equal((JobStatus.Queued, JsonValueKind.Null), (queued.GetProperty("job").GetProperty("status").GetString(), queued.GetProperty("result").ValueKind));
        Assert.Contains(id, (await lezer.GetFromJsonAsync<JsonElement>(Runs(g))).EnumerateArray().Select(j => j.GetProperty("id").GetGuid()));

        // Another gemeente: 403 on this gemeente's path, 404 through its own, and not in its list.
        const string other = "GM0014";
        var stranger = await App.UserAsync(Roles.Coordinator, other);
        await LoginTests.AssertProblem(await stranger.GetAsync($"{Runs(g)}/{id}"), HttpStatusCode.Forbidden);
        await LoginTests.AssertProblem(await stranger.GetAsync($"{Runs(other)}/{id}"), HttpStatusCode.NotFound);
        Assert.DoesNotContain(id, (await stranger.GetFromJsonAsync<JsonElement>(Runs(other))).EnumerateArray().Select(j => j.GetProperty("id").GetGuid()));
        await LoginTests.AssertProblem(await stranger.GetAsync($"/api/v1/jobs/{id}"), HttpStatusCode.NotFound);
        await LoginTests.AssertProblem(await stranger.PostAsync($"/api/v1/jobs/{id}/cancel", null), HttpStatusCode.NotFound);
        // The lezer may see the job but not cancel it.
        await LoginTests.AssertProblem(await lezer.PostAsync($"/api/v1/jobs/{id}/cancel", null), HttpStatusCode.Forbidden);

        var done = await RunWorkerUntilFinishedAsync(App, id);
        Assert.Equal(JobStatus.Done, done.Status);
        Assert.Equal("Optimal", (await lezer.GetFromJsonAsync<JsonElement>($"{Runs(g)}/{id}")).GetProperty("result").GetProperty("optimal").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Cancelling_a_queued_run_means_it_never_runs_and_has_no_result()
    {
        const string g = "GM0505"; // Dordrecht
        var coordinator = await App.UserAsync(Roles.Coordinator, g);
        await CloseOpenJobsAsync(App);
        var id = await StartAsync(coordinator, g, new { model = "p-mediaan", newSites = 5, candidates = "buurtpunten" });

        var cancel = await coordinator.PostAsync($"/api/v1/jobs/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.Equal(JobStatus.Cancelled, (await cancel.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.False(await App.Services.GetRequiredService<JobWorker>().RunNextAsync(CancellationToken.None));

        var run = await coordinator.GetFromJsonAsync<JsonElement>($"{Runs(g)}/{id}");
        Assert.Equal((JobStatus.Cancelled, JsonValueKind.Null), (run.GetProperty("job").GetProperty("status").GetString(), run.GetProperty("result").ValueKind));
        Assert.Null((await JobAsync(App, id)).StartedAt);
        await LoginTests.AssertProblem(await coordinator.PostAsync($"/api/v1/jobs/{id}/cancel", null), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Cancelling_a_running_run_stops_the_solver_and_marks_it_cancelled()
    {
        // Dordrecht, maximal covering with capacity on 108 buurt points, k = 30: SCIP does not prove this within a minute
        // (measured: it runs to the 60 s limit), so the cancel arrives while the solver works.
        const string g = "GM0505";
        var coordinator = await App.UserAsync(Roles.Coordinator, g);
        await CloseOpenJobsAsync(App);
        var id = await StartAsync(coordinator, g, new { model = "maximale-dekking", newSites = 30, useCapacity = true, candidates = "buurtpunten", timeLimitSeconds = 120 });

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var run = App.Services.GetRequiredService<JobWorker>().RunNextAsync(CancellationToken.None);
        // Wait until the handler has reported that it started (the greedy start comes first, the solver then).
        while ((await JobAsync(App, id)) is { Status: JobStatus.Queued } or { ProgressText: null })
        {
            Assert.False(run.IsCompleted, "The worker finished before the run started.");
            Assert.True(clock.Elapsed < Patience, "The run did not start.");
            await Task.Delay(50);
        }
        await Task.Delay(500);
        Assert.Equal(JobStatus.Running, (await JobAsync(App, id)).Status);

        var cancel = await coordinator.PostAsync($"/api/v1/jobs/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.True(await run.WaitAsync(Patience));
        // Well before the time limit: the solver was interrupted (heartbeat ≈ 1 s).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"Took {clock.Elapsed}.");

        var job = await JobAsync(App, id);
        Assert.Equal(JobStatus.Cancelled, job.Status);
        Assert.True(job.CancelRequested);
        Assert.NotNull(job.FinishedAt);
        Assert.Null(job.ResultJson);
        var body = await coordinator.GetFromJsonAsync<JsonElement>($"{Runs(g)}/{id}");
        Assert.Equal((JobStatus.Cancelled, JsonValueKind.Null), (body.GetProperty("job").GetProperty("status").GetString(), body.GetProperty("result").ValueKind));
        // A cancelled run cannot be saved as a scenario.
        await LoginTests.AssertProblem(await coordinator.PostAsJsonAsync(Scenarios(g), new { jobId = id, name = "Afgebroken" }), HttpStatusCode.UnprocessableEntity);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteSitingRunTests(SqliteAppFixture fixture) : SitingRunTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresSitingRunTests(PostgresAppFixture fixture) : SitingRunTests(fixture);
