using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Weerbaar.Web.Features.Accounts;

namespace Weerbaar.E2E.Infrastructure;

/// <summary>
/// One app on real Kestrel (127.0.0.1, a free port) and one headless chromium, shared by all browser tests;
/// each test opens its own browser context.
/// </summary>
public sealed class AppAndBrowserFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "weerbaar-e2e-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly ConcurrentDictionary<string, string> _logins = new(StringComparer.OrdinalIgnoreCase);
    private KestrelAppFactory? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Where the app writes outgoing e-mail as .eml files (no SMTP configured): {DataDirectory}/mail.</summary>
    public string PickupDirectory => Path.Combine(_dataDirectory, "mail");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Browser niet gestart.");

    private KestrelAppFactory App => _app ?? throw new InvalidOperationException("App niet gestart.");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        _app = new KestrelAppFactory(_dataDirectory);
        _app.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _app.StartServer();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = new Uri(addresses.Single(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)));

        _playwright = await Playwright.CreateAsync();
        _browser = await ChromiumLauncher.LaunchAsync(_playwright);
    }

    /// <summary>Creates the user (or resets its password) directly through Identity.</summary>
    public async Task EnsureUserAsync(TestUser user)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await AccountSeeder.EnsureUserAsync(users, user.Email, user.DisplayName, user.Role, user.Gemeente, user.Veiligheidsregio, user.Password, TimeProvider.System);
    }

    /// <summary>The closed demo round with its synthetic responses (the app starts without demo data); idempotent.</summary>
    public async Task EnsureDemoRoundAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await Weerbaar.Web.Features.Demo.DemoSeeder.SeedRoundAsync(services.GetRequiredService<Weerbaar.Web.Data.AppDbContext>(),
            services.GetRequiredService<Weerbaar.Web.Features.Scan.Instruments.InstrumentCatalog>(),
            services.GetRequiredService<Weerbaar.Web.Features.Gemeenten.ReferenceData>(), TimeProvider.System);
    }

    /// <summary>
    /// What the foto of Utrecht needs beyond the CBS data: the demo round, the demo registers and (test-only, made up)
    /// square geometries for three of its buurten, so the map draws classed buurten. Idempotent.
    /// </summary>
    public async Task EnsureFotoDataAsync()
    {
        await EnsureDemoRoundAsync();
        await using var scope = App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<Weerbaar.Web.Data.AppDbContext>();
        await Weerbaar.Web.Features.Locations.DemoLocations.SeedAsync(db, TimeProvider.System);
        static string D(double x) => x.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string Square(string code, double lon, double lat)
            => "{\"type\":\"Feature\",\"properties\":{\"buurtcode\":\"" + code + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[["
               + $"{D(lon)},{D(lat)}],[{D(lon + 0.01)},{D(lat)}],[{D(lon + 0.01)},{D(lat + 0.007)}],[{D(lon)},{D(lat + 0.007)}],[{D(lon)},{D(lat)}"
               + "]]]}}";
        var geoJson = "{\"type\":\"FeatureCollection\",\"features\":[" + string.Join(",", Square("BU03440111", 5.09, 52.085), Square("BU03440112", 5.10, 52.085), Square("BU03440113", 5.11, 52.085)) + "]}";
        var result = await services.GetRequiredService<Weerbaar.Web.Features.Gemeenten.BuurtGeometryStore>()
            .ReplaceAsync(System.Text.Encoding.UTF8.GetBytes(geoJson), CancellationToken.None);
        if (result.Errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Message)));
        }
    }

    /// <summary>The demo's three made-up assessed scenarios for <paramref name="gemeente"/>, so the afwegingskader has an order to show. Idempotent.</summary>
    public async Task EnsureRiskAssessmentsAsync(string gemeente)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await Weerbaar.Web.Features.Afweging.DemoRiskAssessments.SeedAsync(scope.ServiceProvider.GetRequiredService<Weerbaar.Web.Data.AppDbContext>(), gemeente, TimeProvider.System);
    }

    /// <summary>Runs <paramref name="action"/> on a database context of the app (outside any request: no tenant scope).</summary>
    public async Task<T> WithDbAsync<T>(Func<Weerbaar.Web.Data.AppDbContext, Task<T>> action)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<Weerbaar.Web.Data.AppDbContext>());
    }

    /// <summary>An access token from POST /api/v1/auth/login.</summary>
    public async Task<string> BearerTokenAsync(TestUser user)
    {
        using var http = new HttpClient { BaseAddress = BaseUrl };
        using var response = await http.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("accessToken").GetString() ?? throw new InvalidOperationException("Geen accessToken in het antwoord.");
    }

    /// <summary>Cookies of an earlier login through the login page, so later tests need not log in again.</summary>
    public string? SavedLogin(TestUser user) => _logins.GetValueOrDefault(user.Email);

    public void SaveLogin(TestUser user, string storageState) => _logins[user.Email] = storageState;

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
