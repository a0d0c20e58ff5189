using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Bench.Http;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Demo;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.Responses;

namespace Weerbaar.Bench.Scan;

/// <summary>
/// The <c>scan</c> command: the performance goals of the Weerbaarheidsscan, measured over HTTP against the real app on
/// 127.0.0.1 — page saves of concurrent respondents, creating a round with an invitation per gemeente, and a large import.
/// </summary>
public static class ScanCommand
{
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(120);

    public static async Task<int> RunAsync(string[] args)
    {
        ScanOptions options;
        try
        {
            options = ScanOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }

        var startedAt = DateTimeOffset.Now;
        var loadAverage = MachineInfo.LoadAverage();
        var resultsDirectory = ResultsDirectory.Resolve(options.OutputDirectory);
        // WebApplicationFactory finds the app's content root through MvcTestingAppManifest.json in the working directory.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        var dataDirectory = Path.Combine(Path.GetTempPath(), "weerbaar-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dataDirectory);
        var postgres = options.Postgres ? await ThrowawayPostgres.StartAsync() : null;
        var pragmas = options.SqliteExperiment ? new SqlitePragmas(options.SqliteBusyTimeoutMs, options.SqliteSynchronousNormal) : null;
        Action<IServiceCollection>? experiment = pragmas is null
            ? null
            : services => services.ConfigureDbContext<AppDbContext>(o => o.AddInterceptors(pragmas));
        var factory = new BenchAppFactory(dataDirectory, postgres?.ConnectionString("weerbaar_bench"), experiment);
        try
        {
            var startup = Stopwatch.StartNew();
            var baseUrl = factory.StartOnLoopback();
            startup.Stop();
            var database = postgres is null
                ? $"SQLite {factory.SqliteSetting("sqlite_version()")} (WAL), file in a temporary folder on the local disk" +
                  (pragmas is null ? "" : $"; EXPERIMENT: {pragmas.Describe()} on every connection (bench interceptor, not the app's setting)")
                : $"{postgres.Version}, throwaway cluster on 127.0.0.1 (PostgreSQL defaults: fsync on, synchronous_commit on)";
            Console.WriteLine($"App on {baseUrl} ({database}; start-up {startup.Elapsed.TotalSeconds:F1} s).");

            using var adminHandler = LoadClients.Handler(4);
            using var admin = new HttpClient(adminHandler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(120) };
            admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await HttpLoadCommand.LoginAsync(admin));
            // Respondents have no account: their client sends no bearer token, only the personal token in the path.
            using var respondentHandler = LoadClients.Handler(options.Clients);
            using var respondents = new HttpClient(respondentHandler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };

            var api = new ScanApi(admin);
            var instrument = factory.Services.GetRequiredService<InstrumentCatalog>().Find(ScanApi.Instrument)!;
            var gemeenten = factory.Services.GetRequiredService<ReferenceData>().Gemeenten.Select(g => g.Code).ToList();
            var command = $"dotnet run -c Release --project bench/Weerbaar.Bench -- scan {string.Join(' ', args)}".TrimEnd();
            var run = new ScanRun(command, options, startedAt, loadAverage, startup.Elapsed, SourceRevision.Describe(ResultsDirectory.BenchDirectory), database)
            {
                Gemeenten = gemeenten.Count,
            };

            if (options.Parts.Contains("save"))
            {
                run.Save = await PageSavesAsync(api, respondents, instrument, gemeenten, options);
                run.LoadAverageAfterSave = MachineInfo.LoadAverage();
            }
            if (options.Parts.Contains("round"))
            {
                var others = OthersCpu.Start();
                run.Rounds = await RoundsAsync(api, factory.Services, gemeenten, options.RoundRepeats);
                run.OthersCpuRounds = others.Stop();
                run.LoadAverageAfterRounds = MachineInfo.LoadAverage();
            }
            if (options.Parts.Contains("import"))
            {
                var others = OthersCpu.Start();
                (run.Imports, run.ImportFileBytes) = await ImportsAsync(api, instrument, gemeenten, options);
                run.OthersCpuImports = others.Stop();
                run.LoadAverageAfterImports = MachineInfo.LoadAverage();
            }
            if (options.Parts.Contains("results"))
            {
                (run.Results, run.ResultsResponses) = await ResultsAsync(api, admin, instrument, gemeenten, options);
                run.LoadAverageAfterResults = MachineInfo.LoadAverage();
            }

            Directory.CreateDirectory(resultsDirectory);
            var file = Path.Combine(resultsDirectory, ResultsDirectory.FileName("scan", options.Description));
            await File.WriteAllTextAsync(file, ScanReport.Markdown(run));
            Console.WriteLine($"Report: {file}");
            return 0;
        }
        finally
        {
            await factory.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Npgsql.NpgsqlConnection.ClearAllPools();
            if (postgres is not null)
            {
                await postgres.DisposeAsync();
            }
            HttpLoadCommand.TryDelete(dataDirectory);
        }
    }

    /// <summary>How much of the machine other processes used during a part of the run.</summary>
    private sealed record OthersCpu(double? MachineBusyMs, TimeSpan OwnCpu, Stopwatch Watch)
    {
        public static OthersCpu Start() => new(MachineInfo.MachineBusyMs(), Process.GetCurrentProcess().TotalProcessorTime, Stopwatch.StartNew());

        public double? Stop() => MachineInfo.OthersCpuPercent(MachineBusyMs, (Process.GetCurrentProcess().TotalProcessorTime - OwnCpu).TotalMilliseconds, Watch.Elapsed);
    }

    // ---- 1. page saves -------------------------------------------------------------------------------------------

    private static async Task<SaveOutcome> PageSavesAsync(ScanApi api, HttpClient respondents, Instrument instrument, List<string> gemeenten, ScanOptions o)
    {
        Console.WriteLine($"[save] setup: an open round with {o.Clients} invitations (one per gemeente), via the API");
        var round = await api.CreateRoundAsync("page saves");
        var invited = await api.InviteAsync(round, gemeenten.Take(o.Clients));
        await api.OpenAsync(round);
        var setA = DemoResponses.Generate(instrument, gemeenten, gemeenten.Count, seed: 2026);
        var setB = DemoResponses.Generate(instrument, gemeenten, gemeenten.Count, seed: 2027);
        var clients = new List<PageSaveClient>();
        for (var i = 0; i < invited.Count; i++)
        {
            clients.Add(new PageSaveClient(respondents, invited[i].Token, await ScanApi.VersionAsync(respondents, invited[i].Token), instrument, setA[i], setB[i]));
        }

        // Probe: one save must succeed (a 422 here means the answers are not valid for the instrument).
        var probe = await clients[0].SaveNextAsync(CancellationToken.None);
        if (!probe.Success)
        {
            throw new InvalidOperationException($"The first page save answered {probe.Status}; stopping.");
        }
        Func<int, ClientStep> step = i => clients[i].SaveNextAsync;
        if (o.WarmupSeconds > 0)
        {
            var warm = await LoadRunner.RunAsync(step, o.Clients, TimeSpan.FromSeconds(o.WarmupSeconds), o.MaxRequests);
            Print("  warm-up  ", warm);
        }
        PhaseResult? baseline = null;
        IReadOnlyList<(string, double)> allocations = [];
        if (o.BaselineSeconds > 0)
        {
            using var sampler = o.AllocationProfile ? new AllocationSampler() : null;
            sampler?.Start();
            baseline = await LoadRunner.RunAsync(step, 1, TimeSpan.FromSeconds(o.BaselineSeconds), o.MaxRequests);
            allocations = sampler?.Stop(12) ?? [];
            Print("  1 client ", baseline);
        }
        var load = await LoadRunner.RunAsync(step, o.Clients, TimeSpan.FromSeconds(o.Seconds), o.MaxRequests);
        Print($"  {o.Clients} clients", load);
        PhaseResult? paced = null;
        if (o.ThinkMs > 0)
        {
            paced = await LoadRunner.RunAsync(step, o.Clients, TimeSpan.FromSeconds(o.Seconds), o.MaxRequests, TimeSpan.FromMilliseconds(o.ThinkMs));
            Print($"  {o.Clients} clients, {o.ThinkMs} ms think time", paced);
        }

        // Every acknowledged save must be the one the server holds now.
        var mismatches = 0;
        for (var i = 0; i < clients.Count; i++)
        {
            if (await ScanApi.VersionAsync(respondents, invited[i].Token) != clients[i].Version)
            {
                mismatches++;
            }
        }
        Console.WriteLine($"  server versions that differ from the last acknowledged save: {mismatches}");
        return new SaveOutcome(baseline, load, paced, invited.Count, mismatches, clients.Sum(c => c.Saves)) { Allocations = allocations };
    }

    private static void Print(string label, PhaseResult r)
        => Console.WriteLine($"{label}: {r.Requests} requests, {r.Errors} errors, {r.RequestsPerSecond:F0} req/s, " +
                             $"p50 {r.Latency.P50:F1} p95 {r.Latency.P95:F1} p99 {r.Latency.P99:F1} max {r.Latency.Max:F1} ms, CPU {r.CpuPercent:F0}% ({r.CpuMsPerRequest:F2} ms/req), {r.AllocatedKiBPerRequest:F0} KiB/req, load {r.LoadAverage}");

    // ---- 2. a round with an invitation per gemeente --------------------------------------------------------------

    private static async Task<List<RoundRep>> RoundsAsync(ScanApi api, IServiceProvider services, List<string> gemeenten, int repeats)
    {
        var reps = new List<RoundRep>();
        foreach (var variant in new[] { "concept", "open" })
        {
            Console.WriteLine(variant == "concept"
                ? $"[round] concept round: POST round, POST {gemeenten.Count} invitations, PATCH open (queues the e-mails); {repeats}× after 1 warm-up"
                : $"[round] open round: POST round, PATCH open, POST {gemeenten.Count} invitations (queued at once); {repeats}× after 1 warm-up");
            for (var rep = 0; rep <= repeats; rep++)
            {
                await DrainOutboxAsync(services);
                var before = await OutboxCountAsync(services);
                var total = Stopwatch.StartNew();
                var t = Stopwatch.StartNew();
                var round = await api.CreateRoundAsync($"{variant} round");
                var create = t.Elapsed;
                TimeSpan invite, open;
                if (variant == "concept")
                {
                    t.Restart();
                    await api.InviteAsync(round, gemeenten);
                    invite = t.Elapsed;
                    t.Restart();
                    await api.OpenAsync(round);
                    open = t.Elapsed;
                }
                else
                {
                    t.Restart();
                    await api.OpenAsync(round);
                    open = t.Elapsed;
                    t.Restart();
                    await api.InviteAsync(round, gemeenten);
                    invite = t.Elapsed;
                }
                total.Stop();
                var queued = await OutboxCountAsync(services) - before;
                var drained = await DrainOutboxAsync(services);
                var result = new RoundRep(variant, rep, create, invite, open, total.Elapsed, gemeenten.Count, queued, drained);
                Console.WriteLine($"  {(rep == 0 ? "warm-up" : $"#{rep}")}: total {Ms(result.Total)} ms (create {Ms(create)}, invite {Ms(invite)}, open {Ms(open)}), " +
                                  $"{queued} e-mails queued, outbox sent in {(drained is { } d ? $"{d.TotalSeconds:F1} s" : "—")}, load {MachineInfo.LoadAverage()}");
                if (rep > 0)
                {
                    reps.Add(result);
                }
            }
        }
        return reps;
    }

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture);

    private static async Task<int> OutboxCountAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.CountAsync();
    }

    /// <summary>Waits (bounded) until the outbox worker has sent everything, so each repetition starts from a quiet app.</summary>
    private static async Task<TimeSpan?> DrainOutboxAsync(IServiceProvider services)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < DrainLimit)
        {
            using (var scope = services.CreateScope())
            {
                if (!await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.AnyAsync(m => m.SentAt == null))
                {
                    return watch.Elapsed;
                }
            }
            await Task.Delay(100);
        }
        return null;
    }

    // ---- 3. import -----------------------------------------------------------------------------------------------

    private static async Task<(List<ImportRep>, long)> ImportsAsync(ScanApi api, Instrument instrument, List<string> gemeenten, ScanOptions o)
    {
        var rows = new List<ResponseRow>(o.ImportRows);
        for (var seed = 1; rows.Count < o.ImportRows; seed++)
        {
            foreach (var row in DemoResponses.Generate(instrument, gemeenten, gemeenten.Count, seed))
            {
                if (rows.Count < o.ImportRows)
                {
                    rows.Add(row with { Respondent = string.Create(CultureInfo.InvariantCulture, $"bench-{rows.Count + 1:00000}") });
                }
            }
        }
        var csv = ResponseCsv.Write(instrument, rows);
        Console.WriteLine($"[import] {rows.Count} rows ({csv.Length / 1024.0 / 1024.0:F2} MiB CSV), {o.ImportRepeats}× into a fresh round after 1 warm-up of 500 rows");
        var warmup = ResponseCsv.Write(instrument, rows.Take(500));
        await api.ImportAsync(await api.CreateRoundAsync("import warm-up"), warmup);

        var reps = new List<ImportRep>();
        var process = Process.GetCurrentProcess();
        for (var rep = 1; rep <= o.ImportRepeats; rep++)
        {
            var round = await api.CreateRoundAsync("import");
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            process.Refresh();
            var workingSetBefore = process.WorkingSet64;
            var exact = ResetPeakRss();
            using var stop = new CancellationTokenSource();
            var sampler = Task.Run(() => SamplePeaks(stop.Token));
            var cpuBefore = process.TotalProcessorTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes();
            var watch = Stopwatch.StartNew();
            var imported = await api.ImportAsync(round, csv);
            watch.Stop();
            await stop.CancelAsync();
            var (sampledRss, heap) = await sampler;
            process.Refresh();
            var result = new ImportRep(rep, watch.Elapsed, imported, workingSetBefore, exact ? PeakRss() ?? sampledRss : Math.Max(sampledRss, process.WorkingSet64), exact, heap,
                (process.TotalProcessorTime - cpuBefore).TotalMilliseconds, GC.GetTotalAllocatedBytes() - allocatedBefore);
            reps.Add(result);
            Console.WriteLine($"  #{rep}: {imported} imported in {Ms(result.Elapsed)} ms; working set {Mib(workingSetBefore)} → peak {Mib(result.PeakRss)} MiB " +
                              $"({(exact ? "VmHWM" : "sampled")}), managed heap peak {Mib(heap)} MiB, CPU {result.CpuMs:F0} ms, allocated {Mib(result.AllocatedBytes)} MiB, load {MachineInfo.LoadAverage()}");
        }
        return (reps, csv.LongLength);
    }

    private static string Mib(long bytes) => (bytes / 1024.0 / 1024.0).ToString("F0", CultureInfo.InvariantCulture);

    /// <summary>Linux resets the peak resident set size (VmHWM) of a process when "5" is written to its clear_refs.</summary>
    private static bool ResetPeakRss()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return PeakRss() is not null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long? PeakRss()
    {
        if (!File.Exists("/proc/self/status"))
        {
            return null;
        }
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kb = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return long.TryParse(kb, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v * 1024 : null;
    }

    /// <summary>Samples the working set and the managed heap every 10 ms (the fallback when VmHWM cannot be reset).</summary>
    private static async Task<(long Rss, long Heap)> SamplePeaks(CancellationToken ct)
    {
        long rss = 0, heap = 0;
        while (!ct.IsCancellationRequested)
        {
            rss = Math.Max(rss, Environment.WorkingSet);
            heap = Math.Max(heap, GC.GetTotalMemory(forceFullCollection: false));
            try
            {
                await Task.Delay(10, ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        return (rss, heap);
    }

    // ---- 4. results of a round -------------------------------------------------------------------------------------

    private static readonly (string Name, string Path, string Expect)[] ResultsCalls =
    [
        ("results", "/api/v1/rounds/{id}/results", "\"responses\":"),
        ("comparisons-stedelijkheid", "/api/v1/rounds/{id}/results/comparisons?by=stedelijkheid", "\"codeTests\""),
        ("pillars", "/api/v1/rounds/{id}/results/pillars", "\"concordance\""),
        // The report: the HTML page (goal < 200 ms), then the PDF (goal < 5 s) and Word as downloads.
        ("report-html", "/onderzoek/rondes/{id}/rapport", "3. Uitkomsten"),
        ("report-pdf", "/api/v1/rounds/{id}/report.pdf", "%PDF"),
        ("report-docx", "/api/v1/rounds/{id}/report.docx", "PK"),
    ];

    private static async Task<(List<ResultsScenario>, int)> ResultsAsync(ScanApi api, HttpClient admin, Instrument instrument, List<string> gemeenten, ScanOptions o)
    {
        var rows = DemoResponses.Generate(instrument, gemeenten, gemeenten.Count, seed: 2026);
        var round = await api.CreateRoundAsync("results");
        var imported = await api.ImportAsync(round, ResponseCsv.Write(instrument, rows));
        Console.WriteLine($"[results] a round with {imported} imported responses (DemoResponses, seed 2026, one per gemeente); per call 1 client, then 10, {o.Seconds} s each after {o.WarmupSeconds} s warm-up");
        using var handler = LoadClients.Handler(10);
        using var client = new HttpClient(handler) { BaseAddress = admin.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;
        var runner = new LoadRunner(client);
        var outcomes = new List<ResultsScenario>();
        foreach (var (name, path, expect) in ResultsCalls)
        {
            var url = new Uri(client.BaseAddress!, path.Replace("{id}", round.ToString(), StringComparison.Ordinal));
            using var probe = await client.GetAsync(url);
            var body = await probe.Content.ReadAsStringAsync();
            if (!probe.IsSuccessStatusCode || !body.Contains(expect, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"GET {url}: {(int)probe.StatusCode}, expected {expect} in {body[..Math.Min(body.Length, 500)]}");
            }
            Console.WriteLine($"  [{name}] GET {url.PathAndQuery}: {System.Text.Encoding.UTF8.GetByteCount(body)} bytes");
            if (o.WarmupSeconds > 0)
            {
                await runner.RunAsync(url, 10, TimeSpan.FromSeconds(o.WarmupSeconds), o.MaxRequests);
            }
            var one = await runner.RunAsync(url, 1, TimeSpan.FromSeconds(o.Seconds), o.MaxRequests);
            Print("    1 client  ", one);
            var ten = await runner.RunAsync(url, 10, TimeSpan.FromSeconds(o.Seconds), o.MaxRequests);
            Print("    10 clients", ten);
            outcomes.Add(new ResultsScenario(name, path, System.Text.Encoding.UTF8.GetByteCount(body), one, ten));
        }
        return (outcomes, imported);
    }
}
