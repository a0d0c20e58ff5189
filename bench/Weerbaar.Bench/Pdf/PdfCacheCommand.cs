using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Bench.Http;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Locations;
using Weerbaar.Web.Features.Scan.Report.Pdf;

namespace Weerbaar.Bench.Pdf;

/// <summary>
/// <c>pdf-cache</c>: the foto of a gemeente as PDF on the real app on 127.0.0.1 (SQLite): the first (cold) download, a new
/// print after a change with Chromium already running, the warm download p50/p95 with N concurrent clients on the same
/// document, the same with If-None-Match (304), N clients arriving at once for a new version (one print, all wait), and the
/// floor in the same run: the same number of bytes from a byte[] in memory, served by the same Kestrel app without
/// authentication or database. Goal (issue 16, item 7): the second download of an unchanged document under 100 ms.
/// Writes bench/results/&lt;date&gt;-pdf-cache.md.
/// </summary>
public static class PdfCacheCommand
{
    private const string Gemeente = "GM0363"; // Amsterdam: 476 buurten, the largest foto
    private const string FloorPath = "/bench/floor.pdf";
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(string[] args)
    {
        var clients = Option(args, "--clients", 10);
        var seconds = Option(args, "--seconds", 15);
        CultureInfo.CurrentCulture = C;
        var outDir = ResultsDirectory.Resolve(null);
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        var dataDirectory = Directory.CreateTempSubdirectory("weerbaar-bench-pdf-").FullName;
        var load = MachineInfo.LoadAverage();
        var floor = new FloorBytes();
        var factory = new BenchAppFactory(dataDirectory, configureServices: s => s.AddSingleton<IStartupFilter>(new FloorFilter(floor)));
        try
        {
            var baseUrl = factory.StartOnLoopback();
            using var login = new HttpClient { BaseAddress = baseUrl };
            var token = await HttpLoadCommand.LoginAsync(login);
            using var client = new HttpClient(LoadClients.Handler(clients)) { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(5) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var cache = factory.Services.GetRequiredService<PdfCache>();
            var path = $"/api/v1/gemeenten/{Gemeente}/foto.pdf";

            var cold = await OnceAsync(client, path);
            Console.WriteLine($"cold (Chromium start and print): {cold.Ms:N0} ms, {cold.Bytes / 1024.0:N0} KiB, {cold.Outcome}");
            await AddNoodsteunpuntAsync(factory.Services, "Noodsteunpunt bench 1");
            var changed = await OnceAsync(client, path);
            Console.WriteLine($"new version, Chromium running: {changed.Ms:N0} ms, {changed.Outcome}");
            var second = await OnceAsync(client, path);
            Console.WriteLine($"second download: {second.Ms:N1} ms, {second.Outcome}");
            floor.Bytes = new byte[changed.Bytes];
            Random.Shared.NextBytes(floor.Bytes);

            var rendersBefore = cache.Renders;
            var versionHitsBefore = cache.VersionHits;
            var warm = await LoadAsync(client, path, clients, seconds, null);
            Console.WriteLine($"warm x{clients}: p50 {warm.Latency.P50:N1} ms, p95 {warm.Latency.P95:N1} ms");
            var etag = second.ETag!;
            var notModified = await LoadAsync(client, path, clients, seconds, etag);
            Console.WriteLine($"304 x{clients}: p50 {notModified.Latency.P50:N1} ms, p95 {notModified.Latency.P95:N1} ms");
            var floorRun = await LoadAsync(client, FloorPath, clients, seconds, null);
            Console.WriteLine($"floor x{clients}: p50 {floorRun.Latency.P50:N1} ms, p95 {floorRun.Latency.P95:N1} ms");
            var rendersDuringWarm = cache.Renders - rendersBefore;
            var versionHits = cache.VersionHits - versionHitsBefore;

            await AddNoodsteunpuntAsync(factory.Services, "Noodsteunpunt bench 2");
            var burstBefore = cache.Renders;
            var burstWatch = Stopwatch.StartNew();
            var burst = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => OnceAsync(client, path)));
            burstWatch.Stop();
            var burstRenders = cache.Renders - burstBefore;
            Console.WriteLine($"burst x{clients} on a new version: {burstRenders} print(s), slowest {burst.Max(b => b.Ms):N0} ms");

            var text = new StringBuilder();
            text.AppendLine(C, $"# PDF cache: the foto as PDF, cold, warm and against the floor ({DateTime.UtcNow:yyyy-MM-dd})");
            text.AppendLine();
            text.AppendLine(C, $"Source revision: {SourceRevision.Describe(ResultsDirectory.BenchDirectory)}. Date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC.");
            text.AppendLine();
            text.AppendLine($"Command: `dotnet run -c Release --project bench/Weerbaar.Bench -- pdf-cache --clients {clients} --seconds {seconds}`. "
                + $"The real app on Kestrel (127.0.0.1, SQLite, Production, Chromium /usr/bin/chromium), the beheerder over the API with a bearer token, `GET {path}` "
                + $"(Amsterdam, the largest foto). Closed loop: each of {clients} clients sends the next GET as soon as it has read the whole answer; "
                + $"HTTP/1.1 keep-alive, one HttpClient, {clients} connections; {seconds} s per phase after 2 s warm-up; every latency kept (nearest-rank percentiles). "
                + $"Floor: `GET {FloorPath}`, a middleware at the start of the same app's pipeline that writes a byte[] of the PDF's size from memory (no authentication, no database).");
            text.AppendLine();
            text.AppendLine(C, $"Load average (1, 5, 15 min) at the start: {load}; at the end: {MachineInfo.LoadAverage()}. A load above 2 means other processes shared the two cores.");
            text.AppendLine();
            text.AppendLine("## Machine");
            text.AppendLine();
            text.AppendLine(MachineInfo.Markdown());
            text.AppendLine("## Single downloads");
            text.AppendLine();
            text.AppendLine("| download | ms | KiB | X-Pdf-Cache |");
            text.AppendLine("| --- | ---: | ---: | --- |");
            text.AppendLine(C, $"| first (cold: Chromium starts, builds and prints) | {cold.Ms:N0} | {cold.Bytes / 1024.0:N0} | {cold.Outcome} |");
            text.AppendLine(C, $"| after a change (a noodsteunpunt added; Chromium running) | {changed.Ms:N0} | {changed.Bytes / 1024.0:N0} | {changed.Outcome} |");
            text.AppendLine(C, $"| second download of that unchanged version | {second.Ms:N1} | {second.Bytes / 1024.0:N0} | {second.Outcome} |");
            text.AppendLine();
            text.AppendLine(C, $"## {clients} concurrent clients on the same document");
            text.AppendLine();
            text.AppendLine("| phase | requests | errors | req/s | p50 ms | p95 ms | p99 ms | max ms | p50 ÷ floor p50 | p95 ÷ floor p95 |");
            text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var (name, r) in new[] { ("warm download (200, whole PDF)", warm), ("warm, If-None-Match (304)", notModified), ("floor: same bytes from memory", floorRun) })
            {
                text.AppendLine(C, $"| {name} | {r.Latency.Count} | {r.Errors} | {r.Latency.Count / r.Seconds:N0} | {r.Latency.P50:N1} | {r.Latency.P95:N1} | {r.Latency.P99:N1} | {r.Latency.Max:N1} | {r.Latency.P50 / floorRun.Latency.P50:N1} | {r.Latency.P95 / floorRun.Latency.P95:N1} |");
            }
            text.AppendLine();
            text.AppendLine(C, $"Prints during the warm phases: {rendersDuringWarm} (every warm answer came from the cache); {versionHits} answers (warm-up included) were found by their data version alone, without building the foto.");
            text.AppendLine();
            text.AppendLine(C, $"## {clients} clients at once on a new version");
            text.AppendLine();
            text.AppendLine($"After another noodsteunpunt: {clients} GETs sent together. Prints: **{burstRenders}**; answers: "
                + string.Join(", ", burst.GroupBy(b => b.Outcome).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"))
                + $"; fastest {burst.Min(b => b.Ms):N0} ms, slowest {burst.Max(b => b.Ms):N0} ms (all {burstWatch.Elapsed.TotalMilliseconds:N0} ms). "
                + "Without the cache each of them would print in turn, two at a time (ChromiumHost.MaxConcurrentJobs).");
            var file = Path.Combine(outDir, $"{DateTime.UtcNow:yyyy-MM-dd}-pdf-cache.md");
            await File.WriteAllTextAsync(file, text.ToString());
            Console.WriteLine($"Written: {file}");
            return 0;
        }
        finally
        {
            await factory.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
        }
    }

    private sealed record Once(double Ms, long Bytes, string Outcome, EntityTagHeaderValue? ETag);

    private static async Task<Once> OnceAsync(HttpClient client, string path)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(path);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        watch.Stop();
        response.EnsureSuccessStatusCode();
        return new Once(watch.Elapsed.TotalMilliseconds, bytes.LongLength,
            response.Headers.TryGetValues(PdfDownloads.CacheHeader, out var v) ? v.Single() : "-", response.Headers.ETag);
    }

    private sealed record Run(LatencyStats Latency, int Errors, double Seconds);

    private static async Task<Run> LoadAsync(HttpClient client, string path, int clients, int seconds, EntityTagHeaderValue? ifNoneMatch)
    {
        var expected = ifNoneMatch is null ? HttpStatusCode.OK : HttpStatusCode.NotModified;
        async Task<(List<long> Ticks, int Errors)> Client(TimeSpan duration, bool record)
        {
            var ticks = new List<long>();
            var errors = 0;
            var until = Stopwatch.StartNew();
            while (until.Elapsed < duration)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                if (ifNoneMatch is not null)
                {
                    request.Headers.IfNoneMatch.Add(ifNoneMatch);
                }
                var start = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                await response.Content.CopyToAsync(Stream.Null);
                var elapsed = Stopwatch.GetTimestamp() - start;
                if (record)
                {
                    ticks.Add(elapsed);
                    errors += response.StatusCode == expected ? 0 : 1;
                }
            }
            return (ticks, errors);
        }
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Client(TimeSpan.FromSeconds(2), record: false)));
        var watch = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(() => Client(TimeSpan.FromSeconds(seconds), record: true))));
        watch.Stop();
        return new Run(LatencyStats.From([.. results.SelectMany(r => r.Ticks)]), results.Sum(r => r.Errors), watch.Elapsed.TotalSeconds);
    }

    private static async Task AddNoodsteunpuntAsync(IServiceProvider services, string name)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Noodsteunpunten.Add(new Noodsteunpunt { GemeenteCode = Gemeente, Name = name, Latitude = 52.37, Longitude = 4.9, Capacity = 100, UpdatedBy = "bench" });
        await db.SaveChangesAsync();
    }

    private sealed class FloorBytes
    {
        public byte[] Bytes { get; set; } = [];
    }

    /// <summary>The floor: a byte[] written by the first middleware of the same app, before authentication and routing.</summary>
    private sealed class FloorFilter(FloorBytes floor) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Path == FloorPath)
                {
                    context.Response.ContentType = "application/pdf";
                    context.Response.ContentLength = floor.Bytes.Length;
                    await context.Response.Body.WriteAsync(floor.Bytes);
                    return;
                }
                await nextMiddleware(context);
            });
            next(app);
        };
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
