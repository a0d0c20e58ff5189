using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Weerbaar.Bench.Http;

namespace Weerbaar.Bench.Siting;

/// <summary>
/// <c>siting-web</c>: a national siting run through the real app on 127.0.0.1 (SQLite): the POST that takes the snapshot
/// and queues the job, the job's run (greedy, solver, figures, result JSON) until the poll sees it done, and the result
/// page. The floor is <c>GET /health</c> on the same app. Writes bench/results/&lt;date&gt;-siting-web.md.
/// </summary>
public static class SitingWebCommand
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(string[] args)
    {
        var ks = args.Where(a => int.TryParse(a, out _)).Select(int.Parse).DefaultIfEmpty(1500).ToList();
        var outDir = ResultsDirectory.Resolve(null);
        // The app finds its content root (reference data, wwwroot) next to the bench's binaries.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        var dataDirectory = Directory.CreateTempSubdirectory("weerbaar-bench-siting-").FullName;
        var load = MachineInfo.LoadAverage();
        var factory = new BenchAppFactory(dataDirectory);
        var rows = new List<string>();
        try
        {
            var baseUrl = factory.StartOnLoopback();
            using var client = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(10) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await HttpLoadCommand.LoginAsync(client));
            var floor = await MedianMsAsync(() => client.GetAsync("/health"), 21);
            foreach (var k in ks)
            {
                var post = Stopwatch.StartNew();
                using var started = await client.PostAsJsonAsync("/api/v1/siting-runs",
                    new { model = "maximale-dekking", newSites = k, candidates = "buurtpunten", timeLimitSeconds = 120 });
                post.Stop();
                if (!started.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"Start refused: {(int)started.StatusCode} {await started.Content.ReadAsStringAsync()}");
                }
                var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
                var wait = Stopwatch.StartNew();
                JsonElement run;
                while (true)
                {
                    run = await client.GetFromJsonAsync<JsonElement>($"/api/v1/siting-runs/{id}");
                    var status = run.GetProperty("job").GetProperty("status").GetString();
                    if (status is "done" or "failed" or "cancelled")
                    {
                        break;
                    }
                    await Task.Delay(100);
                }
                wait.Stop();
                var job = run.GetProperty("job");
                var jobSeconds = (job.GetProperty("finishedAt").GetDateTimeOffset() - job.GetProperty("startedAt").GetDateTimeOffset()).TotalSeconds;
                var result = run.GetProperty("result");
                var optimal = result.GetProperty("optimal");
                var greedy = result.GetProperty("greedy");
                var resultBytes = Encoding.UTF8.GetByteCount(result.GetRawText());
                var page = await MedianMsAsync(() => client.GetAsync($"/noodsteunpunten/locatiekeuze/{id}"), 5);
                rows.Add(string.Create(C, $"| {k:N0} | {optimal.GetProperty("statusLabel").GetString()} | {optimal.GetProperty("objective").GetDouble():N0} | {optimal.GetProperty("bestBound").GetDouble():N0} | {optimal.GetProperty("seconds").GetDouble():N2} | {greedy.GetProperty("objective").GetDouble():N0} | {greedy.GetProperty("seconds").GetDouble():N2} | {post.Elapsed.TotalMilliseconds:N0} | {jobSeconds:N2} | {wait.Elapsed.TotalSeconds:N2} | {resultBytes / 1024.0 / 1024:N1} | {page:N0} | {page / floor:N0} |"));
                Console.WriteLine(rows[^1]);
            }
            var text = new StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture, $"# Siting through the app: a national run end to end ({DateTime.UtcNow:yyyy-MM-dd})");
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Source revision: {SourceRevision.Describe(ResultsDirectory.BenchDirectory)}.");
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Command: `dotnet run -c Release --project bench/Weerbaar.Bench -- siting-web {string.Join(' ', ks)}`. The real app on Kestrel (127.0.0.1, SQLite, Production), the admin over the API with a bearer token; one run per k.");
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Load average (1, 5, 15 min) at the start: {load}; at the end: {MachineInfo.LoadAverage()}.");
            text.AppendLine();
            text.AppendLine("## Machine");
            text.AppendLine();
            text.AppendLine(MachineInfo.Markdown());
            text.AppendLine("## Results");
            text.AppendLine();
            text.AppendLine("Maximal covering over all 9,859 buurten with a point, every buurt point a candidate, the default norms (1,000 m, 1.3). POST = the request that reads buurten, points and noodsteunpunten, builds the snapshot and queues the job; job = started → finished (greedy, solver, three coverage evaluations, result JSON); poll = POST answered → poll saw done (100 ms poll). Page = median of 5 GETs of the result page (server render, per-gemeente table, inlined map data). Floor = median `GET /health` on the same app: "
                + string.Create(C, $"{floor:N1} ms."));
            text.AppendLine();
            text.AppendLine("| k | status | objective | bound | solver s | greedy objective | greedy s | POST ms | job s | poll s | result MB | page ms | page ÷ floor |");
            text.AppendLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            rows.ForEach(r => text.AppendLine(r));
            var path = Path.Combine(outDir, $"{DateTime.UtcNow:yyyy-MM-dd}-siting-web.md");
            await File.WriteAllTextAsync(path, text.ToString());
            Console.WriteLine($"Written: {path}");
            return 0;
        }
        finally
        {
            await factory.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<double> MedianMsAsync(Func<Task<HttpResponseMessage>> request, int times)
    {
        var ms = new List<double>();
        for (var i = 0; i < times; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await request();
            _ = await response.Content.ReadAsByteArrayAsync();
            watch.Stop();
            response.EnsureSuccessStatusCode();
            ms.Add(watch.Elapsed.TotalMilliseconds);
        }
        ms.Sort();
        return ms[ms.Count / 2];
    }
}
