using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Weerbaar.Bench.Http;

namespace Weerbaar.Bench.Operations;

/// <summary>
/// The cost of OpenTelemetry: the same closed-loop HTTP load against the app with telemetry off, on as shipped without an
/// exporter (metrics for /metrics, no traces) and on with an OTLP exporter (every request and EF Core command a
/// span, metrics and logs, sent to <see cref="OtlpSink"/>), in alternating rounds (off, on, otlp, off …) in one run so
/// drift of the machine falls on all alike.
/// <code>dotnet run -c Release --project bench/Weerbaar.Bench -- telemetry [--clients 10] [--seconds 10] [--rounds 2] [--out DIR]</code>
/// </summary>
public static class TelemetryLoadCommand
{
    private static readonly string[] Paths = ["/health/ready", "/gemeenten/GM0344"];
    private static readonly string[] Modes = ["off", "on", "otlp"];

    public static async Task<int> RunAsync(string[] args)
    {
        var clients = Option(args, "--clients", 10);
        var seconds = Option(args, "--seconds", 10);
        var rounds = Option(args, "--rounds", 2);
        var outIndex = Array.IndexOf(args, "--out");
        var resultsDirectory = ResultsDirectory.Resolve(outIndex >= 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : null);
        var startedAt = DateTimeOffset.UtcNow;
        // As the http command: the app's content root is the bench's output folder (it carries the app's files).
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        var dataDirectory = Path.Combine(Path.GetTempPath(), "weerbaar-bench-telemetry-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dataDirectory);
        var results = new List<(string Mode, int Round, string Path, PhaseResult Result)>();
        var exported = new List<(int Round, long Calls, long Bytes)>();
        await using var sink = await OtlpSink.StartAsync();
        try
        {
            // Round 0 warms the process (JIT, pools, the database file) and is not reported; after it every round starts
            // with the next mode, so no mode is always measured first.
            for (var round = 0; round <= rounds; round++)
            {
                foreach (var mode in Modes.Skip(round % Modes.Length).Concat(Modes.Take(round % Modes.Length)))
                {
                    var (callsBefore, bytesBefore) = (sink.Calls, sink.Bytes);
                    var settings = new Dictionary<string, string>
                    {
                        ["Weerbaar:Telemetry:Enabled"] = mode == "off" ? "false" : "true",
                        ["Weerbaar:Jobs:Enabled"] = "false",
                    };
                    if (mode == "otlp")
                    {
                        settings["Weerbaar:Telemetry:Otlp:Endpoint"] = sink.Endpoint.ToString();
                    }
                    var app = new BenchAppFactory(dataDirectory, settings: settings);
                    var baseUrl = app.StartOnLoopback();
                    using var handler = LoadClients.Handler(clients);
                    using var client = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
                    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await HttpLoadCommand.LoginAsync(client));
                    var runner = new LoadRunner(client);
                    foreach (var path in Paths)
                    {
                        var url = new Uri(baseUrl, path);
                        await runner.RunAsync(url, clients, TimeSpan.FromSeconds(3), 100_000); // warm-up
                        var result = await runner.RunAsync(url, clients, TimeSpan.FromSeconds(seconds), 1_000_000);
                        Console.WriteLine($"round {round} telemetry {mode,-4} {path}: {result.RequestsPerSecond:F0} req/s, p50 {result.Latency.P50:F2} ms, p95 {result.Latency.P95:F2} ms, errors {result.Errors}");
                        if (round > 0)
                        {
                            results.Add((mode, round, path, result));
                        }
                    }
                    // Disposing the app flushes its exporters, so the sink's counts include the last batch.
                    await app.DisposeAsync();
                    if (mode == "otlp" && round > 0)
                    {
                        exported.Add((round, sink.Calls - callsBefore, sink.Bytes - bytesBefore));
                    }
                    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                }
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
        var file = Path.Combine(resultsDirectory, $"{DateTime.UtcNow:yyyy-MM-dd}-telemetry.md");
        await File.WriteAllTextAsync(file, Report(args, startedAt, clients, seconds, results, exported));
        Console.WriteLine($"report: {file}");
        return 0;
    }

    private static string Report(string[] args, DateTimeOffset startedAt, int clients, int seconds,
        List<(string Mode, int Round, string Path, PhaseResult Result)> results, List<(int Round, long Calls, long Bytes)> exported)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder()
            .AppendLine("# Telemetry on vs off (HTTP load)").AppendLine()
            .AppendLine(("`dotnet run -c Release --project bench/Weerbaar.Bench -- telemetry " + string.Join(' ', args)).TrimEnd() + "`").AppendLine()
            .AppendLine(c, $"Started {startedAt:yyyy-MM-dd HH:mm} UTC; source {SourceRevision.Describe(ResultsDirectory.BenchDirectory)}.").AppendLine()
            .AppendLine(MachineInfo.Markdown()).AppendLine()
            .AppendLine(c, $"{clients} clients in a closed loop, {seconds} s per measurement after 3 s warm-up; SQLite; bearer token of a beheerder.")
            .AppendLine("off = Weerbaar:Telemetry:Enabled false; on = as shipped without an exporter: metrics (meter Weerbaar, ASP.NET Core,")
            .AppendLine("runtime) for the Prometheus endpoint, not scraped, no traces; otlp = an OTLP endpoint set: every request, EF Core")
            .AppendLine("command and HttpClient call a span, metrics and logs, exported over gRPC to a stand-in collector on 127.0.0.1 that")
            .AppendLine("reads each call and answers success. The app restarts for every mode on the same database; an unreported round 0")
            .AppendLine("warms the process first and each round starts with the next mode.").AppendLine()
            .AppendLine("| round | telemetry | path | req/s | p50 ms | p95 ms | p99 ms | CPU ms/req | KiB/req | errors |")
            .AppendLine("| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (mode, round, path, r) in results)
        {
            text.AppendLine(c, $"| {round} | {mode} | `{path}` | {r.RequestsPerSecond:F0} | {r.Latency.P50:F2} | {r.Latency.P95:F2} | {r.Latency.P99:F2} | {r.CpuMsPerRequest:F3} | {r.AllocatedKiBPerRequest:F1} | {r.Errors} |");
        }
        text.AppendLine().AppendLine("Ratio to off (mean over rounds):").AppendLine()
            .AppendLine("| telemetry | path | req/s | p50 | p95 | CPU ms/req | KiB/req |")
            .AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var mode in Modes.Skip(1))
        {
            foreach (var path in Paths)
            {
                double Mean(string m, Func<PhaseResult, double> f) => results.Where(x => x.Mode == m && x.Path == path).Average(x => f(x.Result));
                double Ratio(Func<PhaseResult, double> f) => Mean(mode, f) / Mean("off", f);
                text.AppendLine(c, $"| {mode} | `{path}` | {Ratio(r => r.RequestsPerSecond):F3} | {Ratio(r => r.Latency.P50):F3} | {Ratio(r => r.Latency.P95):F3} | {Ratio(r => r.CpuMsPerRequest):F3} | {Ratio(r => r.AllocatedKiBPerRequest):F3} |");
            }
        }
        text.AppendLine().AppendLine("Received by the stand-in collector in the otlp runs:").AppendLine()
            .AppendLine("| round | export calls | KiB |").AppendLine("| ---: | ---: | ---: |");
        foreach (var (round, calls, bytes) in exported)
        {
            text.AppendLine(c, $"| {round} | {calls} | {bytes / 1024.0:F0} |");
        }
        return text.ToString();
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) && v > 0 ? v : fallback;
    }
}
