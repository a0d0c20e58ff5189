using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Afweging;
using Weerbaar.Web.Features.Coverage;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Locations;
using Weerbaar.Web.Features.Scenarios;
using Weerbaar.Web.Tests.Infrastructure;
using Wp = DocumentFormat.OpenXml.Wordprocessing;

namespace Weerbaar.Web.Tests.Afweging;

/// <summary>Decision records over HTTP and EF: the snapshot of the inputs, corrections, validation, immutability, numbering, tenancy and the Word export.</summary>
public abstract class DecisionRecordTests(AppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;

    private const string G = "GM0437";          // Ouder-Amstel: the snapshot, immutability and the export
    private const string Other = "GM0450";      // Uitgeest: the other gemeente
    private const string Chain = "GM0399";      // Heiloo: corrections
    private const string Invalids = "GM0431";   // Oostzaan: refused input
    private const string Numbering = "GM0415";  // Landsmeer: concurrent numbering
    private const string Library = "langdurige-stroomuitval";
    private const string LibraryName = "Langdurige stroomuitval (72 uur of langer)";

    private static string Api(string g) => $"/api/v1/gemeenten/{g}/decision-records";
    private static string Pages(string g) => $"/gemeenten/{g}/afwegingskader/besluiten";
    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static object Valid(string? scenario = Library, string title = "Eerst voorbereiden op langdurige stroomuitval", string? rationale = null,
        string? date = null, int? corrects = null, string? reason = null) => new
        {
            scenarioCode = scenario,
            title,
            rationale = rationale ?? "Het risico is het hoogst en de gemeente is er het minst op voorbereid.\n\nDe noodsteunpunten hebben nog geen noodstroom.",
            decisionDate = date ?? Today,
            preparedBy = "J. de Vries, adviseur OOV",
            approvedBy = "College van B en W, besluit d.d. 1 december 2026",
            corrects,
            correctionReason = reason,
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

    private Task<int> CountAsync(string g) => App.WithDbAsync(db => db.DecisionRecords.IgnoreQueryFilters().CountAsync(d => d.GemeenteCode == g));

    private Task<DecisionRecord> RowAsync(string g, int number)
        => App.WithDbAsync(db => db.DecisionRecords.IgnoreQueryFilters().AsNoTracking().SingleAsync(d => d.GemeenteCode == g && d.Number == number));

    /// <summary>Own scenario, an assessment, weights, norms and a noodsteunpunt for <see cref="G"/>, each at a known version; idempotent.</summary>
    private async Task SeedInputsAsync()
    {
        await App.WithDbAsync(async db =>
        {
            if (await db.OwnScenarios.IgnoreQueryFilters().AnyAsync(s => s.GemeenteCode == G))
            {
                return 0;
            }
            var at = DateTimeOffset.UtcNow;
            db.OwnScenarios.Add(new OwnScenario
            {
                Id = Guid.NewGuid(),
                GemeenteCode = G,
                Code = "eigen-dijkdoorbraak-amstel",
                Name = "Dijkdoorbraak langs de Amstel",
                Description = "Test",
                TypicalDurationHours = 48,
                Version = 2,
                UpdatedAt = at,
                UpdatedBy = "coordinator@test",
            });
            db.RiskAssessments.Add(new RiskAssessmentEntry
            {
                Id = Guid.NewGuid(),
                GemeenteCode = G,
                ScenarioCode = Library,
                MethodVersion = "nl-regionaal-2009/factor-10",
                Likelihood = "C",
                Impacts = new() { ["doden"] = "B" },
                OwnPreparedness = 2,
                Version = 3,
                UpdatedAt = at,
                UpdatedBy = "coordinator@test",
            });
            db.PriorityWeights.Add(new PriorityWeightSettings { GemeenteCode = G, WeightsJson = PriorityWeights.Default.ToJson(), Version = 4, UpdatedAt = at, UpdatedBy = "coordinator@test" });
            db.CoverageSettings.Add(new CoverageSettings { GemeenteCode = G, NormDistanceMeters = 1500, DetourFactor = 1.3, ResidentsPerPoint = 4000, Version = 5, UpdatedAt = at, UpdatedBy = "coordinator@test" });
            db.Noodsteunpunten.Add(new Noodsteunpunt { GemeenteCode = G, Name = "Noodsteunpunt dorpshuis (test)", UpdatedBy = "coordinator@test", UpdatedAt = at });
            return await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task A_record_keeps_the_versions_of_its_inputs_as_they_were()
    {
        await SeedInputsAsync();
        var coordinator = await App.UserAsync(Roles.Coordinator, G);
        var created = await CreatedAsync(await coordinator.PostAsJsonAsync(Api(G), Valid()));
        var number = created.GetProperty("number").GetInt32();
        Assert.Equal(LibraryName, created.GetProperty("scenarioName").GetString());
        Assert.Equal($"{G}-besluit-{number}", created.GetProperty("registrationNumber").GetString());

        var inputs = created.GetProperty("inputs");
        Assert.Equal(DecisionInputs.CurrentSchemaVersion, inputs.GetProperty("schemaVersion").GetInt32());
        var library = ScenarioLibrary.LoadNewest();
        Assert.Equal((library.Id, library.Version), (inputs.GetProperty("library").GetProperty("id").GetString(), inputs.GetProperty("library").GetProperty("version").GetInt32()));
        Assert.Equal(Weerbaar.Analysis.Risk.RiskMethod.Default.Version, inputs.GetProperty("riskMethodVersion").GetString());
        var assessment = Assert.Single(inputs.GetProperty("assessments").EnumerateArray());
        Assert.Equal((Library, 3, "C"), (assessment.GetProperty("scenarioCode").GetString(), assessment.GetProperty("version").GetInt32(), assessment.GetProperty("likelihood").GetString()));
        Assert.Equal(2, Assert.Single(inputs.GetProperty("ownScenarios").EnumerateArray()).GetProperty("version").GetInt32());
        Assert.Equal(4, inputs.GetProperty("weights").GetProperty("version").GetInt32());
        Assert.Equal(JsonValueKind.Null, inputs.GetProperty("allocation").ValueKind);
        Assert.Equal((5, 1500.0), (inputs.GetProperty("coverageNorms").GetProperty("version").GetInt32(), inputs.GetProperty("coverageNorms").GetProperty("normDistanceMeters").GetDouble()));
        Assert.Equal(1, inputs.GetProperty("noodsteunpunten").GetProperty("count").GetInt32());
        Assert.Equal(JsonValueKind.Null, inputs.GetProperty("ranking").ValueKind);

        // The stored row equals what the API answered, and a later change of an input leaves it as it was.
        var stored = await RowAsync(G, number);
        await App.WithDbAsync(async db =>
        {
            var a = await db.RiskAssessments.IgnoreQueryFilters().SingleAsync(x => x.GemeenteCode == G && x.ScenarioCode == Library);
            (a.Likelihood, a.Version) = ("E", a.Version + 1);
            return await db.SaveChangesAsync();
        });
        try
        {
            var again = await coordinator.GetFromJsonAsync<JsonElement>($"{Api(G)}/{number}");
            var kept = Assert.Single(again.GetProperty("inputs").GetProperty("assessments").EnumerateArray());
            Assert.Equal((3, "C"), (kept.GetProperty("version").GetInt32(), kept.GetProperty("likelihood").GetString()));
            Assert.Equal(stored.InputsJson, (await RowAsync(G, number)).InputsJson);
            // A new record takes the new version.
            var later = await CreatedAsync(await coordinator.PostAsJsonAsync(Api(G), Valid(title: "Tweede besluit")));
            Assert.Equal(4, later.GetProperty("inputs").GetProperty("assessments")[0].GetProperty("version").GetInt32());
        }
        finally
        {
            await App.WithDbAsync(async db =>
            {
                var a = await db.RiskAssessments.IgnoreQueryFilters().SingleAsync(x => x.GemeenteCode == G && x.ScenarioCode == Library);
                (a.Likelihood, a.Version) = ("C", 3);
                return await db.SaveChangesAsync();
            });
        }
    }

    [Fact]
    public async Task The_snapshot_takes_a_ranking_passed_in_by_its_caller()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var builder = scope.ServiceProvider.GetRequiredService<DecisionInputsBuilder>();
        var snapshot = await builder.SnapshotAsync(G, [new("b", "B", 2, 0.4), new("a", "A", 1, 0.7)], null, CancellationToken.None);
        var back = DecisionInputs.FromJson(snapshot.ToJson());
        Assert.Equal(["a", "b"], back.Ranking!.Select(r => r.Code));
        Assert.Equal(0.7, back.Ranking![0].Score);
    }

    [Fact]
    public async Task A_correction_is_a_new_record_and_only_the_newest_of_a_chain_can_be_corrected()
    {
        var coordinator = await App.UserAsync(Roles.Coordinator, Chain);
        var first = (await CreatedAsync(await coordinator.PostAsJsonAsync(Api(Chain), Valid()))).GetProperty("number").GetInt32();

        Assert.Contains(await ErrorsAsync(await coordinator.PostAsJsonAsync(Api(Chain), Valid(corrects: first))),
            e => e is ("correctionReason", "Vul de reden van de correctie in."));
        Assert.Contains(await ErrorsAsync(await coordinator.PostAsJsonAsync(Api(Chain), Valid(corrects: 9999, reason: "x"))),
            e => e is ("corrects", "Besluit 9999 bestaat niet; er is niets om te corrigeren."));

        var second = await CreatedAsync(await coordinator.PostAsJsonAsync(Api(Chain), Valid(scenario: "drinkwateruitval", corrects: first, reason: "Verkeerd scenario gekozen.")));
        var secondNumber = second.GetProperty("number").GetInt32();
        Assert.Equal(first, second.GetProperty("corrects").GetInt32());
        Assert.Equal("Verkeerd scenario gekozen.", second.GetProperty("inputs").GetProperty("correctionReason").GetString());

        // The first one is unchanged but now says who corrected it; correcting it again is refused.
        var firstAgain = await coordinator.GetFromJsonAsync<JsonElement>($"{Api(Chain)}/{first}");
        Assert.Equal(secondNumber, firstAgain.GetProperty("correctedBy").GetInt32());
        Assert.Equal(Library, firstAgain.GetProperty("scenarioCode").GetString());
        var before = await CountAsync(Chain);
        Assert.Contains(await ErrorsAsync(await coordinator.PostAsJsonAsync(Api(Chain), Valid(corrects: first, reason: "Nog eens."))),
            e => e.Field == "corrects" && e.Message.Contains($"al gecorrigeerd door besluit {secondNumber}", StringComparison.Ordinal));
        Assert.Equal(before, await CountAsync(Chain));

        var third = await CreatedAsync(await coordinator.PostAsJsonAsync(Api(Chain), Valid(corrects: secondNumber, reason: "Toch stroomuitval.")));
        var thirdNumber = third.GetProperty("number").GetInt32();

        var history = WebUtility.HtmlDecode(await coordinator.GetStringAsync(Pages(Chain)));
        Assert.Contains($"corrigeert besluit {first}; gecorrigeerd door besluit {thirdNumber}", history, StringComparison.Ordinal);
        Assert.Contains($"gecorrigeerd door besluit {secondNumber}", history, StringComparison.Ordinal);
        Assert.True(history.IndexOf($"Besluit {thirdNumber}<", StringComparison.Ordinal) < history.IndexOf($"Besluit {first}<", StringComparison.Ordinal), "nieuwste eerst");

        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"{Pages(Chain)}/{secondNumber}"));
        Assert.Contains("Correcties", page, StringComparison.Ordinal);
        Assert.Contains($"Besluit {secondNumber} (dit besluit)", page, StringComparison.Ordinal);
        Assert.Contains("Dit besluit is gecorrigeerd door", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Dit besluit corrigeren", page, StringComparison.Ordinal);

        // The form for an already corrected record points to the newest one instead.
        var stale = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"{Pages(Chain)}/nieuw?corrigeert={first}"));
        Assert.Contains($"corrigeer besluit {secondNumber}", stale, StringComparison.Ordinal);
        Assert.Equal(["/uitloggen"], HtmlForms.PostFormHandlers(stale).Distinct());
    }

    [Fact]
    public async Task Bad_input_is_refused_whole_with_every_problem_in_dutch()
    {
        var coordinator = await App.UserAsync(Roles.Coordinator, Invalids);
        var errors = await ErrorsAsync(await coordinator.PostAsJsonAsync(Api(Invalids), Valid(scenario: "bestaat-niet", rationale: " ", date: "2099-01-01")));
        Assert.Contains(errors, e => e is ("scenarioCode", "Het scenario ‘bestaat-niet’ bestaat niet in de landelijke bibliotheek of de eigen scenario's van de gemeente."));
        Assert.Contains(errors, e => e is ("rationale", "Vul de onderbouwing van het college in."));
        Assert.Contains(errors, e => e.Field == "decisionDate" && e.Message.StartsWith("De besluitdatum moet tussen", StringComparison.Ordinal));
        Assert.Contains(await ErrorsAsync(await coordinator.PostAsJsonAsync(Api(Invalids), Valid(date: "1990-05-01"))), e => e.Field == "decisionDate");
        // Not a date at all: the JSON does not bind (400), as for every typed field of the API.
        var notADate = await coordinator.PostAsJsonAsync(Api(Invalids), Valid(date: "2026-02-31"));
        Assert.Equal(HttpStatusCode.BadRequest, notADate.StatusCode);
        Assert.Equal("application/problem+json", notADate.Content.Headers.ContentType?.MediaType);
        Assert.Contains(await ErrorsAsync(await coordinator.PostAsJsonAsync(Api(Invalids), Valid(rationale: new string('a', 10_001)))),
            e => e is ("rationale", "De onderbouwing is 10.001 tekens lang; het mag hoogstens 8.000 tekens zijn."));
        Assert.Contains(await ErrorsAsync(await coordinator.PostAsJsonAsync(Api(Invalids), Valid(reason: "zonder correctie"))), e => e.Field == "correctionReason");
        Assert.Equal(0, await CountAsync(Invalids));

        // The form says the same and keeps what was typed.
        var refused = await HtmlForms.PostFormAsync(coordinator, $"{Pages(Invalids)}/nieuw", "besluit",
            [new("scenario", Library), new("titel", "Onderwerp"), new("onderbouwing", ""), new("besluitdatum", Today), new("opgesteld-door", "J."), new("vastgesteld-door", "College")]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Het besluit is niet vastgelegd:", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Pages(Invalids)}/nieuw#onderbouwing\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Onderwerp\"", html, StringComparison.Ordinal);
        var badDate = await HtmlForms.PostFormAsync(coordinator, $"{Pages(Invalids)}/nieuw", "besluit",
            [new("scenario", Library), new("titel", "Onderwerp"), new("onderbouwing", "Reden"), new("besluitdatum", "31-02-2026"), new("opgesteld-door", "J."), new("vastgesteld-door", "College")]);
        Assert.Contains("‘31-02-2026’ is geen datum; gebruik dd-mm-jjjj of jjjj-mm-dd.", WebUtility.HtmlDecode(await badDate.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(Invalids));
    }

    [Fact]
    public async Task A_stored_record_cannot_be_changed_or_removed_through_ef_or_http()
    {
        var coordinator = await App.UserAsync(Roles.Coordinator, G);
        var number = (await CreatedAsync(await coordinator.PostAsJsonAsync(Api(G), Valid(title: "Onveranderlijk")))).GetProperty("number").GetInt32();
        var before = await RowAsync(G, number);

        var update = await Assert.ThrowsAsync<DecisionRecordImmutableException>(() => App.WithDbAsync(async db =>
        {
            var row = await db.DecisionRecords.IgnoreQueryFilters().SingleAsync(d => d.Id == before.Id);
            row.Rationale = "Achteraf anders opgeschreven.";
            return await db.SaveChangesAsync();
        }));
        Assert.Contains("kan niet worden gewijzigd", update.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<DecisionRecordImmutableException>(() => App.WithDbAsync(async db =>
        {
            db.DecisionRecords.Remove(await db.DecisionRecords.IgnoreQueryFilters().SingleAsync(d => d.Id == before.Id));
            return await db.SaveChangesAsync();
        }));
        // Synchronously too, and attaching a changed copy does not get round it.
        Assert.Throws<DecisionRecordImmutableException>(() =>
        {
            using var scope = App.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<Weerbaar.Web.Data.AppDbContext>();
            var copy = db.DecisionRecords.IgnoreQueryFilters().AsNoTracking().Single(d => d.Id == before.Id);
            copy.Title = "Anders";
            db.DecisionRecords.Update(copy);
            db.SaveChanges();
        });
        // Bulk statements through EF are refused before they reach the database.
        await Assert.ThrowsAsync<DecisionRecordImmutableException>(() => App.WithDbAsync(db =>
            db.DecisionRecords.IgnoreQueryFilters().Where(d => d.Id == before.Id).ExecuteUpdateAsync(u => u.SetProperty(d => d.Title, "Stiekem"))));
        await Assert.ThrowsAsync<DecisionRecordImmutableException>(() => App.WithDbAsync(db =>
            db.DecisionRecords.IgnoreQueryFilters().Where(d => d.Id == before.Id).ExecuteDeleteAsync()));
        var after = await RowAsync(G, number);
        Assert.Equal((before.Title, before.Rationale, before.InputsJson, before.ScenarioCode), (after.Title, after.Rationale, after.InputsJson, after.ScenarioCode));

        // No method changes one, and there is no edit page.
        foreach (var method in new[] { HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete })
        {
            var response = await coordinator.SendAsync(new HttpRequestMessage(method, $"{Api(G)}/{number}") { Content = JsonContent.Create(Valid()) });
            Assert.True(response.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound, $"{method}: {(int)response.StatusCode}");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"{Pages(G)}/{number}/bewerken")).StatusCode);
        var page = await coordinator.GetStringAsync($"{Pages(G)}/{number}");
        Assert.Equal(["/uitloggen"], HtmlForms.PostFormHandlers(page).Distinct());
        Assert.Equal(after.Title, (await RowAsync(G, number)).Title);
    }

    [Fact]
    public async Task Records_made_at_the_same_time_get_consecutive_unique_numbers()
    {
        var coordinator = await App.UserAsync(Roles.Coordinator, Numbering);
        var start = await CountAsync(Numbering);
        var responses = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => coordinator.PostAsJsonAsync(Api(Numbering), Valid(title: $"Gelijktijdig {i}"))));
        var numbers = new List<int>();
        foreach (var r in responses)
        {
            numbers.Add((await CreatedAsync(r)).GetProperty("number").GetInt32());
        }
        Assert.Equal(Enumerable.Range(start + 1, 6), numbers.Order());
        var list = await coordinator.GetFromJsonAsync<JsonElement>(Api(Numbering));
        Assert.Equal(numbers.OrderDescending(), list.EnumerateArray().Select(e => e.GetProperty("number").GetInt32()).Take(6));
    }

    [Fact]
    public async Task Another_gemeente_reads_nothing_and_records_nothing()
    {
        var coordinator = await App.UserAsync(Roles.Coordinator, G);
        var number = (await CreatedAsync(await coordinator.PostAsJsonAsync(Api(G), Valid(title: "Alleen voor Ouder-Amstel")))).GetProperty("number").GetInt32();
        var before = await CountAsync(G);
        var stranger = await App.UserAsync(Roles.Coordinator, Other);
        foreach (var url in new[] { Api(G), $"{Api(G)}/{number}", $"{Api(G)}/{number}/collegevoorstel",
                     Pages(G), $"{Pages(G)}/nieuw", $"{Pages(G)}/{number}", $"{Pages(G)}/{number}/collegevoorstel.docx" })
        {
            var response = await stranger.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
        }
        Assert.True((await stranger.PostAsJsonAsync(Api(G), Valid())).StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound);
        Assert.Equal(before, await CountAsync(G));
        // Its own list holds none of them.
        var own = await stranger.GetFromJsonAsync<JsonElement>(Api(Other));
        Assert.DoesNotContain(own.EnumerateArray(), e => e.GetProperty("gemeentecode").GetString() == G);

        // The veiligheidsregio reads along; a lezer reads but cannot record.
        var regio = App.Services.GetRequiredService<ReferenceData>().Gemeente(G)!.VeiligheidsregioCode;
        var regioClient = await App.UserAsync(Roles.Regio, regio: regio);
        Assert.Equal(HttpStatusCode.OK, (await regioClient.GetAsync($"{Api(G)}/{number}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await regioClient.PostAsJsonAsync(Api(G), Valid())).StatusCode);
        var lezer = await App.UserAsync(Roles.Lezer, G);
        Assert.Equal(HttpStatusCode.Forbidden, (await lezer.PostAsJsonAsync(Api(G), Valid())).StatusCode);
        var form = await lezer.GetStringAsync($"{Pages(G)}/nieuw");
        Assert.Equal(["/uitloggen"], HtmlForms.PostFormHandlers(form).Distinct());
        Assert.Equal(before, await CountAsync(G));
    }

    [Fact]
    public async Task The_coordinator_records_a_decision_with_the_form()
    {
        await SeedInputsAsync();
        var coordinator = await App.UserAsync(Roles.Coordinator, G);
        var form = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"{Pages(G)}/nieuw"));
        Assert.Contains("Dijkdoorbraak langs de Amstel", form, StringComparison.Ordinal);
        Assert.Contains(LibraryName, form, StringComparison.Ordinal);
        Assert.Contains("value=\"Test coordinator\"", form, StringComparison.Ordinal);

        var saved = await HtmlForms.PostFormAsync(coordinator, $"{Pages(G)}/nieuw", "besluit",
            [new("scenario", "eigen-dijkdoorbraak-amstel"), new("titel", "Eerst de dijkdoorbraak"), new("onderbouwing", "De Amstel is het grootste risico."),
             new("besluitdatum", Today), new("opgesteld-door", "Test coordinator"), new("vastgesteld-door", "College van B en W")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var location = saved.Headers.Location!.IsAbsoluteUri ? saved.Headers.Location.PathAndQuery : saved.Headers.Location.OriginalString;
        Assert.StartsWith($"{Pages(G)}/", location, StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync(location));
        Assert.Contains("Het besluit is vastgelegd", page, StringComparison.Ordinal);
        Assert.Contains("Dijkdoorbraak langs de Amstel", page, StringComparison.Ordinal);
        Assert.Contains("Gebruikte gegevens en hun versie", page, StringComparison.Ordinal);
        Assert.Contains("Prioriteitsrangorde", page, StringComparison.Ordinal);
        Assert.Contains("niet vastgelegd", page, StringComparison.Ordinal);
        Assert.Contains("collegevoorstel.docx", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_collegevoorstel_is_a_word_document_with_the_decision_and_its_inputs()
    {
        await SeedInputsAsync();
        var coordinator = await App.UserAsync(Roles.Coordinator, G);
        var created = await CreatedAsync(await coordinator.PostAsJsonAsync(Api(G), Valid(title: "Collegevoorstel stroomuitval",
            rationale: "Eerste argument van het college.\n\nTweede argument.")));
        var number = created.GetProperty("number").GetInt32();

        foreach (var url in new[] { $"{Api(G)}/{number}/collegevoorstel", $"{Pages(G)}/{number}/collegevoorstel.docx" })
        {
            var response = await coordinator.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal($"collegevoorstel-{G.ToLowerInvariant()}-besluit-{number}.docx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
            using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
            using var word = WordprocessingDocument.Open(stream, false);
            var body = word.MainDocumentPart!.Document.Body!;
            var text = string.Concat(body.Descendants<Wp.Text>().Select(t => t.Text));
            foreach (var expected in new[] { "Collegevoorstel", "Collegevoorstel stroomuitval", LibraryName, "Eerste argument van het college.", "Tweede argument.",
                         "Ouder-Amstel", $"{G}-besluit-{number}", "Voorstel", "Aanleiding", "Beoogd effect", "Argumenten", "Kanttekeningen en risico's",
                         "Financiën", "n.v.t. in dit besluit.", "Communicatie", "Vervolg", "Bijlagen en gebruikte gegevens",
                         "Risicomethode", Weerbaar.Analysis.Risk.RiskMethod.Default.Version, "Landelijke scenariobibliotheek", "Prioriteitsgewichten", "versie 4", "versie 3" })
            {
                Assert.Contains(expected, text, StringComparison.Ordinal);
            }
            // The input versions are a real table: library, method, own scenario, weights, allocation, scan, norms, noodsteunpunten (+ header).
            var versions = body.Descendants<Wp.Table>().Single(t => t.InnerText.StartsWith("Gegeven", StringComparison.Ordinal));
            Assert.Equal(9, versions.Elements<Wp.TableRow>().Count());
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteDecisionRecordTests(SqliteAppFixture fixture) : DecisionRecordTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresDecisionRecordTests(PostgresAppFixture fixture) : DecisionRecordTests(fixture);
