using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Weerbaar.Bench.Http;

/// <summary>The <c>http</c> command: start the app on 127.0.0.1, log in, load each scenario, write the report.</summary>
public static class HttpLoadCommand
{
    private sealed record TokenResponse(string AccessToken);

    public static async Task<int> RunAsync(string[] args)
    {
        LoadOptions options;
        IReadOnlyList<Scenario> scenarios;
        try
        {
            options = LoadOptions.Parse(args);
            scenarios = Scenario.Select(options.Scenarios);
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
        var factory = new BenchAppFactory(dataDirectory);
        try
        {
            var startup = Stopwatch.StartNew();
            var baseUrl = factory.StartOnLoopback();
            startup.Stop();
            Console.WriteLine($"App on {baseUrl} (start-up {startup.Elapsed.TotalSeconds:F1} s); {options.Clients} clients, {options.Seconds} s per scenario.");
            if (scenarios.Any(s => s.Name == "foto-600"))
            {
                await FotoBenchData.EnsureAsync(factory.Services);
            }

            using var handler = LoadClients.Handler(options.Clients);
            using var client = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
            var token = await LoginAsync(client);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

            var runner = new LoadRunner(client);
            using var sampler = options.AllocationProfile ? new AllocationSampler() : null;
            var outcomes = new List<ScenarioOutcome>();
            foreach (var scenario in scenarios)
            {
                outcomes.Add(await RunScenarioAsync(runner, client, new Uri(baseUrl, scenario.Path), scenario, options, sampler));
            }

            string? hey = null;
            var heyScenario = scenarios[0];
            if (options.Hey)
            {
                Console.WriteLine($"hey: {heyScenario.Path}, {options.Clients} clients, {options.HeySeconds} s");
                hey = await HeyCrossCheck.RunAsync(new Uri(baseUrl, heyScenario.Path), token, options.Clients, options.HeySeconds)
                      ?? "hey is not installed (apt-get install hey).";
            }

            var command = $"dotnet run -c Release --project bench/Weerbaar.Bench -- http {string.Join(' ', args)}".TrimEnd();
            var run = new HttpRun(command, options, startedAt, loadAverage, startup.Elapsed, SourceRevision.Describe(ResultsDirectory.BenchDirectory),
                outcomes, hey, $"{heyScenario.Name}, {options.Clients} clients, {options.HeySeconds} s");
            Directory.CreateDirectory(resultsDirectory);
            var file = Path.Combine(resultsDirectory, ResultsDirectory.FileName("http", options.Description));
            await File.WriteAllTextAsync(file, HttpReport.Markdown(run));
            Console.WriteLine($"Report: {file}");
            return outcomes.All(o => o.ProbeOk) ? 0 : 1;
        }
        finally
        {
            await factory.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            TryDelete(dataDirectory);
        }
    }

    internal static async Task<string> LoginAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login",
            new { email = BenchAppFactory.AdminEmail, password = BenchAppFactory.AdminPassword });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Login failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        return token?.AccessToken ?? throw new InvalidOperationException("Login answered without an access token.");
    }

    private static async Task<ScenarioOutcome> RunScenarioAsync(
        LoadRunner runner, HttpClient client, Uri url, Scenario scenario, LoadOptions o, AllocationSampler? sampler)
    {
        Console.WriteLine($"[{scenario.Name}] GET {url}");
        using var probe = await client.GetAsync(url);
        var bytes = await probe.Content.ReadAsByteArrayAsync();
        var ok = probe.IsSuccessStatusCode && System.Text.Encoding.UTF8.GetString(bytes).Contains(scenario.Expect, StringComparison.Ordinal);
        var probeBytes = bytes.LongLength;
        if (!ok)
        {
            Console.WriteLine($"  probe failed: {(int)probe.StatusCode}, {probeBytes} bytes; skipped");
            return new ScenarioOutcome(scenario, (int)probe.StatusCode, probeBytes, false, null, null);
        }
        if (o.WarmupSeconds > 0)
        {
            await runner.RunAsync(url, o.Clients, TimeSpan.FromSeconds(o.WarmupSeconds), o.MaxRequests);
        }
        PhaseResult? baseline = null;
        IReadOnlyList<(string, double)> allocations = [];
        if (o.BaselineSeconds > 0)
        {
            sampler?.Start();
            baseline = await runner.RunAsync(url, 1, TimeSpan.FromSeconds(o.BaselineSeconds), o.MaxRequests);
            allocations = sampler?.Stop(10) ?? [];
            Print("  1 client ", baseline);
        }
        var load = await runner.RunAsync(url, o.Clients, TimeSpan.FromSeconds(o.Seconds), o.MaxRequests);
        Print($"  {o.Clients} clients", load);
        return new ScenarioOutcome(scenario, (int)probe.StatusCode, probeBytes, true, baseline, load) { Allocations = allocations };
    }

    private static void Print(string label, PhaseResult r)
        => Console.WriteLine($"{label}: {r.Requests} requests, {r.Errors} errors, {r.RequestsPerSecond:F0} req/s, " +
                             $"p50 {r.Latency.P50:F1} p95 {r.Latency.P95:F1} p99 {r.Latency.P99:F1} max {r.Latency.Max:F1} ms, CPU {r.CpuPercent:F0}% ({r.CpuMsPerRequest:F2} ms/req), {r.AllocatedKiBPerRequest:F0} KiB/req, load {r.LoadAverage}");

    internal static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
