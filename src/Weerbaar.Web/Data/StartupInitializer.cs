using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Demo;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Vulnerability;

namespace Weerbaar.Web.Data;

/// <summary>Migrates the database and loads reference data, roles, the bootstrap admin and demo data before serving.</summary>
public static class StartupInitializer
{
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        var config = sp.GetRequiredService<IConfiguration>();
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Weerbaar.Startup");
        var clock = sp.GetRequiredService<TimeProvider>();

        await DatabaseSetup.MigrateAsync(db, ct);
        await ReferenceDataLoader.EnsureLoadedAsync(db, logger, ct);
        await BuurtPointLoader.EnsureLoadedAsync(db, logger, ct);
        await sp.GetRequiredService<ReferenceData>().ReloadAsync(db, ct);
        await VulnerabilityIndicatorSets.EnsureDefaultAsync(db, clock, ct);
        await CheckUsedInstrumentsAsync(db, sp.GetRequiredService<InstrumentCatalog>(), ct);
        await AccountSeeder.EnsureRolesAsync(sp.GetRequiredService<RoleManager<IdentityRole>>());
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        await AccountSeeder.EnsureBootstrapAdminAsync(users, config, clock);
        if (config.GetValue("Weerbaar:Demo:Seed", true))
        {
            await DemoSeeder.SeedAsync(users, clock, Console.Out);
            await DemoSeeder.SeedRoundAsync(db, sp.GetRequiredService<InstrumentCatalog>(), sp.GetRequiredService<ReferenceData>(), clock);
            await Features.Programme.DemoProgramme.SeedAsync(db, sp.GetRequiredService<Features.Programme.MeasuresCatalogue>(), clock);
            await Features.CrisisKit.Contacts.DemoCrisisContacts.SeedAsync(db, clock);
            await Features.Afweging.DemoRiskAssessments.SeedAsync(db, DemoSeeder.DemoGemeente, clock);
        }
    }

    /// <summary>An instrument version that a round has used is immutable: refuse to start when its file changed.</summary>
    private static async Task CheckUsedInstrumentsAsync(AppDbContext db, InstrumentCatalog instruments, CancellationToken ct)
    {
        var used = await db.ScanRounds.AsNoTracking().Select(r => new { r.Name, r.InstrumentId, r.InstrumentHash }).ToListAsync(ct);
        var problems = used
            .Where(r => instruments.Find(r.InstrumentId) is null || instruments.Hash(r.InstrumentId) != r.InstrumentHash)
            .Select(r => $"Ronde '{r.Name}' gebruikt vragenlijst '{r.InstrumentId}', maar dat bestand ontbreekt of is daarna gewijzigd. "
                         + "Zet het oorspronkelijke bestand terug en maak wijzigingen in een nieuwe versie.")
            .ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join("\n", problems));
        }
    }
}
