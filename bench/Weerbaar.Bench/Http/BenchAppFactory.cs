using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Weerbaar.Bench.Http;

/// <summary>
/// The real app on Kestrel, bound to 127.0.0.1 on a free port, on SQLite in a temporary folder:
/// no demo data, no map tiles, no login rate limit, logging at Warning, Production environment.
/// </summary>
public sealed class BenchAppFactory(string dataDirectory) : WebApplicationFactory<Program>
{
    public const string AdminEmail = "beheerder@bench.weerbaar.nl";
    public const string AdminPassword = "bench-wachtwoord-2024";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Weerbaar:Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Weerbaar", $"Data Source={Path.Combine(dataDirectory, "weerbaar.db")}");
        builder.UseSetting("Weerbaar:DataDirectory", dataDirectory);
        builder.UseSetting("Weerbaar:Demo:Seed", "false");
        builder.UseSetting("Weerbaar:Admin:Email", AdminEmail);
        builder.UseSetting("Weerbaar:Admin:Password", AdminPassword);
        builder.UseSetting("Weerbaar:Accounts:LoginRequestsPerMinute", "100000");
        builder.UseSetting("Weerbaar:Map:TileUrl", "");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
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
}
