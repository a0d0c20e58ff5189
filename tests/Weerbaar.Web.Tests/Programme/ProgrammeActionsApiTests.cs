using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Programme;
using Weerbaar.Web.Tests.Accounts;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Programme;

/// <summary>The programme and its actions over HTTP: create, change, numbering, validation, cycles, deletion and tenancy.</summary>
public abstract class ProgrammeActionsApiTests(AppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;

    private const string G = "GM0034";          // Almere: actions, versions, cycles, deletion
    private const string Invalids = "GM0037";   // Stadskanaal: refused input and the programme settings
    private const string Numbering = "GM0047";  // Veendam: concurrent numbering; the other gemeente for tenancy

    private static string Api(string g) => $"/api/v1/gemeenten/{g}/programme";

    private static object Action(string title, string start = "2027-01-04", string deadline = "2027-01-31", object[]? dependencies = null, int? version = null,
        string pillar = "CO", decimal oneOff = 12500m) => new
        {
            title,
            description = "Test",
            pillar,
            phase = "koude-fase",
            measureCode = (string?)null,
            ownerDepartment = "Openbare orde en veiligheid",
            ownerPerson = "J. de Vries",
            ownerIsSocialDomain = false,
            raci = new[] { new { role = "A", party = "burgemeester" }, new { role = "R", party = "team OOV" } },
            partners = new[] { "veiligheidsregio", "Dorpsraad Oost" },
            oneOffBudget = oneOff,
            structuralBudgetPerYear = 2000m,
            ftePerMonth = 0.4,
            startDate = start,
            deadline,
            dependencies = dependencies ?? [],
            milestones = new[] { new { name = "Convenant getekend", date = "2027-01-15", reached = false } },
            version,
        };

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<List<(string Field, string Message)>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. body.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("field").GetString()!, e.GetProperty("message").GetString()!))];
    }

    private Task<List<ProgrammeAction>> RowsAsync(string g)
        => App.WithDbAsync(db => db.ProgrammeActions.IgnoreQueryFilters().AsNoTracking().Where(a => a.GemeenteCode == g).OrderBy(a => a.Number).ToListAsync());

    [Fact]
    public async Task Actions_are_numbered_scheduled_versioned_and_refuse_a_cycle()
    {
        var coordinator = await App.UserAsync(Roles.Coordinator, G);
        await App.WithDbAsync(db => db.ProgrammeActions.IgnoreQueryFilters().Where(a => a.GemeenteCode == G).ExecuteDeleteAsync());

        // A-1 runs 4–31 January 2027 (28 days); A-2 waits for it plus 7 days: it is planned from 1 February but can start only on
        // 8 February (31 January + 1 + 7), and its 14 planned days (1–14 February) then end on 21 February, a week after its deadline.
        var first = await CreatedAsync(await coordinator.PostAsJsonAsync($"{Api(G)}/actions", Action("Noodstroom voor het gemeentehuis")));
        Assert.Equal((1, "A-1", 1), (first.GetProperty("number").GetInt32(), first.GetProperty("label").GetString(), first.GetProperty("version").GetInt32()));
        Assert.Equal(["A: burgemeester", "R: team OOV"], first.GetProperty("raci").EnumerateArray().Select(r => $"{r.GetProperty("role").GetString()}: {r.GetProperty("party").GetString()}"));
        var second = await CreatedAsync(await coordinator.PostAsJsonAsync($"{Api(G)}/actions",
            Action("Oefening stroomuitval", "2027-02-01", "2027-02-14", [new { predecessorNumber = 1, lagDays = 7 }])));
        Assert.Equal(2, second.GetProperty("number").GetInt32());
        var schedule = second.GetProperty("schedule");
        Assert.Equal("2027-02-08", schedule.GetProperty("earliestStart").GetString());
        Assert.Equal("2027-02-21", schedule.GetProperty("earliestFinish").GetString());
        Assert.True(schedule.GetProperty("critical").GetBoolean());

        var list = await coordinator.GetFromJsonAsync<JsonElement>($"{Api(G)}/actions");
        Assert.Equal(JsonValueKind.Null, list.GetProperty("planningProblem").ValueKind);
        Assert.Equal(["A-1", "A-2"], list.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("label").GetString()));

        // A-1 waiting for A-2 closes a cycle: refused with the cycle named, nothing changed.
        var cycle = await ErrorsAsync(await coordinator.PutAsJsonAsync($"{Api(G)}/actions/1",
            Action("Noodstroom voor het gemeentehuis", dependencies: [new { predecessorNumber = 2, lagDays = 0 }], version: 1)));
        Assert.Contains(cycle, e => e.Field == "dependencies" && e.Message.Contains("kring", StringComparison.Ordinal)
            && e.Message.Contains("A-1", StringComparison.Ordinal) && e.Message.Contains("A-2", StringComparison.Ordinal));
        var self = await ErrorsAsync(await coordinator.PutAsJsonAsync($"{Api(G)}/actions/1",
            Action("Noodstroom", dependencies: [new { predecessorNumber = 1, lagDays = 0 }], version: 1)));
        Assert.Contains(self, e => e.Message == "A-1 kan niet op zichzelf wachten.");
        Assert.Equal((1, "Noodstroom voor het gemeentehuis"), ((await RowsAsync(G))[0].Version, (await RowsAsync(G))[0].Title));

        // A change with the version read; a second change still on version 1 is refused.
        var changed = await coordinator.PutAsJsonAsync($"{Api(G)}/actions/1", Action("Noodstroom gemeentehuis en archief", version: 1));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(2, (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        var stale = await coordinator.PutAsJsonAsync($"{Api(G)}/actions/1", Action("Oude versie", version: 1));
        await LoginTests.AssertProblem(stale, HttpStatusCode.Conflict);
        var noVersion = await ErrorsAsync(await coordinator.PutAsJsonAsync($"{Api(G)}/actions/1", Action("Zonder versie")));
        Assert.Contains(noVersion, e => e.Field == "version");
        Assert.Equal("Noodstroom gemeentehuis en archief", (await RowsAsync(G))[0].Title);

        // A-1 cannot go while A-2 waits for it; a status update goes with its action.
        var refused = await coordinator.DeleteAsync($"{Api(G)}/actions/1");
        var problem = await LoginTests.AssertProblem(refused, HttpStatusCode.Conflict);
        Assert.Contains("A-2 wacht erop", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var a2 = (await RowsAsync(G))[1];
        await App.WithDbAsync(db =>
        {
            db.ActionStatusUpdates.Add(new ActionStatusUpdate { GemeenteCode = G, ActionId = a2.Id, Date = new DateOnly(2027, 2, 10), Status = ActionStatus.Running, RecordedBy = "test" });
            return db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.DeleteAsync($"{Api(G)}/actions/2")).StatusCode);
        Assert.Equal(0, await App.WithDbAsync(db => db.ActionStatusUpdates.IgnoreQueryFilters().CountAsync(u => u.ActionId == a2.Id)));
        await LoginTests.AssertProblem(await coordinator.GetAsync($"{Api(G)}/actions/2"), HttpStatusCode.NotFound);

        // The next number follows the highest that exists.
        var third = await CreatedAsync(await coordinator.PostAsJsonAsync($"{Api(G)}/actions", Action("Derde")));
        Assert.Equal(2, third.GetProperty("number").GetInt32());
    }

    [Fact]
    public async Task Every_problem_of_an_action_is_reported_at_once_in_Dutch_and_nothing_is_stored()
    {
        var coordinator = await App.UserAsync(Roles.Coordinator, Invalids);
        var before = (await RowsAsync(Invalids)).Count;
        var response = await coordinator.PostAsJsonAsync($"{Api(Invalids)}/actions", new
        {
            title = " ",
            pillar = "XX",
            phase = "zomer",
            measureCode = "bestaat-niet",
            gapKind = "gevoel",
            ownerDepartment = "",
            raci = new[] { new { role = "A", party = "burgemeester" }, new { role = "A", party = "wethouder" }, new { role = "Z", party = "iemand" } },
            oneOffBudget = -5m,
            ftePerMonth = 250.0,
            startDate = "2027-03-01",
            deadline = "2027-02-01",
            dependencies = new[] { new { predecessorNumber = 999, lagDays = 0 } },
            milestones = new[] { new { name = "", date = "2027-02-01", reached = false } },
        });
        var errors = await ErrorsAsync(response);
        var fields = errors.Select(e => e.Field).ToHashSet();
        Assert.Superset(new HashSet<string> { "title", "pillar", "phase", "measureCode", "gapKind", "ownerDepartment", "raci", "oneOffBudget", "ftePerMonth", "deadline", "dependencies", "milestones" }, fields);
        Assert.Contains(errors, e => e.Message == "Vul de titel in.");
        Assert.Contains(errors, e => e.Message == "Eén partij is eindverantwoordelijk (A); er staan er 2.");
        Assert.Contains(errors, e => e.Message.StartsWith("‘Z’ is geen RACI-rol", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message == "De deadline (1 februari 2027) ligt vóór de startdatum (1 maart 2027).");
        Assert.Contains(errors, e => e.Message == "Actie A-999 bestaat niet in dit programma.");
        Assert.Equal(before, (await RowsAsync(Invalids)).Count);
    }

    [Fact]
    public async Task Programme_settings_are_validated_versioned_and_shown()
    {
        var coordinator = await App.UserAsync(Roles.Coordinator, Invalids);
        var current = await coordinator.GetFromJsonAsync<JsonElement>(Api(Invalids));
        var version = current.GetProperty("version").GetInt32();
        var wrong = await ErrorsAsync(await coordinator.PutAsJsonAsync(Api(Invalids), new
        {
            name = "Programma",
            digestEmail = "geen-adres",
            startDate = "2027-01-01",
            endDate = "2026-01-01",
            reviewCycleMonths = 13,
            availableFte = -1.0,
            budget = new[] { new { year = 2027, amount = 1000m }, new { year = 2027, amount = 5m } },
            version,
        }));
        Assert.Equal(["availableFte", "budget", "digestEmail", "endDate", "reviewCycleMonths"], wrong.Select(e => e.Field).Distinct().Order());

        var saved = await coordinator.PutAsJsonAsync(Api(Invalids), new
        {
            name = "Stadskanaal weerbaar",
            regisseur = "A. Bakker, programmaregisseur",
            regisseurDepartment = "Bestuursondersteuning",
            digestEmail = "weerbaar@stadskanaal.example",
            startDate = "2027-01-01",
            reviewCycleMonths = 3,
            availableFte = 2.5,
            budget = new[] { new { year = 2028, amount = 50000m }, new { year = 2027, amount = 250000m } },
            background = "# Aanleiding\nDe scan.",
            version,
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var body = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(version + 1, body.GetProperty("version").GetInt32());
        Assert.Equal([2027, 2028], body.GetProperty("budget").EnumerateArray().Select(b => b.GetProperty("year").GetInt32()));
        await LoginTests.AssertProblem(await coordinator.PutAsJsonAsync(Api(Invalids), new { name = "Oud", startDate = "2027-01-01", version }), HttpStatusCode.Conflict);

        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/gemeenten/{Invalids}/programma"));
        Assert.Contains("Stadskanaal weerbaar", page, StringComparison.Ordinal);
        Assert.Contains("A. Bakker, programmaregisseur (Bestuursondersteuning)", page, StringComparison.Ordinal);
        Assert.Contains("2027: € 250.000; 2028: € 50.000", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_creates_get_distinct_numbers()
    {
        var coordinator = await App.UserAsync(Roles.Coordinator, Numbering);
        await App.WithDbAsync(db => db.ProgrammeActions.IgnoreQueryFilters().Where(a => a.GemeenteCode == Numbering).ExecuteDeleteAsync());
        var responses = await Task.WhenAll(Enumerable.Range(1, 5).Select(i => coordinator.PostAsJsonAsync($"{Api(Numbering)}/actions", Action($"Parallel {i}"))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal([1, 2, 3, 4, 5], (await RowsAsync(Numbering)).Select(a => a.Number));
    }

    [Fact]
    public async Task Another_gemeente_and_a_lezer_cannot_read_or_change_the_programme()
    {
        var owner = await App.UserAsync(Roles.Coordinator, G);
        var created = await CreatedAsync(await owner.PostAsJsonAsync($"{Api(G)}/actions", Action("Alleen van Almere")));
        var number = created.GetProperty("number").GetInt32();
        var other = await App.UserAsync(Roles.Coordinator, Numbering);
        foreach (var url in new[] { Api(G), $"{Api(G)}/actions", $"{Api(G)}/actions/{number}", $"{Api(G)}/proposals", $"/gemeenten/{G}/programma", $"/gemeenten/{G}/programma/acties/{number}", $"/gemeenten/{G}/programma/voorstellen" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(url)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync($"{Api(G)}/actions", Action("Inbraak"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PutAsJsonAsync($"{Api(G)}/actions/{number}", Action("Inbraak", version: 1))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.DeleteAsync($"{Api(G)}/actions/{number}")).StatusCode);
        var lezer = await App.UserAsync(Roles.Lezer, G);
        Assert.Equal(HttpStatusCode.OK, (await lezer.GetAsync($"{Api(G)}/actions/{number}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lezer.PutAsJsonAsync($"{Api(G)}/actions/{number}", Action("Lezer", version: 1))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lezer.PutAsJsonAsync(Api(G), new { name = "Lezer", startDate = "2027-01-01" })).StatusCode);
        Assert.Equal("Alleen van Almere", (await RowsAsync(G)).Single(a => a.Number == number).Title);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteProgrammeActionsApiTests(SqliteAppFixture fixture) : ProgrammeActionsApiTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresProgrammeActionsApiTests(PostgresAppFixture fixture) : ProgrammeActionsApiTests(fixture);
