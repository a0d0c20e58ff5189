using System.Net;
using System.Text.Json;
using Weerbaar.Web.Data;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Operations;

/// <summary>/health/live answers while the process runs; /health/ready (and /health) checks database, job worker and Chromium.</summary>
public abstract class HealthTests(AppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;

    [Fact]
    public async Task Live_and_ready_answer_200_with_each_check_named()
    {
        var client = App.Anonymous();
        var live = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", (await Json(live)).GetProperty("status").GetString());
        foreach (var path in new[] { "/health/ready", "/health" })
        {
            var ready = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            var body = await Json(ready);
            var checks = body.GetProperty("checks");
            Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
            Assert.Equal("Healthy", checks.GetProperty("jobs").GetProperty("status").GetString());
            Assert.True(checks.TryGetProperty("chromium", out _));
            Assert.DoesNotContain("Host=", body.GetRawText(), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Data Source", body.GetRawText(), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Without_chromium_ready_is_degraded_but_still_200()
    {
        await using var app = App.WithWebHostBuilder(b => b.UseSetting("Weerbaar:Report:ChromiumPath", "/nonexistent/chromium"));
        var ready = await app.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var body = await Json(ready);
        Assert.Equal("Degraded", body.GetProperty("status").GetString());
        Assert.Equal("Degraded", body.GetProperty("checks").GetProperty("chromium").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    internal static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteHealthTests(SqliteAppFixture fixture) : HealthTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresHealthTests(PostgresAppFixture fixture) : HealthTests(fixture);

/// <summary>
/// The database gone: a PostgreSQL cluster of this test only (the shared fixture's cluster keeps running), stopped with
/// pg_ctl while the app runs. The process is still live; it is not ready, and says the database is why.
/// </summary>
public sealed class DatabaseDownHealthTests
{
    [Fact]
    public async Task With_the_database_stopped_live_is_200_and_ready_is_503_naming_the_database()
    {
        var dir = Path.Combine(Path.GetTempPath(), "weerbaar-dbdown-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var cluster = await PostgresCluster.StartAsync();
        var stopped = false;
        try
        {
            await cluster.CreateDatabaseAsync("weerbaar");
            await using var app = new WeerbaarFactory(DatabaseProvider.Postgres, cluster.ConnectionString("weerbaar"), dir);
            var client = app.Anonymous();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

            await cluster.DisposeAsync(); // pg_ctl stop -m immediate
            stopped = true;
            Npgsql.NpgsqlConnection.ClearAllPools();

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
            var ready = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            var body = await HealthTests.Json(ready);
            Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
            Assert.Equal("Unhealthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
            Assert.DoesNotContain(cluster.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), body.GetRawText(), StringComparison.Ordinal);
        }
        finally
        {
            if (!stopped)
            {
                await cluster.DisposeAsync();
            }
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
