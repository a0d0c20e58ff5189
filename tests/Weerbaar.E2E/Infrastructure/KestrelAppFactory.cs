using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Weerbaar.E2E.Infrastructure;

/// <summary>The real app on SQLite in a temporary folder, without demo data, map tiles or a login rate limit.</summary>
public sealed class KestrelAppFactory(string dataDirectory) : WebApplicationFactory<Program>
{
    public const string AdminEmail = "beheerder@e2e.weerbaar.nl";
    public const string AdminPassword = "E2e-wachtwoord-beheer-1";
    public const string AdminDisplayName = "Beheerder";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // Outside Development the app serves static files from a published wwwroot; from the build output it needs
        // the static web assets manifest (source wwwroot plus the build's compressed copies) to serve CSS and JS.
        builder.UseStaticWebAssets();
        builder.UseSetting("Weerbaar:Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Weerbaar", $"Data Source={Path.Combine(dataDirectory, "weerbaar.db")}");
        builder.UseSetting("Weerbaar:DataDirectory", dataDirectory);
        builder.UseSetting("Weerbaar:Demo:Seed", "false");
        builder.UseSetting("Weerbaar:Admin:Email", AdminEmail);
        builder.UseSetting("Weerbaar:Admin:Password", AdminPassword);
        builder.UseSetting("Weerbaar:Accounts:LoginRequestsPerMinute", "100000");
        builder.UseSetting("Weerbaar:Map:TileUrl", "");
        builder.UseSetting("Weerbaar:DataProtection:AllowUnencryptedKeys", "true");
        Weerbaar.Web.Tests.Infrastructure.TestLogs.Configure(builder);
    }
}
