using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Afweging;
using Weerbaar.Web.Features.Programme;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.Responses;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Programme;

/// <summary>The programme pages (forms with antiforgery, Dutch errors, typed text kept) and the proposals from the gaps Weerbaar knows.</summary>
public abstract class ProgrammePagesTests(AppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;
    private static readonly Instrument Scan = new InstrumentCatalog().Find("weerbaarheidsscan-2025")!;

    private const string Gaps = "GM0765";   // Pekela: answers the scan only here; no noodsteunpunten
    private const string Forms = "GM0014";  // Groningen: the forms

    private Task<List<ProgrammeAction>> RowsAsync(string g)
        => App.WithDbAsync(db => db.ProgrammeActions.IgnoreQueryFilters().AsNoTracking().Where(a => a.GemeenteCode == g).OrderBy(a => a.Number).ToListAsync());

    [Fact]
    public async Task Proposals_name_the_gaps_from_the_scan_the_foto_coverage_and_the_chosen_scenario()
    {
        var onderzoeker = await App.UserAsync(Roles.Onderzoeker);
        var round = await onderzoeker.PostAsJsonAsync("/api/v1/rounds", new { instrument = "weerbaarheidsscan-2025", name = "Programma " + Guid.NewGuid().ToString("N")[..6], opensOn = "2026-01-05", closesOn = "2099-01-15" });
        Assert.Equal(HttpStatusCode.Created, round.StatusCode);
        var roundId = (await round.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // Scores 3 8 4 7 5 9 (mean 6) with ranks 1 2 3 4 5 6 (mean 3,5): below 6 and above rank 3,5 are EC (3, 1) and VV (4, 3).
        (string P, string Score, string Rank)[] pillars = [("EC", "3", "1"), ("CO", "8", "2"), ("VV", "4", "3"), ("SW", "7", "4"), ("ZR", "5", "5"), ("SO", "9", "6")];
        var answers = pillars.SelectMany(p => new[] { ($"{p.P}_score", p.Score), ($"{p.P}_rank", p.Rank) }).ToArray();
        var row = string.Join(",", new[] { "pekela-1", Gaps, "2026-01-10" }.Concat(Scan.ColumnOrder.Select(c => answers.FirstOrDefault(a => a.Item1 == c).Item2 ?? "")));
        var csv = string.Join(",", ResponseCsv.Header(Scan)) + "\r\n" + row + "\r\n";
        Assert.Equal(HttpStatusCode.OK, (await onderzoeker.PostAsync($"/api/v1/rounds/{roundId}/responses/import", new StringContent(csv, Encoding.UTF8, "text/csv"))).StatusCode);

        var coordinator = await App.UserAsync(Roles.Coordinator, Gaps);
        var proposals = await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/gemeenten/{Gaps}/programme/proposals");
        var gaps = proposals.GetProperty("gaps").EnumerateArray().ToList();
        Assert.Equal(["EC", "VV"], gaps.Where(g => g.GetProperty("kind").GetString() == GapKinds.ScanPillar).Select(g => g.GetProperty("reference").GetString()));
        var ec = gaps.First(g => g.GetProperty("reference").GetString() == "EC");
        Assert.Contains("gaf de gemeente Eigen continuïteit een 3 (gemiddeld over de zes pijlers 6,0) en zette de pijler op plaats 1 van 6", ec.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.All(ec.GetProperty("measures").EnumerateArray(), m => Assert.Equal("EC", m.GetProperty("pillar").GetString()));
        Assert.NotEqual(0, ec.GetProperty("measures").GetArrayLength());
        var coverage = gaps.Single(g => g.GetProperty("kind").GetString() == GapKinds.Coverage);
        Assert.Contains("er zijn er 0", coverage.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.All(coverage.GetProperty("measures").EnumerateArray(), m => Assert.Equal("noodsteunpunten", m.GetProperty("topic").GetString()));
        Assert.Contains(gaps, g => g.GetProperty("kind").GetString() == GapKinds.Foto && g.GetProperty("reference").GetString() == "kwetsbare-inwoners");
        Assert.DoesNotContain(gaps, g => g.GetProperty("kind").GetString() == GapKinds.Scenario);

        // The college's newest decision names the scenario; its measures are those of the library scenario.
        await App.WithDbAsync(db =>
        {
            db.DecisionRecords.Add(new DecisionRecord
            {
                GemeenteCode = Gaps,
                Number = 1,
                ScenarioCode = "langdurige-stroomuitval",
                ScenarioName = "Langdurige stroomuitval (72 uur of langer)",
                Title = "Eerst stroomuitval",
                Rationale = "Test",
                DecisionDate = new DateOnly(2026, 12, 1),
                PreparedBy = "test",
                ApprovedBy = "college",
                InputsJson = "{}",
                RecordedAt = DateTimeOffset.UtcNow,
                RecordedBy = "test",
            });
            return db.SaveChangesAsync();
        });
        var withDecision = await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/gemeenten/{Gaps}/programme/proposals");
        var scenario = withDecision.GetProperty("gaps").EnumerateArray().Single(g => g.GetProperty("kind").GetString() == GapKinds.Scenario);
        Assert.Equal("Het college besloot op 1 december 2026 (besluit 1) zich eerst voor te bereiden op ‘Langdurige stroomuitval (72 uur of langer)’.", scenario.GetProperty("description").GetString());
        var measures = scenario.GetProperty("measures").EnumerateArray().ToList();
        Assert.NotEmpty(measures);
        Assert.All(measures, m => Assert.Contains("langdurige-stroomuitval", m.GetProperty("scenarios").EnumerateArray().Select(s => s.GetString())));

        // Adopting a measure through the form: prefilled from the catalogue and the gap; afterwards the gap is answered and the measure gone.
        var measure = ec.GetProperty("measures")[0].GetProperty("code").GetString()!;
        var newUrl = $"/gemeenten/{Gaps}/programma/acties/nieuw?maatregel={measure}&knelpunt=scan-pijler:EC";
        var form = WebUtility.HtmlDecode(await coordinator.GetStringAsync(newUrl));
        Assert.Contains("Beantwoordt: Scan: lage score, hoge prioriteit.", form, StringComparison.Ordinal);
        Assert.Contains($"value=\"{ec.GetProperty("measures")[0].GetProperty("name").GetString()}\"", form, StringComparison.Ordinal);
        Assert.Contains("<option value=\"EC\" selected", form, StringComparison.Ordinal);
        var saved = await HtmlForms.PostFormAsync(coordinator, newUrl, "actie", new Dictionary<string, string>
        {
            ["title"] = "Maatregel overgenomen",
            ["pillar"] = "EC",
            ["phase"] = "koude-fase",
            ["ownerDepartment"] = "Bedrijfsvoering",
            ["startDate"] = "2027-01-04",
            ["deadline"] = "2027-03-31",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var action = (await RowsAsync(Gaps)).Single();
        Assert.Equal((measure, GapKinds.ScanPillar, "EC", "EC"), (action.MeasureCode, action.GapKind, action.GapReference, action.Pillar));
        Assert.Contains("plaats 1 van 6", action.GapDescription, StringComparison.Ordinal);
        var after = await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/gemeenten/{Gaps}/programme/proposals");
        var ecAfter = after.GetProperty("gaps").EnumerateArray().Single(g => g.GetProperty("reference").GetString() == "EC");
        Assert.Equal(["A-1"], ecAfter.GetProperty("answeredBy").EnumerateArray().Select(a => a.GetString()));
        Assert.DoesNotContain(ecAfter.GetProperty("measures").EnumerateArray(), m => m.GetProperty("code").GetString() == measure);
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/gemeenten/{Gaps}/programma/voorstellen"));
        Assert.Contains("Al beantwoord door:", page, StringComparison.Ordinal);
        Assert.Contains("Bron: Noodsteunpunten: dekking (Bron: CBS).", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_action_form_keeps_what_was_typed_explains_every_error_and_saves_with_antiforgery()
    {
        var coordinator = await App.UserAsync(Roles.Coordinator, Forms);
        await App.WithDbAsync(db => db.ProgrammeActions.IgnoreQueryFilters().Where(a => a.GemeenteCode == Forms).ExecuteDeleteAsync());
        var url = $"/gemeenten/{Forms}/programma/acties/nieuw";
        var wrong = await HtmlForms.PostFormAsync(coordinator, url, "actie", new List<KeyValuePair<string, string>>
        {
            new("title", "Noodwater voor zorginstellingen"), new("pillar", "VV"), new("phase", "koude-fase"), new("ownerDepartment", "Sociaal domein"),
            new("raci", "burgemeester"), new("oneOffBudget", "veel"), new("startDate", "2027-01-04"), new("deadline", "2027-03-31"),
            new("dependencies", "B-7"), new("milestones", "ooit: klaar"), new("partners", "drinkwaterbedrijf"),
        });
        var wrongHtml = WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("De actie is niet opgeslagen:", wrongHtml, StringComparison.Ordinal);
        Assert.Contains("‘burgemeester’: schrijf de rol, een dubbele punt en wie", wrongHtml, StringComparison.Ordinal);
        Assert.Contains("‘B-7’ is geen actie; schrijf bijvoorbeeld ‘A-3’", wrongHtml, StringComparison.Ordinal);
        Assert.Contains("‘ooit: klaar’: begin met de datum", wrongHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"Noodwater voor zorginstellingen\"", wrongHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"drinkwaterbedrijf\" class=\"utrecht-checkbox utrecht-checkbox--html-input\" checked", wrongHtml, StringComparison.Ordinal);
        Assert.Empty(await RowsAsync(Forms));

        var budget = await HtmlForms.PostFormAsync(coordinator, url, "actie", new List<KeyValuePair<string, string>>
        {
            new("title", "Noodwater voor zorginstellingen"), new("pillar", "VV"), new("phase", "koude-fase"), new("ownerDepartment", "Sociaal domein"),
            new("oneOffBudget", "veel"), new("startDate", "2027-01-04"), new("deadline", "2027-03-31"),
        });
        Assert.Contains("Het eenmalige budget ‘veel’ is geen bedrag in euro’s", WebUtility.HtmlDecode(await budget.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var saved = await HtmlForms.PostFormAsync(coordinator, url, "actie", new List<KeyValuePair<string, string>>
        {
            new("title", "Noodwater voor zorginstellingen"), new("pillar", "VV"), new("phase", "koude-fase"), new("ownerDepartment", "Sociaal domein"),
            new("ownerPerson", "P. Jansen"), new("ownerIsSocialDomain", "true"), new("raci", "A: wethouder zorg\nR: team Wmo\nI: GGD"),
            new("partners", "drinkwaterbedrijf"), new("partners", "zorginstellingen"), new("ownPartners", "Stichting Buurtzorg Noord"),
            new("oneOffBudget", "12.500"), new("structuralBudgetPerYear", "1.250,50"), new("ftePerMonth", "0,4"),
            new("startDate", "2027-01-04"), new("deadline", "2027-03-31"), new("milestones", "15-02-2027: afspraken gemaakt (bereikt)"),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.EndsWith($"/gemeenten/{Forms}/programma/acties/1?melding=opgeslagen", saved.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var a = (await RowsAsync(Forms)).Single();
        Assert.Equal((12500m, 1250.50m, 0.4, true), (a.OneOffBudget, a.StructuralBudgetPerYear, a.FtePerMonth, a.OwnerIsSocialDomain));
        Assert.Equal(["drinkwaterbedrijf", "zorginstellingen", "Stichting Buurtzorg Noord"], a.Partners);
        Assert.Equal([new RaciEntry("A", "wethouder zorg"), new RaciEntry("R", "team Wmo"), new RaciEntry("I", "GGD")], a.Raci);
        Assert.Equal([new ActionMilestone("afspraken gemaakt", new DateOnly(2027, 2, 15), true)], a.Milestones);

        var second = await HtmlForms.PostFormAsync(coordinator, url, "actie", new List<KeyValuePair<string, string>>
        {
            new("title", "Oefening noodwater"), new("pillar", "VV"), new("phase", "eerste-72-uur"), new("ownerDepartment", "OOV"),
            new("startDate", "2027-04-01"), new("deadline", "2027-04-30"), new("dependencies", "A-1 +3"),
        });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal([new ActionDependency(1, 3)], (await RowsAsync(Forms))[1].Dependencies);

        var detail = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/gemeenten/{Forms}/programma/acties/1"));
        Assert.Contains("Sociaal domein, P. Jansen (sociaal domein)", detail, StringComparison.Ordinal);
        Assert.Contains("Drinkwaterbedrijf", detail, StringComparison.Ordinal);
        var overview = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/gemeenten/{Forms}/programma"));
        Assert.Contains("A-1 Noodwater voor zorginstellingen", overview, StringComparison.Ordinal);
        Assert.Contains("sociaal domein</span>", overview, StringComparison.Ordinal);

        // Edit form: filled from the stored action; a stale version keeps the typed text.
        var edit = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/gemeenten/{Forms}/programma/acties/1/bewerken"));
        Assert.Contains("A: wethouder zorg\nR: team Wmo\nI: GGD", edit, StringComparison.Ordinal);
        Assert.Contains("value=\"12.500\"", edit, StringComparison.Ordinal);
        var stale = await HtmlForms.PostFormAsync(coordinator, $"/gemeenten/{Forms}/programma/acties/1/bewerken", "actie", new List<KeyValuePair<string, string>>
        {
            new("version", "0"), new("title", "Verouderd"), new("pillar", "VV"), new("phase", "koude-fase"), new("ownerDepartment", "X"),
            new("startDate", "2027-01-04"), new("deadline", "2027-03-31"),
        });
        var staleHtml = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Contains("heeft deze actie intussen ook gewijzigd", staleHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"Verouderd\"", staleHtml, StringComparison.Ordinal);

        // Deleting needs the confirmation, and is refused while A-2 waits for A-1.
        var unconfirmed = await HtmlForms.PostFormAsync(coordinator, $"/gemeenten/{Forms}/programma/acties/1", "actie-verwijderen", new Dictionary<string, string>());
        Assert.Contains("Vink eerst aan dat u A-1 wilt verwijderen.", WebUtility.HtmlDecode(await unconfirmed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var blocked = await HtmlForms.PostFormAsync(coordinator, $"/gemeenten/{Forms}/programma/acties/1", "actie-verwijderen", new Dictionary<string, string> { ["bevestig"] = "ja" });
        Assert.Contains("A-1 kan niet worden verwijderd: A-2 wacht erop.", WebUtility.HtmlDecode(await blocked.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(2, (await RowsAsync(Forms)).Count);

        // A lezer sees the pages but no form.
        var lezer = await App.UserAsync(Roles.Lezer, Forms);
        var lezerForm = WebUtility.HtmlDecode(await lezer.GetStringAsync(url));
        Assert.Contains("U kunt het programma van Groningen", lezerForm, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"title\"", lezerForm, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_programme_is_a_valid_plan_and_seeds_once()
    {
        var catalogue = MeasuresCatalogue.LoadNewest();
        await App.WithDbAsync(async db => { await DemoProgramme.SeedAsync(db, catalogue, TimeProvider.System); await DemoProgramme.SeedAsync(db, catalogue, TimeProvider.System); return 0; });
        var (programme, actions) = await App.WithDbAsync(async db => (
            await db.Programmes.IgnoreQueryFilters().AsNoTracking().SingleAsync(p => p.GemeenteCode == DemoProgramme.Gemeente),
            await db.ProgrammeActions.IgnoreQueryFilters().AsNoTracking().Where(a => a.GemeenteCode == DemoProgramme.Gemeente).OrderBy(a => a.Number).ToListAsync()));
        Assert.Equal(10, actions.Count);
        var plan = ProgrammePlanning.Compute(programme, actions);
        Assert.Null(plan.Problem);
        Assert.NotEmpty(plan.Schedule!.CriticalPaths);
        // Every demo action would pass the form's validation as it stands.
        foreach (var a in actions)
        {
            var input = new ProgrammeActionInput(a.Title, a.Description, a.Pillar, a.Phase, a.MeasureCode, a.GapKind, a.GapReference, a.GapDescription,
                a.OwnerDepartment, a.OwnerPerson, a.OwnerIsSocialDomain, a.Raci, a.Partners, a.OneOffBudget.ToString(System.Globalization.CultureInfo.InvariantCulture),
                a.StructuralBudgetPerYear.ToString(System.Globalization.CultureInfo.InvariantCulture), a.FtePerMonth.ToString(System.Globalization.CultureInfo.InvariantCulture),
                a.StartDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), a.Deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                a.Dependencies, a.Milestones);
            var copy = new ProgrammeAction { GemeenteCode = a.GemeenteCode, Number = a.Number, Title = "", Pillar = "", Phase = "", OwnerDepartment = "", CreatedBy = "", UpdatedBy = "" };
            Assert.Empty(ProgrammeActionValidator.Apply(copy, input, catalogue, programme, actions));
        }
    }

    [Fact]
    public async Task The_settings_form_saves_the_begroting_and_refuses_a_bad_line()
    {
        var coordinator = await App.UserAsync(Roles.Coordinator, Forms);
        var url = $"/gemeenten/{Forms}/programma/instellingen";
        var wrong = await HtmlForms.PostFormAsync(coordinator, url, "programma", new Dictionary<string, string>
        {
            ["name"] = "Groningen weerbaar",
            ["startDate"] = "2027-01-01",
            ["budget"] = "2027 250.000",
            ["availableFte"] = "3",
        });
        var wrongHtml = WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync());
        Assert.Contains("‘2027 250.000’: schrijf het jaartal, een dubbele punt en het bedrag", wrongHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"Groningen weerbaar\"", wrongHtml, StringComparison.Ordinal);

        var saved = await HtmlForms.PostFormAsync(coordinator, url, "programma", new Dictionary<string, string>
        {
            ["name"] = "Groningen weerbaar",
            ["startDate"] = "2027-01-01",
            ["budget"] = "2027: 250.000\n2028: 100.000,50",
            ["availableFte"] = "3,5",
            ["regisseur"] = "M. Smit",
            ["reviewCycleMonths"] = "3",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var p = await App.WithDbAsync(db => db.Programmes.IgnoreQueryFilters().AsNoTracking().SingleAsync(x => x.GemeenteCode == Forms));
        Assert.Equal([new BudgetLine(2027, 250000m), new BudgetLine(2028, 100000.50m)], p.Budget);
        Assert.Equal((3.5, "M. Smit", new DateOnly(2027, 1, 1)), (p.AvailableFte, p.Regisseur, p.StartDate));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteProgrammePagesTests(SqliteAppFixture fixture) : ProgrammePagesTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresProgrammePagesTests(PostgresAppFixture fixture) : ProgrammePagesTests(fixture);
