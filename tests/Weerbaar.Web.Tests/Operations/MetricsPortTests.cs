using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Weerbaar.Web.Data;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Operations;

/// <summary>
/// Weerbaar:Telemetry:Metrics:Port: /metrics is served on that port to anyone who reaches it (the firewall keeps it
/// internal) and on the public port to nobody — not with the scrape token, not to a beheerder: there it is an unknown
/// page (anonymous: to the login page; the scrape token: 401 as an unknown bearer token; a beheerder: 404). Real Kestrel on two ports of 127.0.0.1.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class MetricsPortTests
{
    [Fact]
    public async Task Metrics_answer_only_on_the_metrics_port_without_login()
    {
        using var host = new OwnHost();
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var (publicPort, metricsPort) = (TestCertificates.FreePort().ToString(inv), TestCertificates.FreePort().ToString(inv));
        await using var app = new WeerbaarFactory(DatabaseProvider.Sqlite, host.SqliteConnectionString, host.Directory, new Dictionary<string, string>
        {
            ["urls"] = $"http://127.0.0.1:{publicPort}",
            ["Weerbaar:Telemetry:Metrics:Port"] = metricsPort,
        });
        app.UseKestrel();
        app.StartServer();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var publicBase = $"http://127.0.0.1:{publicPort}";
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"{publicBase}/health/live")).StatusCode);

        var scraped = await http.GetAsync($"http://127.0.0.1:{metricsPort}/metrics");
        Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
        Assert.Contains("http_server_request_duration_seconds", await scraped.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var anonymous = await http.GetAsync($"{publicBase}/metrics");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/inloggen", anonymous.Headers.Location!.AbsolutePath);
        // The scrape token is no login: as any bearer token the API does not know, 401.
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(http, $"{publicBase}/metrics", WeerbaarFactory.MetricsScrapeToken)).StatusCode);

        var login = await http.PostAsJsonAsync($"{publicBase}/api/v1/auth/login", new { email = WeerbaarFactory.AdminEmail, password = WeerbaarFactory.AdminPassword });
        login.EnsureSuccessStatusCode();
        var beheerder = (await login.Content.ReadFromJsonAsync<WeerbaarFactory.TokenResponse>())!.AccessToken;
        var asBeheerder = await GetAsync(http, $"{publicBase}/metrics", beheerder);
        Assert.Equal(HttpStatusCode.NotFound, asBeheerder.StatusCode);
        Assert.DoesNotContain("http_server_request_duration_seconds", await asBeheerder.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient http, string url, string bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return await http.SendAsync(request);
    }
}
