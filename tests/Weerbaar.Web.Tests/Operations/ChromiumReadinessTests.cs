using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Web.Features.Scan.Report.Pdf;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Operations;

/// <summary>
/// The readiness check never starts Chromium itself; it reports what the last start (made by a print) left: running, or
/// present but failing to start (an executable that is not Chromium), which is Degraded until a start succeeds.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class ChromiumReadinessTests(SqliteAppFixture fixture)
{
    [Fact]
    public async Task An_executable_that_does_not_start_turns_ready_degraded_after_the_first_print()
    {
        await using var app = fixture.Factory.WithWebHostBuilder(b => b.UseSetting("Weerbaar:Report:ChromiumPath", "/bin/false"));
        var client = app.CreateClient();
        Assert.Equal(("Healthy", "aanwezig; start bij de volgende PDF"), await ChromiumAsync(client));

        var chromium = app.Services.GetRequiredService<ChromiumHost>();
        await Assert.ThrowsAsync<ChromiumUnavailableException>(() => chromium.RunAsync(_ => Task.FromResult(0), CancellationToken.None));

        var (status, description) = await ChromiumAsync(client);
        Assert.Equal("Degraded", status);
        Assert.StartsWith("Chromium start niet", description, StringComparison.Ordinal);
        Assert.DoesNotContain("/bin/false", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_print_ready_says_chromium_runs()
    {
        await using var app = fixture.Factory.WithWebHostBuilder(_ => { });
        var client = app.CreateClient();
        var title = await app.Services.GetRequiredService<ChromiumHost>().RunAsync(async page =>
        {
            await page.SetContentAsync("<title>proef</title>");
            return await page.TitleAsync();
        }, CancellationToken.None);
        Assert.Equal("proef", title);
        Assert.Equal(("Healthy", "draait"), await ChromiumAsync(client));
    }

    private static async Task<(string? Status, string? Description)> ChromiumAsync(HttpClient client)
    {
        var check = (await HealthTests.Json(await client.GetAsync("/health/ready"))).GetProperty("checks").GetProperty("chromium");
        return (check.GetProperty("status").GetString(), check.GetProperty("description").GetString());
    }
}
