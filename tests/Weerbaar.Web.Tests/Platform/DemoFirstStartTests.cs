using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Demo;
using Weerbaar.Web.Features.Scan.Responses;
using Weerbaar.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Weerbaar.Web.Tests.Platform;

/// <summary>
/// What a new user meets first: the app started on an empty database with demo data, as the README's run command
/// does. The start logs nothing an operator reads as a problem, the demo scales hang together, the demo gemeente
/// has its own scan, and every page and document of the demo round says its figures are made up.
/// </summary>
public abstract class DemoFirstStartTests(ITestOutputHelper output)
{
    /// <summary>A database no other test uses, empty; and the data directory for the app.</summary>
    protected abstract Task<(DatabaseProvider Provider, string ConnectionString)> EmptyDatabaseAsync(string directory);

    [Fact]
    public async Task A_first_start_with_demo_data_is_clean_and_the_demo_is_complete()
    {
        var dir = Path.Combine(Path.GetTempPath(), "weerbaar-demostart-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            var (provider, connectionString) = await EmptyDatabaseAsync(dir);
            var logs = new CapturedLogs();
            await using var app = new WeerbaarFactory(provider, connectionString, dir, new Dictionary<string, string> { ["Weerbaar:Demo:Seed"] = "true" }, logs);
            _ = app.Server;

            var loud = logs.Entries.Where(e => e.Level >= LogLevel.Warning).ToList();
            Assert.True(loud.Count == 0, "Start-up logged: " + string.Join(" | ", loud.Select(e => $"{e.Level} {e.Category}: {e.Message}")));

            var round = await app.WithDbAsync(db => db.ScanRounds.SingleAsync(r => r.CreatedBy == DemoSeeder.DemoCreatedBy));
            Assert.Equal(DemoSeeder.DemoRoundName, round.Name);
            var (responses, own) = await app.WithDbAsync(async db => (
                await db.ScanResponses.IgnoreQueryFilters().CountAsync(r => r.RoundId == round.Id && r.Status == ResponseStatus.Submitted),
                await db.ScanResponses.IgnoreQueryFilters().CountAsync(r => r.RoundId == round.Id && r.GemeenteCode == DemoSeeder.DemoGemeente && r.Status == ResponseStatus.Submitted)));
            Assert.Equal(DemoSeeder.DemoResponseCount, responses);
            Assert.Equal(1, own);

            // Cronbach's α as the results page and the report show it (Weerbaar.Analysis, checked against R/scipy).
            var admin = await app.AdminAsync();
            using var results = JsonDocument.Parse(await admin.GetStringAsync($"/api/v1/rounds/{round.Id}/results"));
            foreach (var scale in results.RootElement.GetProperty("scales").EnumerateArray())
            {
                var alpha = scale.GetProperty("cronbachAlpha").GetDouble();
                output.WriteLine($"{scale.GetProperty("id").GetString()}: α = {alpha:F3} (n = {scale.GetProperty("n").GetInt32()})");
                Assert.InRange(alpha, 0.70, 0.85);
            }
            Assert.Equal(2, results.RootElement.GetProperty("scales").GetArrayLength());

            // The demo coordinator's foto and scan position have content in every chapter.
            var coordinator = await app.UserAsync(Roles.Coordinator, DemoSeeder.DemoGemeente);
            var position = await coordinator.GetAsync($"/api/v1/gemeenten/{DemoSeeder.DemoGemeente}/scan-position");
            Assert.Equal(HttpStatusCode.OK, position.StatusCode);
            using (var json = JsonDocument.Parse(await position.Content.ReadAsStringAsync()))
            {
                var pillars = json.RootElement.GetProperty("pillars").EnumerateArray().ToList();
                Assert.Equal(6, pillars.Count);
                Assert.Contains(pillars, p => p.GetProperty("own").ValueKind != JsonValueKind.Null);
            }
            var foto = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/gemeenten/{DemoSeeder.DemoGemeente}/foto"));
            Assert.Contains("Score per pijler", foto, StringComparison.Ordinal);
            Assert.Contains(DemoSeeder.DemoRoundName, foto, StringComparison.Ordinal);
            Assert.DoesNotContain("nog geen ingevulde Weerbaarheidsscan verstuurd", foto, StringComparison.Ordinal);
            Assert.DoesNotContain("nog geen kwetsbare locaties vastgelegd", foto, StringComparison.Ordinal);
            Assert.DoesNotContain("nog geen noodsteunpunten vastgelegd", foto, StringComparison.Ordinal);
            var scanPage = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/gemeenten/{DemoSeeder.DemoGemeente}/scanpositie"));
            Assert.Contains("Score per pijler", scanPage, StringComparison.Ordinal);
            Assert.DoesNotContain("nog in geen enkele ronde verstuurd", scanPage, StringComparison.Ordinal);

            // Made-up figures are said to be made up: on the round's pages and in the report document.
            foreach (var path in new[] { "", "/uitkomsten", "/rapport", "/open-antwoorden" })
            {
                var html = WebUtility.HtmlDecode(await admin.GetStringAsync($"/onderzoek/rondes/{round.Id}{path}"));
                Assert.Contains(DemoSeeder.MadeUpNotice, html, StringComparison.Ordinal);
            }
            using (var docx = WordprocessingDocument.Open(await admin.GetStreamAsync($"/api/v1/rounds/{round.Id}/report.docx"), false))
            {
                Assert.Contains(DemoSeeder.MadeUpNotice, docx.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
            }

            // A second start finds the demo data and adds nothing.
            await using (var again = new WeerbaarFactory(provider, connectionString, dir, new Dictionary<string, string> { ["Weerbaar:Demo:Seed"] = "true" }))
            {
                Assert.Equal(1, await again.WithDbAsync(db => db.ScanRounds.CountAsync(r => r.CreatedBy == DemoSeeder.DemoCreatedBy)));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Npgsql.NpgsqlConnection.ClearAllPools();
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

public sealed class SqliteDemoFirstStartTests(ITestOutputHelper output) : DemoFirstStartTests(output)
{
    protected override Task<(DatabaseProvider, string)> EmptyDatabaseAsync(string directory)
        => Task.FromResult((DatabaseProvider.Sqlite, $"Data Source={Path.Combine(directory, "weerbaar.db")}"));
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresDemoFirstStartTests(PostgresAppFixture fixture, ITestOutputHelper output) : DemoFirstStartTests(output)
{
    protected override async Task<(DatabaseProvider, string)> EmptyDatabaseAsync(string directory)
    {
        var name = "weerbaar_demostart_" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Cluster.CreateDatabaseAsync(name);
        return (DatabaseProvider.Postgres, fixture.Cluster.ConnectionString(name));
    }
}
