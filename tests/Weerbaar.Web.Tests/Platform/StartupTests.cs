using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Platform;

/// <summary>Start-up on each database: migrations, CBS reference data, health.</summary>
public abstract class StartupTests(AppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;

    [Fact]
    public async Task Health_reports_the_database_reachable()
    {
        var response = await App.Anonymous().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("1.0.0", response.Headers.GetValues("API-Version").Single());
    }

    [Fact]
    public async Task All_migrations_are_applied()
    {
        var pending = await App.WithDbAsync(db => db.Database.GetPendingMigrationsAsync());
        var applied = await App.WithDbAsync(db => db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(pending);
        Assert.NotEmpty(applied);
        if (App.Provider == Weerbaar.Web.Data.DatabaseProvider.Sqlite)
        {
            // WAL: readers never block the writer, and a commit survives a killed process.
            var mode = await App.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT journal_mode AS \"Value\" FROM pragma_journal_mode").SingleAsync());
            Assert.Equal("wal", mode);
        }
    }

    [Fact]
    public async Task Reference_data_holds_every_gemeente_region_and_province_of_2024()
    {
        var (gemeenten, regios, provincies, inwoners) = await App.WithDbAsync(async db => (
            await db.Gemeenten.CountAsync(),
            await db.Veiligheidsregios.CountAsync(),
            await db.Provincies.CountAsync(),
            await db.Gemeenten.SumAsync(g => (long)g.Residents)));
        Assert.Equal(342, gemeenten);
        Assert.Equal(25, regios);
        Assert.Equal(12, provincies);
        // SOURCES.md: 17,942,942 residents in the 342 gemeenten.
        Assert.Equal(17_942_942, inwoners);

        var (wijken, buurten, amsterdam, amsterdamInwoners) = await App.WithDbAsync(async db => (
            await db.Wijken.CountAsync(),
            await db.Buurten.CountAsync(),
            await db.Buurten.CountAsync(b => b.GemeenteCode == "GM0363"),
            await db.Buurten.Where(b => b.GemeenteCode == "GM0363").SumAsync(b => b.Residents ?? 0)));
        Assert.Equal(3_393, wijken);
        Assert.Equal(13_817, buurten);
        Assert.Equal(476, amsterdam);
        Assert.Equal(931_205, amsterdamInwoners);
    }

    [Fact]
    public async Task Urban_rural_split_follows_the_modal_stedelijkheid_rule()
    {
        var reference = App.Services.GetRequiredService<ReferenceData>();
        Assert.Equal(190, reference.Gemeenten.Count(g => g.IsUrban));
        Assert.Equal(342, reference.Gemeenten.Count);
        Assert.All(reference.Gemeenten, g => Assert.NotNull(App.WithDbAsync(db => db.Gemeenten.Where(x => x.Code == g.Code).Select(x => x.OutlineGeoJson).SingleAsync()).Result));
    }

    [Fact]
    public async Task Loading_reference_data_again_is_a_no_op()
    {
        var reloaded = await App.WithDbAsync(db => ReferenceDataLoader.EnsureLoadedAsync(db, NullLogger.Instance));
        Assert.False(reloaded);
    }

    [Fact]
    public async Task Gemeenten_carry_the_names_people_use_and_the_two_bergens_stay_apart()
    {
        var names = await App.WithDbAsync(db => db.Gemeenten.ToDictionaryAsync(g => g.Code, g => g.Name));
        Assert.Equal(("Groningen", "Utrecht", "'s-Gravenhage"), (names["GM0014"], names["GM0344"], names["GM0518"]));
        Assert.DoesNotContain(names.Values, n => n.Contains("(gemeente)", StringComparison.Ordinal));
        Assert.Equal(2, names.Values.Count(n => n.StartsWith("Bergen (", StringComparison.Ordinal)));
        Assert.Equal(342, names.Values.Distinct().Count());
    }

    [Fact]
    public async Task A_database_loaded_with_cbs_names_gets_plain_names_from_the_migration()
    {
        // The migration's statement, run again on a name as CBS writes it (what older databases hold).
        await App.WithDbAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await db.Gemeenten.Where(g => g.Code == "GM0518").ExecuteUpdateAsync(s => s.SetProperty(g => g.Name, "'s-Gravenhage (gemeente)"));
            await db.Database.ExecuteSqlRawAsync(ReferenceDataLoader.PlainNamesSql);
            Assert.Equal("'s-Gravenhage", await db.Gemeenten.Where(g => g.Code == "GM0518").Select(g => g.Name).SingleAsync());
            await tx.RollbackAsync();
            return 0;
        });
    }

    [Fact]
    public async Task Gemeenten_api_filters_sorts_and_pages()
    {
        var client = await App.AdminAsync();
        var page = await client.GetFromJsonAsync<GemeentenListPage>("/api/v1/gemeenten?veiligheidsregio=VR09&sort=-inwoners&pageSize=5");
        Assert.NotNull(page);
        Assert.Equal(5, page.Items.Count);
        Assert.Equal("Utrecht", page.Items[0].Name);
        Assert.All(page.Items, g => Assert.Equal("VR09", g.VeiligheidsregioCode));
        Assert.True(page.Items.Zip(page.Items.Skip(1)).All(p => p.First.Residents >= p.Second.Residents));

        var all = await client.GetFromJsonAsync<GemeentenListPage>("/api/v1/gemeenten?pageSize=100");
        Assert.Equal(342, all!.Total);
        Assert.Equal(4, all.PageCount);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteStartupTests(SqliteAppFixture fixture) : StartupTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresStartupTests(PostgresAppFixture fixture) : StartupTests(fixture);
