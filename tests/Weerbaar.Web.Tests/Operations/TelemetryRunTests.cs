using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Email;
using Weerbaar.Web.Features.Jobs;
using Weerbaar.Web.Features.Operations;
using Weerbaar.Web.Features.Scan.Invitations;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Operations;

/// <summary>
/// A short run on an app of its own (own database: the reminder run and the outbox touch every row): log in, save a
/// scan part as a respondent, run a job, print a PDF, send a mail; then /metrics lists every instrument and the
/// in-memory trace exporter holds a server span, an EF Core span and a mail span, none with a token or an address.
/// </summary>
public abstract class TelemetryRunTests
{
    private const string Gemeente = "GM0189";

    protected abstract Task<(DatabaseProvider Provider, string ConnectionString)> OwnDatabaseAsync(string directory);

    [Fact]
    public async Task A_short_run_shows_every_instrument_in_metrics_and_spans_without_tokens_or_addresses()
    {
        var dir = Path.Combine(Path.GetTempPath(), "weerbaar-telemetry-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var spans = new SpanCollection();
        try
        {
            var (provider, connectionString) = await OwnDatabaseAsync(dir);
            // Without an exporter the app records no spans; this test brings its own (in memory).
            await using var app = new WeerbaarFactory(provider, connectionString, dir,
                new Dictionary<string, string> { ["Weerbaar:Telemetry:Traces:Enabled"] = "true" },
                services: s => s.ConfigureOpenTelemetryTracerProvider(t => t.SetSampler(new AlwaysOnSampler()).AddInMemoryExporter(spans)));
            _ = app.Server;
            // The Prometheus exporter listens to every meter named "Weerbaar" in this process (other test hosts too):
            // the hand-counted values are checked on this host's own meter.
            using var own = new OwnMeasurements(app.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());

            // Respondent: one saved part and one stale save (a conflict).
            var research = await app.UserAsync(Roles.Onderzoeker);
            var created = await research.PostAsJsonAsync("/api/v1/rounds", new { instrument = "weerbaarheidsscan-2025", name = "Telemetrie", opensOn = "2025-12-15", closesOn = "2099-01-15" });
            var round = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            var invited = await research.PostAsJsonAsync($"/api/v1/rounds/{round}/invitations", new[] { new { gemeentecode = Gemeente, name = "Respondent", email = "respondent@telemetrie.test" } });
            var token = (await invited.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("token").GetString()!;
            Assert.Equal(HttpStatusCode.OK, (await research.PatchAsJsonAsync($"/api/v1/rounds/{round}", new { status = "open" })).StatusCode);
            var respondent = app.Anonymous();
            var part = $"/api/v1/invitations/{token}/response/parts/1";
            Assert.Equal(HttpStatusCode.OK, (await respondent.PutAsJsonAsync(part, new { version = 0, answers = new Dictionary<string, string> { ["B1"] = "4" } })).StatusCode);
            Assert.Equal(HttpStatusCode.Conflict, (await respondent.PutAsJsonAsync(part, new { version = 0, answers = new Dictionary<string, string> { ["B1"] = "3" } })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await respondent.GetAsync($"/api/v1/invitations/{token}/response")).StatusCode);

            // A job of a kind no handler knows fails at once (cheap); a second one stays queued for the gauge.
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var queue = scope.ServiceProvider.GetRequiredService<JobQueue>();
                await queue.EnqueueAsync("telemetrie-test", Gemeente, "{}", "test");
                Assert.True(await app.Services.GetRequiredService<JobWorker>().RunNextAsync(CancellationToken.None));
                await queue.EnqueueAsync("telemetrie-wacht", Gemeente, "{}", "test");
                await scope.ServiceProvider.GetRequiredService<ReminderScheduler>().RunAsync(CancellationToken.None);
            }

            // A PDF print (Chromium) and a mail through the outbox worker.
            var coordinator = await app.UserAsync(Roles.Coordinator, Gemeente);
            Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/api/v1/gemeenten/{Gemeente}/foto.pdf")).StatusCode);
            const string address = "geheim.adres@telemetrie.test", subject = "Onderwerp-dat-niet-in-een-span-mag";
            await app.WithDbAsync(async db =>
            {
                EmailOutbox.Enqueue(db, address, subject, "tekst");
                return await db.SaveChangesAsync();
            });
            var outbox = app.Services.GetServices<IHostedService>().OfType<OutboxWorker>().Single();
            await outbox.SendBatchAsync(CancellationToken.None);

            // Prometheus: every instrument of the meter "Weerbaar" and the ASP.NET Core request duration.
            var scraper = app.Anonymous();
            scraper.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", WeerbaarFactory.MetricsScrapeToken);
            var metrics = await scraper.GetStringAsync("/metrics");
            foreach (var name in new[]
            {
                "weerbaar_scan_saves_total", "weerbaar_scan_save_duration_seconds", "weerbaar_jobs_queued", "weerbaar_jobs_duration_seconds",
                "weerbaar_pdf_print_duration_seconds", "weerbaar_outbox_backlog", "weerbaar_mail_sent_total", "weerbaar_reminders_runs_total",
                "http_server_request_duration_seconds",
            })
            {
                Assert.Contains("\n" + name, metrics, StringComparison.Ordinal);
            }
            Assert.True(Sample(metrics, "weerbaar_scan_saves_total", "outcome=\"conflict\"") >= 1);
            Assert.True(Sample(metrics, "weerbaar_jobs_queued", "kind=\"telemetrie-wacht\"") >= 1);
            Assert.True(Sample(metrics, "weerbaar_pdf_print_duration_seconds_count", "document=\"foto\"") >= 1);
            // Counted by hand on this host: one save applied, one refused as stale; one failed job; one foto print; one
            // reminder run; the mail of this test and the invitation sent when the round opened.
            Assert.Equal(1, own.Count("weerbaar.scan.saves", "outcome", "saved"));
            Assert.Equal(1, own.Count("weerbaar.scan.saves", "outcome", "conflict"));
            Assert.Equal(1, own.Count("weerbaar.scan.save.duration", null, null));
            Assert.Equal(1, own.Count("weerbaar.jobs.duration", "kind", "telemetrie-test"));
            Assert.Equal(1, own.Count("weerbaar.pdf.print.duration", "document", "foto"));
            Assert.Equal(1, own.Count("weerbaar.reminders.runs", "kind", "scan-reminders"));
            Assert.Equal(0, own.Count("weerbaar.mail.sent", "outcome", "failed"));
            Assert.InRange(own.Count("weerbaar.mail.sent", "outcome", "sent"), 1, 2);
            Assert.DoesNotContain(token, metrics, StringComparison.Ordinal);

            // The gauges read the database at most once per few seconds, however often they are scraped.
            var snapshot = app.Services.GetRequiredService<QueueSnapshot>();
            var reads = snapshot.Reads;
            for (var i = 0; i < 3; i++)
            {
                await Task.Delay(400);
                await scraper.GetStringAsync("/metrics");
            }
            Assert.True(snapshot.Reads - reads <= 1, $"{snapshot.Reads - reads} database reads for 3 scrapes in 1.2 s");

            // Traces: a server span (route template, no token), an EF Core span in the same trace, a mail span without address.
            var mail = await WaitForAsync(spans, a => a.Source.Name == WeerbaarActivities.EmailSourceName);
            var server = spans.Snapshot().Where(a => a.Kind == ActivityKind.Server).ToList();
            // Trace listeners are process-wide: spans of other test hosts are in the list too (and are checked for tokens alike).
            var respondentSpan = server.First(a => a.DisplayName.StartsWith("GET /api/v1/invitations/{token}/response", StringComparison.Ordinal));
            Assert.StartsWith("/api/v1/invitations/{token}/response", (string)respondentSpan.GetTagItem("http.route")!, StringComparison.Ordinal);
            Assert.Equal("/api/v1/invitations/{token}/response", respondentSpan.GetTagItem("url.path"));
            Assert.Contains(spans.Snapshot(), a => a.TraceId == respondentSpan.TraceId && a.Source.Name.Contains("EntityFrameworkCore", StringComparison.Ordinal));
            Assert.Contains(spans.Snapshot(), a => a.Source.Name == WeerbaarActivities.JobsSourceName && Equals(a.GetTagItem("weerbaar.job.kind"), "telemetrie-test"));
            Assert.NotNull(mail.GetTagItem("weerbaar.mail.id"));
            foreach (var span in spans.Snapshot())
            {
                var text = span.DisplayName + " " + string.Join(" ", span.TagObjects.Select(t => $"{t.Key}={t.Value}"));
                Assert.DoesNotContain(token, text, StringComparison.Ordinal);
                Assert.DoesNotContain(address, text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(subject, text, StringComparison.Ordinal);
                Assert.DoesNotContain("respondent@telemetrie.test", text, StringComparison.OrdinalIgnoreCase);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>Measurements of the meters made by one host's <see cref="System.Diagnostics.Metrics.IMeterFactory"/>.</summary>
    private sealed class OwnMeasurements : IDisposable
    {
        private readonly System.Diagnostics.Metrics.MeterListener _listener = new();
        private readonly System.Collections.Concurrent.ConcurrentQueue<(string Name, Dictionary<string, object?> Tags, double Value)> _seen = new();

        public OwnMeasurements(System.Diagnostics.Metrics.IMeterFactory factory)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == WeerbaarMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => _seen.Enqueue((i.Name, Tags(tags), v)));
            _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => _seen.Enqueue((i.Name, Tags(tags), v)));
            _listener.Start();
        }

        private static Dictionary<string, object?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var d = new Dictionary<string, object?>();
            foreach (var t in tags)
            {
                d[t.Key] = t.Value;
            }
            return d;
        }

        /// <summary>Counter: the sum; histogram: the number of recordings.</summary>
        public double Count(string instrument, string? tag, string? value)
        {
            var hits = _seen.Where(m => m.Name == instrument && (tag is null || Equals(m.Tags.GetValueOrDefault(tag), value))).ToList();
            return instrument.EndsWith(".duration", StringComparison.Ordinal) ? hits.Count : hits.Sum(m => m.Value);
        }

        public void Dispose() => _listener.Dispose();
    }

    /// <summary>The value of the sample of <paramref name="metric"/> whose labels contain <paramref name="labels"/>.</summary>
    private static double Sample(string exposition, string metric, string labels)
    {
        var line = exposition.Split('\n').FirstOrDefault(l => Regex.IsMatch(l, $"^{Regex.Escape(metric)}(\\{{[^}}]*\\}})? ") && l.Contains(labels, StringComparison.Ordinal));
        Assert.True(line is not null, $"{metric}{{{labels}}} ontbreekt");
        return double.Parse(line.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<Activity> WaitForAsync(SpanCollection spans, Func<Activity, bool> match)
    {
        for (var i = 0; i < 100; i++)
        {
            if (spans.Snapshot().FirstOrDefault(match) is { } found)
            {
                return found;
            }
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException("span niet gevonden");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteTelemetryRunTests : TelemetryRunTests
{
    protected override Task<(DatabaseProvider, string)> OwnDatabaseAsync(string directory)
        => Task.FromResult((DatabaseProvider.Sqlite, $"Data Source={Path.Combine(directory, "weerbaar.db")}"));
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresTelemetryRunTests(PostgresAppFixture fixture) : TelemetryRunTests
{
    protected override async Task<(DatabaseProvider, string)> OwnDatabaseAsync(string directory)
    {
        var name = "telemetry_" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Cluster.CreateDatabaseAsync(name);
        return (DatabaseProvider.Postgres, fixture.Cluster.ConnectionString(name));
    }
}
