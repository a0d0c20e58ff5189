using Microsoft.AspNetCore.Identity;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Demo;
using Weerbaar.Web.Features.Gemeenten;

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
        await sp.GetRequiredService<ReferenceData>().ReloadAsync(db, ct);
        await AccountSeeder.EnsureRolesAsync(sp.GetRequiredService<RoleManager<IdentityRole>>());
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        await AccountSeeder.EnsureBootstrapAdminAsync(users, config, clock);
        if (config.GetValue("Weerbaar:Demo:Seed", true))
        {
            await DemoSeeder.SeedAsync(users, clock, Console.Out);
        }
    }
}
