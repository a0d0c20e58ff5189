using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Locations;
using Weerbaar.Web.Features.Scenarios;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Allocation;

/// <summary>The allocation plan and run over the API: versioned saves, refusals with every error, the scenario tie, the demand groups and the answer.</summary>
public abstract class AllocationApiTests(AppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;

    // Aalsmeer: 9 buurten in the CBS file, all with a CBS/Kadaster point. Urk is the other gemeente for isolation.
    private const string Aalsmeer = "GM0358", Urk = "GM0184";

    private static string PlanUrl(string g) => $"/api/v1/gemeenten/{g}/allocation-plan";

    private static string RunUrl(string g) => $"/api/v1/gemeenten/{g}/allocation";

    /// <summary>Two noodsteunpunten at the points of the gemeente's first two buurten (by code), once per database.</summary>
    private async Task<List<Guid>> PointsAsync(string gemeente)
        => await App.WithDbAsync(async db =>
        {
            var existing = await db.Noodsteunpunten.Where(n => n.GemeenteCode == gemeente).OrderBy(n => n.Name).Select(n => n.Id).ToListAsync();
            if (existing.Count > 0)
            {
                return existing;
            }
            var prefix = "BU" + gemeente[2..];
            var at = await db.BuurtPoints.Where(p => p.BuurtCode.StartsWith(prefix)).OrderBy(p => p.BuurtCode).Take(2).ToListAsync();
            var points = at.Select((p, i) => new Noodsteunpunt
            {
                GemeenteCode = gemeente,
                Name = $"Noodsteunpunt {i + 1} (test)",
                Latitude = p.Latitude,
                Longitude = p.Longitude,
                UpdatedBy = "test",
            }).ToList();
            db.Noodsteunpunten.AddRange(points);
            db.Noodsteunpunten.Add(new Noodsteunpunt { GemeenteCode = gemeente, Name = "Noodsteunpunt zonder plek (test)", UpdatedBy = "test" });
            await db.SaveChangesAsync();
            return points.Select(p => p.Id).ToList();
        });

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static string[] Fields(JsonElement problem) => [.. problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()!)];

    [Fact]
    public async Task A_plan_is_saved_read_back_and_a_stale_version_is_refused_without_change()
    {
        const string g = "GM0221"; // Doesburg
        var points = await PointsAsync(g);
        var coordinator = await App.UserAsync(Roles.Coordinator, g);
        var initial = await coordinator.GetFromJsonAsync<JsonElement>(PlanUrl(g));
        Assert.Equal(0, initial.GetProperty("version").GetInt32());
        Assert.Equal(12, initial.GetProperty("periods").GetInt32());
        Assert.Equal("strikte-prioriteit", initial.GetProperty("policy").GetString());
        Assert.Equal(2, initial.GetProperty("points").GetArrayLength()); // the one without coordinates cannot hold stock
        Assert.Contains(initial.GetProperty("needDefaults").EnumerateArray(), n => n.GetProperty("source").GetString()!.Contains("3 liter drinkwater per persoon per dag", StringComparison.Ordinal));

        var plan = new
        {
            version = 0,
            periods = 8,
            policy = "max-min",
            minimumServiceLevel = 0.25,
            maxDistanceMeters = 1500.0,
            carryOver = false,
            resources = new[]
            {
                new { code = "drinkwater", stock = new[] { new { point = points[0].ToString(), initial = 1000.0, deliveries = new[] { 0.0, 200, 0, 300 } } } },
                new { code = "zorg", stock = new[] { new { point = points[1].ToString(), initial = 40.0, deliveries = Array.Empty<double>() } } },
            },
            groups = new[] { new { code = "zorgafhankelijk", tier = 1, need = new Dictionary<string, double> { ["drinkwater"] = 1.5, ["zorg"] = 0.75 } } },
        };
        var saved = await Json(await coordinator.PutAsJsonAsync(PlanUrl(g), plan));
        Assert.Equal(1, saved.GetProperty("version").GetInt32());

        var read = await coordinator.GetFromJsonAsync<JsonElement>(PlanUrl(g));
        Assert.Equal((1, 8, "max-min", 0.25, 1500.0, false), (read.GetProperty("version").GetInt32(), read.GetProperty("periods").GetInt32(), read.GetProperty("policy").GetString(),
            read.GetProperty("minimumServiceLevel").GetDouble(), read.GetProperty("maxDistanceMeters").GetDouble(), read.GetProperty("carryOver").GetBoolean()));
        var water = read.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "drinkwater");
        Assert.Equal("liter", water.GetProperty("unit").GetString());
        Assert.Equal(1000, water.GetProperty("stock")[0].GetProperty("initial").GetDouble());
        Assert.Equal([0.0, 200, 0, 300], water.GetProperty("stock")[0].GetProperty("deliveries").EnumerateArray().Select(x => x.GetDouble()));
        var groups = read.GetProperty("groups").EnumerateArray().ToDictionary(x => x.GetProperty("code").GetString()!);
        Assert.Equal(4, groups.Count); // the groups not sent keep their defaults
        Assert.Equal(1.5, groups["zorgafhankelijk"].GetProperty("need").GetProperty("drinkwater").GetDouble());
        Assert.Equal(0.75, groups["overig"].GetProperty("need").GetProperty("drinkwater").GetDouble());
        Assert.Equal(0.125, groups["alleen-75plus"].GetProperty("need").GetProperty("zorg").GetDouble());
        Assert.Equal(4, groups["overig"].GetProperty("tier").GetInt32());

        var stale = await coordinator.PutAsJsonAsync(PlanUrl(g), plan with { });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Contains("niets opgeslagen", (await Json(stale)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var after = await coordinator.GetFromJsonAsync<JsonElement>(PlanUrl(g));
        Assert.Equal(read.GetRawText(), after.GetRawText());

        // Without a version the last write wins.
        var unversioned = await Json(await coordinator.PutAsJsonAsync(PlanUrl(g), new { periods = 4, resources = new[] { new { code = "maaltijden" } } }));
        Assert.Equal((2, 4), (unversioned.GetProperty("version").GetInt32(), unversioned.GetProperty("periods").GetInt32()));
    }

    [Fact]
    public async Task Hostile_input_is_refused_whole_with_every_error_and_nothing_changes()
    {
        const string g = "GM0226"; // Duiven
        var points = await PointsAsync(g);
        var coordinator = await App.UserAsync(Roles.Coordinator, g);
        var before = await coordinator.GetFromJsonAsync<JsonElement>(PlanUrl(g));

        var bad = await coordinator.PutAsJsonAsync(PlanUrl(g), new
        {
            version = 0,
            scenario = "bestaat-niet",
            periods = 1_000_000_000,
            policy = "willekeurig",
            minimumServiceLevel = 2.0,
            maxDistanceMeters = -5.0,
            resources = new object[]
            {
                new { code = "drinkwater", stock = new object[]
                {
                    new { point = points[0].ToString(), initial = -10.0, deliveries = new[] { 1.0, -1 } },
                    new { point = Guid.NewGuid().ToString(), initial = 5.0 },
                } },
                new { code = "goud" },
            },
            groups = new object[]
            {
                new { code = "zorgafhankelijk", tier = 0, need = new Dictionary<string, double> { ["drinkwater"] = -1, ["goud"] = 1 } },
                new { code = "marsbewoners", tier = 1 },
            },
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var problem = await Json(bad);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var fields = Fields(problem);
        foreach (var field in new[] { "scenario", "periodes", "beleid", "minimum", "afstand", $"voorraad-drinkwater-{points[0]}", $"levering-drinkwater-{points[0]}",
            "hulpmiddelen", "tier-zorgafhankelijk", "behoefte-zorgafhankelijk-drinkwater", "behoefte-zorgafhankelijk-goud", "groepen" })
        {
            Assert.Contains(field, fields);
        }
        Assert.Contains(fields, f => f.StartsWith("voorraad-drinkwater-", StringComparison.Ordinal) && !f.EndsWith(points[0].ToString(), StringComparison.Ordinal));
        var messages = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()!).ToList();
        Assert.Contains(messages, m => m.Contains("1 miljard", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("van 1 tot en met 12", StringComparison.Ordinal));

        // NaN is not a JSON number; a body far beyond any plan is refused before it is read.
        var nan = await coordinator.PutAsync(PlanUrl(g), new StringContent(
            "{\"resources\":[{\"code\":\"drinkwater\",\"stock\":[{\"point\":\"" + points[0] + "\",\"initial\":\"NaN\"}]}]}", Encoding.UTF8, "application/json"));
        Assert.Equal("application/problem+json", nan.Content.Headers.ContentType?.MediaType);
        if (nan.StatusCode == HttpStatusCode.UnprocessableEntity)
        {
            Assert.Contains($"voorraad-drinkwater-{points[0]}", Fields(await Json(nan)));
        }
        else
        {
            Assert.Equal(HttpStatusCode.BadRequest, nan.StatusCode);
        }
        var huge = new StringBuilder("""{"resources":[{"code":"drinkwater","stock":[{"point":"x","deliveries":[""");
        huge.Append(string.Join(',', Enumerable.Repeat("1", 600_000))).Append("]}]}]}");
        var tooLarge = await coordinator.PutAsync(PlanUrl(g), new StringContent(huge.ToString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);

        var after = await coordinator.GetFromJsonAsync<JsonElement>(PlanUrl(g));
        Assert.Equal(before.GetRawText(), after.GetRawText());
        Assert.False(await App.WithDbAsync(db => db.AllocationPlans.AnyAsync(p => p.GemeenteCode == g)));
    }

    [Fact]
    public async Task Choosing_a_scenario_sets_its_scarce_resources_and_periods()
    {
        const string g = "GM0246"; // Elburg
        await PointsAsync(g);
        var coordinator = await App.UserAsync(Roles.Coordinator, g);
        var library = ScenarioLibrary.LoadNewest();
        var outage = library.Scenarios.Single(s => s.Code == "langdurige-stroomuitval");
        Assert.Equal(96, outage.TypicalDurationHours);

        var saved = await Json(await coordinator.PutAsJsonAsync(PlanUrl(g), new { version = 0, scenario = "langdurige-stroomuitval" }));
        Assert.Equal("langdurige-stroomuitval", saved.GetProperty("scenario").GetString());
        Assert.Equal(outage.ScarceResources, saved.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("code").GetString()));
        Assert.Equal(12, saved.GetProperty("periods").GetInt32()); // 96 hours, capped at the first 72: 12 × 6 hours
        var care = saved.GetProperty("groups").EnumerateArray().Single(x => x.GetProperty("code").GetString() == "zorgafhankelijk");
        Assert.Equal(1.0, care.GetProperty("need").GetProperty("stroom").GetDouble());

        // Telecom outage: 48 hours → 8 periods; the user may still adjust the periods.
        var telecom = await Json(await coordinator.PutAsJsonAsync(PlanUrl(g), new { version = 1, scenario = "telecomuitval" }));
        Assert.Equal(8, telecom.GetProperty("periods").GetInt32());
        Assert.Equal(["zorg", "vervoer"], telecom.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("code").GetString()!));
        var adjusted = await Json(await coordinator.PutAsJsonAsync(PlanUrl(g), new { version = 2, scenario = "telecomuitval", periods = 3 }));
        Assert.Equal(3, adjusted.GetProperty("periods").GetInt32());

        // The gemeente's own scenario, same resource codes.
        await App.WithDbAsync(async db =>
        {
            db.OwnScenarios.Add(new OwnScenario
            {
                GemeenteCode = g,
                Code = "eigen-dijkdoorbraak-test",
                Name = "Dijkdoorbraak (test)",
                Description = "Test",
                TypicalDurationHours = 20,
                ScarceResources = ["opvang", "vervoer"],
                UpdatedBy = "test",
            });
            return await db.SaveChangesAsync();
        });
        var own = await Json(await coordinator.PutAsJsonAsync(PlanUrl(g), new { version = 3, scenario = "eigen-dijkdoorbraak-test" }));
        Assert.Equal(4, own.GetProperty("periods").GetInt32());
        Assert.Equal(["opvang", "vervoer"], own.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("code").GetString()!));
        Assert.Contains(own.GetProperty("scenarios").EnumerateArray(), s => s.GetProperty("code").GetString() == "eigen-dijkdoorbraak-test" && s.GetProperty("own").GetBoolean());
    }

    [Fact]
    public async Task Demand_groups_per_buurt_add_up_to_the_residents_and_match_a_hand_worked_buurt()
    {
        await PointsAsync(Aalsmeer);
        var lezer = await App.UserAsync(Roles.Lezer, Aalsmeer);
        var result = await Json(await lezer.GetAsync(RunUrl(Aalsmeer)));
        var buurten = result.GetProperty("buurten").EnumerateArray().ToList();
        Assert.NotEmpty(buurten);
        foreach (var b in buurten)
        {
            var groups = b.GetProperty("groups").EnumerateObject().Select(x => x.Value.GetDouble()).ToList();
            Assert.Equal(4, groups.Count);
            Assert.All(groups, x => Assert.True(x >= 0));
            Assert.Equal(b.GetProperty("residents").GetInt32(), groups.Sum(), 6);
        }
        // BU03580000 Centrum in the CBS file: 2,990 residents, 365 aged 0–15, 835 aged 65+ (default assumptions, no register):
        // 75+ alone = 835 × 0.46 × 0.42 = 161.322, of whom 30 % not self-reliant = 48.3966;
        // other 65+ = (835 − 161.322) × 0.05 = 33.6839; under 65 = (2,990 − 835) × 0.02 = 43.1;
        // care = 48.3966 + 33.6839 + 43.1 = 125.1805; 75+ alone (not care) = 112.9254; infants = 365 × 4/15 × 2 = 194.6667;
        // everyone else = 2,990 − 125.1805 − 112.9254 − 194.6667 = 2,557.2274.
        var centrum = buurten.Single(b => b.GetProperty("buurtcode").GetString() == "BU03580000").GetProperty("groups");
        Assert.Equal(125.1805, centrum.GetProperty("zorgafhankelijk").GetDouble(), 3);
        Assert.Equal(112.9254, centrum.GetProperty("alleen-75plus").GetDouble(), 3);
        Assert.Equal(194.6667, centrum.GetProperty("jonge-kinderen").GetDouble(), 3);
        Assert.Equal(2557.2274, centrum.GetProperty("overig").GetDouble(), 3);
        Assert.Contains("CBS", result.GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, result.GetProperty("buurtenWithoutLocation").GetInt32());
    }

    [Fact]
    public async Task The_answer_never_exceeds_the_stock_and_strict_priority_serves_tiers_in_order()
    {
        const string g = "GM0531"; // Hendrik-Ido-Ambacht
        var points = await PointsAsync(g);
        var coordinator = await App.UserAsync(Roles.Coordinator, g);
        // About 31,000 residents: per period tier 1 needs some 750 litres and tier 2 some 2,800: the stock covers tier 1
        // and part of tier 2, nothing of tier 4. A 10 km reach puts every buurt within reach of both points.
        var saved = await coordinator.PutAsJsonAsync(PlanUrl(g), new
        {
            periods = 4,
            maxDistanceMeters = 10_000.0,
            resources = new[] { new { code = "drinkwater", stock = points.Select(p => new { point = p.ToString(), initial = 2000.0, deliveries = new[] { 0.0, 1000, 1000, 1000 } }).ToArray() } },
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var result = await Json(await coordinator.GetAsync(RunUrl(g)));
        Assert.Equal("strikte-prioriteit", result.GetProperty("policy").GetString());
        Assert.Contains(result.GetProperty("status").GetString(), new[] { "optimaal", "optimaal-zonder-minimum" });
        var water = result.GetProperty("resources")[0];
        var supply = water.GetProperty("supplyPerPeriod").EnumerateArray().Select(x => x.GetDouble()).ToList();
        var served = water.GetProperty("servedPerPeriod").EnumerateArray().Select(x => x.GetDouble()).ToList();
        Assert.Equal([4000.0, 2000, 2000, 2000], supply);
        double cumulativeSupply = 0, cumulativeServed = 0;
        for (var t = 0; t < 4; t++)
        {
            (cumulativeSupply, cumulativeServed) = (cumulativeSupply + supply[t], cumulativeServed + served[t]);
            Assert.True(cumulativeServed <= cumulativeSupply + 1e-6, $"period {t}: {cumulativeServed} > {cumulativeSupply}");
        }
        Assert.True(water.GetProperty("served").GetDouble() <= 10_000 + 1e-6);
        Assert.True(water.GetProperty("unmet").GetDouble() > 0);
        foreach (var cell in result.GetProperty("cells").EnumerateArray())
        {
            Assert.True(cell.GetProperty("served").GetDouble() <= cell.GetProperty("need").GetDouble() + 1e-6);
            Assert.False(string.IsNullOrWhiteSpace(cell.GetProperty("explanation").GetString()));
        }

        var tiers = result.GetProperty("byTier").EnumerateArray().ToDictionary(x => int.Parse(x.GetProperty("key").GetString()!), x => x.GetProperty("serviceFraction").GetDouble());
        Assert.Equal(1.0, tiers[1], 6); // tier 1 is fully served
        Assert.True(tiers[1] >= tiers[2] && tiers[2] >= tiers[4], string.Join(", ", tiers));

        var comparison = result.GetProperty("comparison").EnumerateArray().ToList();
        Assert.Equal(new[] { "max-min", "naar-rato", "strikte-prioriteit" }, comparison.Select(c => c.GetProperty("policy").GetString()).Order());
        Assert.All(comparison, c =>
        {
            Assert.InRange(c.GetProperty("gini").GetDouble(), 0, 1);
            Assert.Equal(c.GetProperty("unmet").GetDouble(), c.GetProperty("unmetPerTier").EnumerateObject().Sum(t => t.Value.GetDouble()), 3);
        });
        // Every policy divides the same stock: their unmet totals are at least need − stock.
        var need = water.GetProperty("need").GetDouble();
        Assert.All(comparison, c => Assert.True(c.GetProperty("unmet").GetDouble() >= need - 10_000 - 1e-6));
    }

    [Fact]
    public async Task A_coordinator_of_another_gemeente_can_neither_read_nor_change_the_plan()
    {
        await PointsAsync(Aalsmeer);
        var owner = await App.UserAsync(Roles.Coordinator, Aalsmeer);
        var before = await owner.GetFromJsonAsync<JsonElement>(PlanUrl(Aalsmeer));
        var other = await App.UserAsync(Roles.Coordinator, Urk);
        foreach (var response in new[]
        {
            await other.GetAsync(PlanUrl(Aalsmeer)),
            await other.PutAsJsonAsync(PlanUrl(Aalsmeer), new { periods = 2, resources = new[] { new { code = "maaltijden" } } }),
            await other.GetAsync(RunUrl(Aalsmeer)),
            await other.GetAsync($"/gemeenten/{Aalsmeer}/schaarste"),
            await other.GetAsync($"/gemeenten/{Aalsmeer}/schaarste/verdeling?bereken=ja"),
        })
        {
            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        }
        var lezer = await App.UserAsync(Roles.Lezer, Aalsmeer);
        Assert.Equal(HttpStatusCode.Forbidden, (await lezer.PutAsJsonAsync(PlanUrl(Aalsmeer), new { periods = 2 })).StatusCode);
        var after = await owner.GetFromJsonAsync<JsonElement>(PlanUrl(Aalsmeer));
        Assert.Equal(before.GetRawText(), after.GetRawText());
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.AdminAsync()).GetAsync(PlanUrl("GM9998"))).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteAllocationApiTests(SqliteAppFixture fixture) : AllocationApiTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresAllocationApiTests(PostgresAppFixture fixture) : AllocationApiTests(fixture);
