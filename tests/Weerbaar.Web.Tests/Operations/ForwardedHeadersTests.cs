using System.Net;
using System.Net.Http.Json;
using Weerbaar.Web.Data;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Operations;

/// <summary>
/// docs/operations.md, "What each node runs for itself": the login rate limit counts per client address, and behind a
/// load balancer the app sees the client's address only with ASPNETCORE_FORWARDEDHEADERS_ENABLED=true.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class ForwardedHeadersTests : IAsyncLifetime
{
    private const int Limit = 3;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "weerbaar-forwarded-" + Guid.NewGuid().ToString("N")[..8]);

    private string ConnectionString => $"Data Source={Path.Combine(_directory, "weerbaar.db")}";

    /// <summary>ASPNETCORE_FORWARDEDHEADERS_ENABLED as the host reads it (the ASPNETCORE_ prefix removed).</summary>
    private WeerbaarFactory App(bool forwardedHeaders) => new(DatabaseProvider.Sqlite, ConnectionString, _directory, new Dictionary<string, string>
    {
        ["Weerbaar:Accounts:LoginRequestsPerMinute"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["FORWARDEDHEADERS_ENABLED"] = forwardedHeaders ? "true" : "false",
    });

    private static async Task<HttpStatusCode> LoginFromAsync(WeerbaarFactory app, string address)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login")
        {
            Content = JsonContent.Create(new { email = "niemand@test.weerbaar.nl", password = "Fout-wachtwoord-000" }),
        };
        request.Headers.Add("X-Forwarded-For", address);
        request.Headers.Add("X-Forwarded-Proto", "https");
        return (await app.Anonymous().SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task With_forwarded_headers_each_client_has_its_own_login_limit_and_without_them_all_share_one()
    {
        await using (var app = App(forwardedHeaders: true))
        {
            for (var i = 0; i < Limit; i++)
            {
                Assert.Equal(HttpStatusCode.Unauthorized, await LoginFromAsync(app, "192.0.2.10"));
            }
            Assert.Equal(HttpStatusCode.TooManyRequests, await LoginFromAsync(app, "192.0.2.10"));
            Assert.Equal(HttpStatusCode.Unauthorized, await LoginFromAsync(app, "192.0.2.20"));
        }
        await using (var app = App(forwardedHeaders: false))
        {
            for (var i = 0; i < Limit; i++)
            {
                Assert.Equal(HttpStatusCode.Unauthorized, await LoginFromAsync(app, "192.0.2.10"));
            }
            // The header is ignored: the other client is counted with the first, as everyone behind a balancer would be.
            Assert.Equal(HttpStatusCode.TooManyRequests, await LoginFromAsync(app, "192.0.2.20"));
        }
    }

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
        return Task.CompletedTask;
    }
}
