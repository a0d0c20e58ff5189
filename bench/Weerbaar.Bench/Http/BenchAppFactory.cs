using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Weerbaar.Bench.Http;

/// <summary>
/// The real app on Kestrel, bound to 127.0.0.1 on a free port, on SQLite in a temporary folder (or on the
/// PostgreSQL database given): no demo data, no map tiles, no login or respondent rate limit, logging at Warning,
/// Production environment.
/// </summary>
/// <param name="configureServices">Bench experiments only (e.g. an EF Core interceptor); null runs the app as configured.</param>
/// <param name="settings">Extra configuration (e.g. Weerbaar:Telemetry:Enabled for the telemetry comparison).</param>
public sealed class BenchAppFactory(string dataDirectory, string? postgresConnectionString = null, Action<IServiceCollection>? configureServices = null,
    IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    public const string AdminEmail = "beheerder@bench.weerbaar.nl";
    public const string AdminPassword = "bench-wachtwoord-2024";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Weerbaar:Database:Provider", postgresConnectionString is null ? "Sqlite" : "Postgres");
        builder.UseSetting("Weerbaar:DataProtection:AllowUnencryptedKeys", "true");
        builder.UseSetting("ConnectionStrings:Weerbaar", postgresConnectionString ?? $"Data Source={Path.Combine(dataDirectory, "weerbaar.db")}");
        builder.UseSetting("Weerbaar:DataDirectory", dataDirectory);
        builder.UseSetting("Weerbaar:Demo:Seed", "false");
        builder.UseSetting("Weerbaar:Admin:Email", AdminEmail);
        builder.UseSetting("Weerbaar:Admin:Password", AdminPassword);
        builder.UseSetting("Weerbaar:Accounts:LoginRequestsPerMinute", "100000");
        // All load comes from one address (127.0.0.1); the per-address limit of the respondent links would refuse it.
        builder.UseSetting("Weerbaar:Scan:RespondentRequestsPerMinute", "100000000");
        builder.UseSetting("Weerbaar:Map:TileUrl", "");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
        if (configureServices is not null)
        {
            builder.ConfigureServices(configureServices);
        }
    }

    /// <summary>Starts Kestrel on 127.0.0.1 (never another address) and returns its base address.</summary>
    public Uri StartOnLoopback()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        var address = new Uri(addresses.Single(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)));
        return IPAddress.IsLoopback(IPAddress.Parse(address.Host))
            ? address
            : throw new InvalidOperationException($"Refusing to load-test {address}: only 127.0.0.1 is allowed.");
    }

    /// <summary>A SQLite setting as the app's own connection sees it: a pragma ("journal_mode") or a function ("sqlite_version()").</summary>
    public string SqliteSetting(string what)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Weerbaar.Web.Data.AppDbContext>();
        var sql = what.EndsWith(')') ? $"SELECT {what} AS Value" : $"SELECT CAST({what} AS TEXT) AS Value FROM pragma_{what}";
        return Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.SqlQueryRaw<string>(db.Database, sql).AsEnumerable().First();
    }
}
