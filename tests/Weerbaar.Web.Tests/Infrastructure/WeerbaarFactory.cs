using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Accounts;

namespace Weerbaar.Web.Tests.Infrastructure;

/// <summary>The real app (real HTTP pipeline, real database) on SQLite in a temp file or on a throwaway PostgreSQL.</summary>
/// <param name="logs">When given, receives the app's log (after the app's own level filters), e.g. to assert a clean start.</param>
/// <param name="services">When given, changes the app's services after its own registrations (e.g. an in-memory trace exporter).</param>
public sealed class WeerbaarFactory(DatabaseProvider provider, string connectionString, string dataDirectory, IReadOnlyDictionary<string, string>? settings = null,
    ILoggerProvider? logs = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.weerbaar.nl";
    public const string AdminPassword = "Test-wachtwoord-123";
    /// <summary>Weerbaar:Telemetry:Metrics:ScrapeToken of every test host: GET /metrics with it as bearer token.</summary>
    public const string MetricsScrapeToken = "test-scrape-token-7f3a";

    public DatabaseProvider Provider { get; } = provider;
    public string DataDirectory { get; } = dataDirectory;
    public string ConnectionString { get; } = connectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Weerbaar:Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Weerbaar", ConnectionString);
        builder.UseSetting("Weerbaar:DataDirectory", DataDirectory);
        builder.UseSetting("Weerbaar:Demo:Seed", "false");
        builder.UseSetting("Weerbaar:Admin:Email", AdminEmail);
        builder.UseSetting("Weerbaar:Admin:Password", AdminPassword);
        builder.UseSetting("Weerbaar:Accounts:LoginRequestsPerMinute", "100000");
        builder.UseSetting("Weerbaar:Map:TileUrl", "");
        // Production requires encrypted data-protection keys or this explicit choice (ADR 0013); the DataProtection tests set a certificate.
        builder.UseSetting("Weerbaar:DataProtection:AllowUnencryptedKeys", "true");
        // Tests run the reminder schedule themselves (ReminderScheduler) instead of racing the worker.
        builder.UseSetting("Weerbaar:Scan:ReminderIntervalMinutes", "0");
        // Likewise the job worker: tests run JobWorker.RunNextAsync themselves (or turn the loop on in settings).
        builder.UseSetting("Weerbaar:Jobs:Enabled", "false");
        // And the weekly programme digest: tests call ProgrammeDigest.RunAsync with the moment they need.
        builder.UseSetting("Weerbaar:Programme:Digest:IntervalMinutes", "0");
        builder.UseSetting("Weerbaar:Telemetry:Metrics:ScrapeToken", MetricsScrapeToken);
        if (logs is not null)
        {
            builder.ConfigureLogging(l => l.AddProvider(logs));
        }
        TestLogs.Configure(builder);
        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>A client signed in with a bearer token from POST /api/v1/auth/login.</summary>
    public async Task<HttpClient> BearerClientAsync(string email, string password)
    {
        var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    public Task<HttpClient> AdminAsync() => BearerClientAsync(AdminEmail, AdminPassword);

    /// <summary>Creates (or reuses) a user with one role directly through Identity and returns a bearer client.</summary>
    public async Task<HttpClient> UserAsync(string role, string? gemeente = null, string? regio = null)
    {
        var email = $"{role}-{gemeente ?? regio ?? "nl"}@test.weerbaar.nl".ToLowerInvariant();
        const string password = "Test-wachtwoord-456";
        await using (var scope = Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await AccountSeeder.EnsureUserAsync(users, email, $"Test {role}", role, gemeente, regio, password, TimeProvider.System);
        }
        return await BearerClientAsync(email, password);
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public sealed record TokenResponse(string TokenType, string AccessToken, int ExpiresIn, string RefreshToken);
}
