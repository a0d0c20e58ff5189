using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.CrisisKit.Contacts;
using Weerbaar.Web.Features.Programme;

namespace Weerbaar.Web.Tests.CrisisKit;

/// <summary>
/// The crisis team pack of a gemeente: every noodsteunpunt with the buurten nearest to it (checked against a textbook
/// haversine), the vulnerable locations by the hours they hold out, the college's chosen scenario with the actions and
/// open measures for it; its PDF and offline HTML; its roles; its versions and what makes one stale.
/// </summary>
public abstract partial class NoodsteunpuntPackTests
{
    private const string Team = "GM0177"; // Raalte: no other test uses it
    private const string TeamVersions = "GM0180"; // Staphorst: no other test uses it

    private static string TeamApi(string gemeente) => $"/api/v1/gemeenten/{gemeente}/crisis-kit/crisisteam";

    [Fact]
    public async Task The_crisis_team_pack_holds_every_noodsteunpunt_with_its_catchment_and_the_locations_by_hours()
    {
        var s = await SeedAsync(Team);
        await App.WithDbAsync(async db =>
        {
            if (!await db.VulnerableLocations.IgnoreQueryFilters().AnyAsync(l => l.GemeenteCode == Team && l.Name == "Thuiszorg zonder adres"))
            {
                db.VulnerableLocations.Add(new Features.Locations.VulnerableLocation
                {
                    GemeenteCode = Team,
                    Category = "thuiszorg",
                    Name = "Thuiszorg zonder adres",
                    People = 25,
                    HoursWithoutPower = 2,
                    UpdatedBy = "test",
                });
                await db.SaveChangesAsync();
            }
            return true;
        });
        var coordinator = await App.UserAsync(Roles.Coordinator, Team);
        using var pack = JsonDocument.Parse(await coordinator.GetStringAsync(TeamApi(Team) + "/pack"));
        var root = pack.RootElement;

        var points = root.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal([1, 2], points.Select(p => p.GetProperty("number").GetInt32()));
        var byName = points.ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("number").GetInt32());
        var a = byName["Packtest Zuid"];
        var b = byName["Packtest Noord"];
        foreach (var buurt in root.GetProperty("buurten").EnumerateArray())
        {
            if (!s.Buurten.TryGetValue(buurt.GetProperty("code").GetString()!, out var at))
            {
                Assert.Equal(JsonValueKind.Null, buurt.GetProperty("point").ValueKind); // a buurt without a location belongs to no point
                continue;
            }
            var expected = Haversine((at.Lat, at.Lon), s.PointA) < Haversine((at.Lat, at.Lon), s.PointB) ? a : b;
            Assert.Equal(expected, buurt.GetProperty("point").GetInt32());
        }
        var residentsA = s.Buurten.Where(x => Haversine((x.Value.Lat, x.Value.Lon), s.PointA) < Haversine((x.Value.Lat, x.Value.Lon), s.PointB)).Sum(x => x.Value.Residents);
        Assert.Equal(residentsA, points.Single(p => p.GetProperty("number").GetInt32() == a).GetProperty("residents").GetInt32());
        Assert.Equal(s.Buurten.Values.Sum(x => x.Residents), points.Sum(p => p.GetProperty("residents").GetInt32()));

        // Fewest hours first; one without a location has no noodsteunpunt.
        var locations = root.GetProperty("locations").EnumerateArray().ToList();
        Assert.Equal(["Thuiszorg zonder adres", LocationName], locations.Select(l => l.GetProperty("location").GetProperty("name").GetString()));
        Assert.Equal(JsonValueKind.Null, locations[0].GetProperty("point").ValueKind);
        Assert.Equal(("Packtest Zuid", a), (locations[1].GetProperty("pointName").GetString(), locations[1].GetProperty("point").GetInt32()));
        Assert.Contains(root.GetProperty("summary").EnumerateArray(), x => x.GetString()!.StartsWith("Raalte telt", StringComparison.Ordinal));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("scenario").ValueKind);
        Assert.Equal("Waterbedrijf Packtest", Assert.Single(root.GetProperty("contacts").EnumerateArray()).GetProperty("organisation").GetString());

        // The PDF: its tables, and on every page the version, date and checksum of this content.
        var sha = Convert.ToHexStringLower(SHA256.HashData(await coordinator.GetByteArrayAsync(TeamApi(Team) + "/pack")));
        var response = await coordinator.GetAsync(TeamApi(Team) + "/pack.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using (var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync()))
        {
            var pages = pdf.GetPages().Select(p => p.Text.Replace(" ", "", StringComparison.Ordinal)).ToList();
            var all = string.Join("\n", pages);
            foreach (var expected in new[] { "De gemeente in het kort", "Noodsteunpunten (het nummer staat ook op de kaart)", "Packtest Zuid", "Packtest Noord",
                         "Verdeling van schaarse middelen", "Gekozen scenario en maatregelen", "Waterbedrijf Packtest", "Kwetsbare locaties, wie het eerst in de problemen komt bovenaan",
                         LocationName, "Thuiszorg zonder adres", "Logboek (in te vullen)", "Bron: CBS/Kadaster" })
            {
                Assert.Contains(expected.Replace(" ", "", StringComparison.Ordinal), all, StringComparison.Ordinal);
            }
            for (var i = 0; i < pages.Count; i++)
            {
                Assert.Contains($"Concept·", pages[i], StringComparison.Ordinal);
                Assert.Contains($"SHA-256{sha[..12]}", pages[i], StringComparison.Ordinal);
                Assert.Contains($"Pagina{i + 1}van{pages.Count}", pages[i], StringComparison.Ordinal);
            }
        }

        // The offline HTML: nothing from outside, the map inline, the content it names the checksum of.
        var html = await coordinator.GetStringAsync(TeamApi(Team) + "/pack.html");
        Assert.DoesNotMatch(ExternalReference(), html);
        Assert.Contains("data-laag=\"noodsteunpunt\" data-nummer=\"2\"", html, StringComparison.Ordinal);
        var block = Encoding.UTF8.GetBytes(ContentBlock().Match(html).Groups[1].Value);
        Assert.Equal(sha, Convert.ToHexStringLower(SHA256.HashData(block)));
        Assert.Contains($"Controlegetal (SHA-256 van de inhoud): {sha}", WebUtility.HtmlDecode(html), StringComparison.Ordinal);

        // A lezer's pack has no register; another gemeente gets nothing.
        var lezer = await App.UserAsync(Roles.Lezer, Team);
        using (var lezerPack = JsonDocument.Parse(await lezer.GetStringAsync(TeamApi(Team) + "/pack")))
        {
            Assert.Equal(JsonValueKind.Null, lezerPack.RootElement.GetProperty("locations").ValueKind);
        }
        var lezerHtml = WebUtility.HtmlDecode(await lezer.GetStringAsync(TeamApi(Team) + "/pack.html"));
        Assert.DoesNotContain(LocationName, lezerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("0592 000 000", lezerHtml, StringComparison.Ordinal);
        Assert.Contains("Niet in deze uitgave", lezerHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await lezer.PostAsync(TeamApi(Team) + "/versions", null)).StatusCode);
        var stranger = await App.UserAsync(Roles.Coordinator, Other);
        foreach (var path in new[] { "/pack", "/pack.pdf", "/pack.html", "/status" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync(TeamApi(Team) + path)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsync(TeamApi(Team) + "/versions", null)).StatusCode);
    }

    [Fact]
    public async Task The_crisis_team_pack_names_the_chosen_scenario_and_goes_stale_when_its_sources_change()
    {
        await SeedAsync(TeamVersions);
        var coordinator = await App.UserAsync(Roles.Coordinator, TeamVersions);
        var versions = TeamApi(TeamVersions) + "/versions";
        Task<JsonElement> StatusAsync() => coordinator.GetFromJsonAsync<JsonElement>(TeamApi(TeamVersions) + "/status");

        Assert.Equal(JsonValueKind.Null, (await StatusAsync()).GetProperty("latest").ValueKind);
        var first = await coordinator.PostAsync(versions, null);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var v1 = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, v1.GetProperty("number").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync(versions, null)).StatusCode);
        Assert.False((await StatusAsync()).GetProperty("stale").GetBoolean());

        async Task ExpectChangedAsync(string[] labels, Func<Task> change)
        {
            await change();
            var status = await StatusAsync();
            Assert.True(status.GetProperty("stale").GetBoolean(), labels[0]);
            Assert.Equal(labels.Order(), status.GetProperty("changed").EnumerateArray().Select(c => c.GetString()!).Order());
            Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsync(versions, null)).StatusCode);
        }
        Task DbAsync(Func<Weerbaar.Web.Data.AppDbContext, Task> change) => App.WithDbAsync(async db =>
        {
            await change(db);
            await db.SaveChangesAsync();
            return true;
        });

        // The college chooses a scenario; an action of the programme answers it.
        await ExpectChangedAsync(["gekozen scenario en maatregelen"], async () =>
        {
            var decision = await coordinator.PostAsJsonAsync($"/api/v1/gemeenten/{TeamVersions}/decision-records", new
            {
                scenarioCode = "langdurige-stroomuitval",
                title = "Eerst voorbereiden op stroomuitval",
                rationale = "Het risico is het hoogst en de noodsteunpunten hebben nog geen noodstroom.",
                decisionDate = "2026-11-30",
                preparedBy = "J. de Vries, adviseur OOV",
                approvedBy = "College van B en W",
            });
            Assert.Equal(HttpStatusCode.Created, decision.StatusCode);
        });
        await ExpectChangedAsync(["gekozen scenario en maatregelen"], () => DbAsync(db =>
        {
            db.ProgrammeActions.Add(new ProgrammeAction
            {
                GemeenteCode = TeamVersions,
                Number = 2,
                Title = "Noodstroom voor de noodsteunpunten",
                Pillar = "VV",
                Phase = "koude-fase",
                GapKind = GapKinds.Scenario,
                GapReference = "langdurige-stroomuitval",
                OwnerDepartment = "Vastgoed",
                StartDate = new DateOnly(2027, 1, 1),
                Deadline = new DateOnly(2027, 6, 1),
                CreatedBy = "test",
                UpdatedBy = "test",
            });
            return Task.CompletedTask;
        }));
        using (var pack = JsonDocument.Parse(await coordinator.GetStringAsync(TeamApi(TeamVersions) + "/pack")))
        {
            var scenario = pack.RootElement.GetProperty("scenario");
            Assert.Equal("langdurige-stroomuitval", scenario.GetProperty("code").GetString());
            Assert.Equal("Langdurige stroomuitval (72 uur of langer)", scenario.GetProperty("name").GetString());
            var action = Assert.Single(scenario.GetProperty("actions").EnumerateArray());
            Assert.Equal(("A-2", "Noodstroom voor de noodsteunpunten"), (action.GetProperty("reference").GetString(), action.GetProperty("title").GetString()));
            // The open measures are the catalogue's for this scenario (read here from the catalogue file itself).
            var catalogue = MeasuresCatalogue.LoadNewest();
            Assert.Equal(catalogue.Measures.Where(m => m.Scenarios.Contains("langdurige-stroomuitval")).Select(m => m.Code).Order(StringComparer.Ordinal),
                scenario.GetProperty("openMeasures").EnumerateArray().Select(m => m.GetProperty("reference").GetString()!).Order(StringComparer.Ordinal));
        }
        await ExpectChangedAsync(["contacten"], () => DbAsync(db =>
        {
            db.CrisisContacts.Add(new CrisisContact { GemeenteCode = TeamVersions, Category = "netbeheerder", Organisation = "Netbeheerder Teamtest", Phone = "053 000 000", UpdatedBy = "test" });
            return Task.CompletedTask;
        }));
        await ExpectChangedAsync(["kwetsbare locaties"], () => DbAsync(async db =>
            (await db.VulnerableLocations.IgnoreQueryFilters().SingleAsync(l => l.GemeenteCode == TeamVersions)).HoursWithoutWater = 12));
        await ExpectChangedAsync(["noodsteunpunten en verzorgingsgebieden", "samenvatting van de foto en het bereik"], () => DbAsync(async db =>
            (await db.Noodsteunpunten.IgnoreQueryFilters().SingleAsync(n => n.GemeenteCode == TeamVersions && n.Name == "Packtest Noord")).Capacity = 120));
        Assert.Equal(6, (await StatusAsync()).GetProperty("latest").GetProperty("number").GetInt32());

        // Version 1 downloads as it was handed out.
        using (var document = PdfDocument.Open(await coordinator.GetByteArrayAsync(versions + "/1/pack.pdf")))
        {
            Assert.All(document.GetPages(), p => Assert.Contains("Versie1·", p.Text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal));
            Assert.DoesNotContain("Netbeheerder Teamtest", string.Join("\n", document.GetPages().Select(p => p.Text)), StringComparison.Ordinal);
        }
        var html = await coordinator.GetStringAsync(versions + "/1/pack.html");
        Assert.Equal(v1.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ContentBlock().Match(html).Groups[1].Value))));
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync(versions + "/99/pack.pdf")).StatusCode);

        // Handed to a member of the crisis team: in the custody register, and their copy names them on every page.
        var handout = await coordinator.PostAsJsonAsync(versions + "/6/handouts", new { recipientName = "Teamlid Crisistest", recipientRole = "Crisisteam" });
        Assert.Equal(HttpStatusCode.Created, handout.StatusCode);
        var h = await handout.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Crisisteam", 6, "current"), (h.GetProperty("noodsteunpuntName").GetString(), h.GetProperty("number").GetInt32(), h.GetProperty("state").GetString()));
        using (var copy = PdfDocument.Open(await coordinator.GetByteArrayAsync($"/api/v1/gemeenten/{TeamVersions}/crisis-kit/handouts/{h.GetProperty("id").GetGuid()}/pack.pdf")))
        {
            Assert.All(copy.GetPages(), p => Assert.Contains("Uitgereiktaan:TeamlidCrisistest", p.Text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal));
            Assert.Contains("CrisisteamStaphorst", copy.GetPage(1).Text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.PostAsJsonAsync(versions + "/99/handouts", new { recipientName = "Niemand" })).StatusCode);
        var custody = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/gemeenten/{TeamVersions}/crisiskit/uitgifte"));
        Assert.Contains("Crisisteam, versie 6 (nieuwste)", custody, StringComparison.Ordinal);
        Assert.Contains("Teamlid Crisistest", custody, StringComparison.Ordinal);
        // When the data in it changes, the holder's copy must be replaced.
        await DbAsync(db =>
        {
            db.CrisisContacts.Add(new CrisisContact { GemeenteCode = TeamVersions, Category = "ggd", Organisation = "GGD Teamtest", Phone = "038 111 111", UpdatedBy = "test" });
            return Task.CompletedTask;
        });
        var held = (await coordinator.GetFromJsonAsync<JsonElement[]>($"/api/v1/gemeenten/{TeamVersions}/crisis-kit/handouts"))!.Single(x => x.GetProperty("id").GetGuid() == h.GetProperty("id").GetGuid());
        Assert.Equal(("stale", true), (held.GetProperty("state").GetString(), held.GetProperty("mustBeReplaced").GetBoolean()));
    }
}
