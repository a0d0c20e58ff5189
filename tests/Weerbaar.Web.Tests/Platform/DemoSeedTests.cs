using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Afweging;
using Weerbaar.Web.Features.Demo;
using Weerbaar.Web.Features.Scan.Rounds;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Platform;

public sealed class DemoSeedTests
{
    [Fact]
    public async Task Demo_seed_creates_accounts_and_a_closed_round_once()
    {
        var dir = Path.Combine(Path.GetTempPath(), "weerbaar-demo-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var settings = new Dictionary<string, string> { ["Weerbaar:Demo:Seed"] = "true" };
        var connectionString = $"Data Source={Path.Combine(dir, "w.db")}";
        try
        {
            for (var start = 0; start < 2; start++)
            {
                await using var app = new WeerbaarFactory(DatabaseProvider.Sqlite, connectionString, dir, settings);
                var (rounds, responses, demoUsers) = await app.WithDbAsync(async db => (
                    await db.ScanRounds.Where(r => r.Name == DemoSeeder.DemoRoundName).ToListAsync(),
                    await db.ScanResponses.IgnoreQueryFilters().CountAsync(),
                    await db.Users.CountAsync(u => u.Email!.EndsWith("@weerbaar.demo"))));
                var round = Assert.Single(rounds);
                Assert.Equal(RoundStatus.Gesloten, round.Status);
                Assert.Equal(DemoSeeder.DemoResponseCount, responses);
                Assert.Equal(5, demoUsers);

                // Utrecht's afwegingskader has the three made-up assessments (once, however often the app starts), in order.
                var lezer = await app.UserAsync(Roles.Lezer, DemoSeeder.DemoGemeente);
                var priority = await lezer.GetFromJsonAsync<JsonElement>($"/api/v1/gemeenten/{DemoSeeder.DemoGemeente}/priority");
                Assert.Equal(["langdurige-stroomuitval", "pandemie", "overstroming"],
                    priority.GetProperty("scenarios").EnumerateArray().Select(r => r.GetProperty("scenariocode").GetString()));
                var rationales = await app.WithDbAsync(db => db.RiskAssessments.IgnoreQueryFilters()
                    .Where(a => a.GemeenteCode == DemoSeeder.DemoGemeente).Select(a => a.Rationale).ToListAsync());
                Assert.Equal(3, rationales.Count);
                Assert.All(rationales, r => Assert.Equal(DemoRiskAssessments.Rationale, r));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }
}
