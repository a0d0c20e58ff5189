using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Weerbaar.Bench.Http;

namespace Weerbaar.Bench.Operations;

/// <summary>
/// The cost of OpenTelemetry (traces of every request and EF Core command, metrics, the Prometheus exporter; no export
/// target): the same closed-loop HTTP load against the app with Weerbaar:Telemetry:Enabled false and true, in
/// alternating rounds (off, on, off, on …) in one run so drift of the machine falls on both alike.
/// <code>dotnet run -c Release --project bench/Weerbaar.Bench -- telemetry [--clients 10] [--seconds 10] [--rounds 2] [--out DIR]</code>
/// </summary>
public static class TelemetryLoadCommand
{
    private static readonly string[] Paths = ["/health/ready", "/gemeenten/GM0344"];

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
        var results = new List<(bool On, int Round, string Path, PhaseResult Result)>();
        try
        {
            for (var round = 1; round <= rounds; round++)
            {
                foreach (var on in new[] { false, true })
                {
                    await using var app = new BenchAppFactory(dataDirectory, settings: new Dictionary<string, string>
                    {
                        ["Weerbaar:Telemetry:Enabled"] = on ? "true" : "false",
                        ["Weerbaar:Jobs:Enabled"] = "false",
                    });
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
                        Console.WriteLine($"round {round} telemetry {(on ? "on " : "off")} {path}: {result.RequestsPerSecond:F0} req/s, p50 {result.Latency.P50:F2} ms, p95 {result.Latency.P95:F2} ms, errors {result.Errors}");
                        results.Add((on, round, path, result));
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
        await File.WriteAllTextAsync(file, Report(args, startedAt, clients, seconds, results));
        Console.WriteLine($"report: {file}");
        return 0;
    }

    private static string Report(string[] args, DateTimeOffset startedAt, int clients, int seconds, List<(bool On, int Round, string Path, PhaseResult Result)> results)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder()
            .AppendLine("# Telemetry on vs off (HTTP load)").AppendLine()
            .AppendLine(("`dotnet run -c Release --project bench/Weerbaar.Bench -- telemetry " + string.Join(' ', args)).TrimEnd() + "`").AppendLine()
            .AppendLine(c, $"Started {startedAt:yyyy-MM-dd HH:mm} UTC; source {SourceRevision.Describe(ResultsDirectory.BenchDirectory)}.").AppendLine()
            .AppendLine(MachineInfo.Markdown()).AppendLine()
            .AppendLine(c, $"{clients} clients in a closed loop, {seconds} s per measurement after 3 s warm-up; SQLite; bearer token of a beheerder; ")
            .AppendLine("telemetry on = traces (ASP.NET Core, EF Core, HttpClient, Weerbaar.*; sampled always, no exporter) and metrics (meter Weerbaar,")
            .AppendLine("ASP.NET Core, runtime) with the Prometheus exporter, not scraped. The app restarts between rounds on the same database.").AppendLine()
            .AppendLine("| round | telemetry | path | req/s | p50 ms | p95 ms | p99 ms | CPU ms/req | KiB/req | errors |")
            .AppendLine("| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (on, round, path, r) in results)
        {
            text.AppendLine(c, $"| {round} | {(on ? "on" : "off")} | `{path}` | {r.RequestsPerSecond:F0} | {r.Latency.P50:F2} | {r.Latency.P95:F2} | {r.Latency.P99:F2} | {r.CpuMsPerRequest:F3} | {r.AllocatedKiBPerRequest:F1} | {r.Errors} |");
        }
        text.AppendLine().AppendLine("Ratio on / off (mean over rounds):").AppendLine()
            .AppendLine("| path | req/s | p50 | p95 | CPU ms/req | KiB/req |")
            .AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var path in Paths)
        {
            double Mean(bool on, Func<PhaseResult, double> f) => results.Where(x => x.On == on && x.Path == path).Average(x => f(x.Result));
            double Ratio(Func<PhaseResult, double> f) => Mean(true, f) / Mean(false, f);
            text.AppendLine(c, $"| `{path}` | {Ratio(r => r.RequestsPerSecond):F3} | {Ratio(r => r.Latency.P50):F3} | {Ratio(r => r.Latency.P95):F3} | {Ratio(r => r.CpuMsPerRequest):F3} | {Ratio(r => r.AllocatedKiBPerRequest):F3} |");
        }
        return text.ToString();
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) && v > 0 ? v : fallback;
    }
}
