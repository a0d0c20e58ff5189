using System.Globalization;
using System.Text;

namespace Weerbaar.Bench.Http;

/// <summary>Writes the Markdown report of an HTTP run.</summary>
public static class HttpReport
{
    public static string Markdown(HttpRun run)
    {
        var o = run.Options;
        var text = new StringBuilder();
        void Line(FormattableString s) => text.AppendLine(s.ToString(CultureInfo.InvariantCulture));

        Line($"# HTTP load test: {o.Description} ({run.StartedAt:yyyy-MM-dd})");
        text.AppendLine();
        Line($"**Goal:** p95 < {ScenarioOutcome.GoalP95Ms} ms at 50 concurrent clients (no errors).");
        text.AppendLine();
        foreach (var outcome in run.Outcomes)
        {
            var verdict = outcome.Load is null ? "not run" : outcome.GoalMet ? "met" : "**not met**";
            Line($"- `{outcome.Scenario.Path}`: {verdict}{(outcome.Load is { } l ? $" (p95 {l.Latency.P95:F1} ms at {l.Clients} clients)" : "")}");
        }
        text.AppendLine();

        text.AppendLine("## Machine");
        text.AppendLine();
        text.Append(MachineInfo.Markdown());
        text.AppendLine();

        Line($"Load average (1, 5, 15 min) when the run started: {run.LoadAverageAtStart}. A load above {Environment.ProcessorCount} means other processes shared the CPUs during the run; see the last column of the results.");
        text.AppendLine();

        text.AppendLine("## Parameters");
        text.AppendLine();
        Line($"- command: `{run.Command}`");
        Line($"- date: {run.StartedAt:yyyy-MM-dd HH:mm:ss zzz}; source revision: {run.Revision}");
        Line($"- clients: {o.Clients}; measured: {o.Seconds} s per scenario after {o.WarmupSeconds} s warm-up; cap {o.MaxRequests} requests per phase; single-client baseline: {o.BaselineSeconds} s");
        text.AppendLine("- closed loop: each client sends the next GET as soon as it has read the whole previous response; HTTP/1.1 keep-alive, one `HttpClient` with `SocketsHttpHandler` (MaxConnectionsPerServer = clients), `Authorization: Bearer` from `POST /api/v1/auth/login`");
        text.AppendLine("- server: the real app (`WebApplicationFactory<Program>` on Kestrel, in the same process as the load generator) on 127.0.0.1, Production environment, SQLite in a temporary folder with the CBS reference data, no demo data, logging at Warning");
        Line($"- app start-up (migrations, CBS reference load, bootstrap admin, Kestrel): {run.StartupTime.TotalSeconds:F1} s");
        text.AppendLine("- latencies: every request recorded and sorted (exact nearest-rank percentiles); errors = non-2xx answers or failed requests");
        text.AppendLine();

        Line($"## Results: {o.Clients} concurrent clients");
        text.AppendLine();
        text.AppendLine("| scenario | path | requests | errors | req/s | p50 ms | p95 ms | p99 ms | max ms | mean ms | KiB/resp | CPU % | CPU ms/req | alloc KiB/req | goal | load avg after |");
        text.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |");
        foreach (var s in run.Outcomes.Where(s => s.Load is not null))
        {
            var l = s.Load!;
            Line($"| {s.Scenario.Name} | `{s.Scenario.Path}` | {l.Requests} | {l.Errors} | {l.RequestsPerSecond:F0} | {l.Latency.P50:F1} | {l.Latency.P95:F1} | {l.Latency.P99:F1} | {l.Latency.Max:F1} | {l.Latency.Mean:F1} | {s.ProbeBytes / 1024.0:F1} | {l.CpuPercent:F0} | {l.CpuMsPerRequest:F2} | {l.AllocatedKiBPerRequest:F0} | {(s.GoalMet ? "met" : "not met")} | {l.LoadAverage} |");
        }
        text.AppendLine();
        text.AppendLine("CPU and allocations are the whole process: server and load generator together. CPU % is a share of all cores; " +
                        "CPU ms/req and alloc KiB/req are per request. KiB/resp is the uncompressed body of one answer.");
        text.AppendLine();

        if (run.Outcomes.Any(s => s.Baseline is not null))
        {
            text.AppendLine("## Service time: one client, one request at a time");
            text.AppendLine();
            text.AppendLine("| scenario | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | mean ms | CPU ms/req | alloc KiB/req |");
            text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var s in run.Outcomes.Where(s => s.Baseline is not null))
            {
                var b = s.Baseline!;
                Line($"| {s.Scenario.Name} | {b.Requests} | {b.RequestsPerSecond:F0} | {b.Latency.P50:F2} | {b.Latency.P95:F2} | {b.Latency.P99:F2} | {b.Latency.Max:F2} | {b.Latency.Mean:F2} | {b.CpuMsPerRequest:F2} | {b.AllocatedKiBPerRequest:F0} |");
            }
            text.AppendLine();
            text.AppendLine("In a closed loop the mean latency is about clients ÷ throughput (Little's law): with all cores busy, a request waits for the ones ahead of it.");
            text.AppendLine();
        }

        text.AppendLine("## Details");
        text.AppendLine();
        foreach (var s in run.Outcomes)
        {
            Line($"- **{s.Scenario.Name}** ({s.Scenario.Description}): probe {s.ProbeStatus}, {s.ProbeBytes} bytes{(s.ProbeOk ? "" : ", UNEXPECTED CONTENT: scenario skipped")}");
            if (s.Load is { } l)
            {
                Line($"  - status codes: {string.Join(", ", l.StatusCodes.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}×{kv.Value}"))}; failed requests: {l.Exceptions}; GC during load: gen0 {l.Gen0}, gen1 {l.Gen1}, gen2 {l.Gen2}; received {l.BytesReceived / 1024.0 / 1024.0:F0} MiB in {l.Elapsed.TotalSeconds:F1} s{(l.StoppedByCap(o.MaxRequests) ? "; stopped by the request cap" : "")}");
            }
        }
        text.AppendLine();

        if (run.Outcomes.Any(s => s.Allocations.Count > 0))
        {
            text.AppendLine("## Allocations by type (sampled, single client, whole process)");
            text.AppendLine();
            text.AppendLine("From the runtime's GCAllocationTick events (one sample per ~100 KB allocated): the share of the sampled bytes per type.");
            text.AppendLine();
            foreach (var s in run.Outcomes.Where(s => s.Allocations.Count > 0))
            {
                Line($"- **{s.Scenario.Name}**: {string.Join(", ", s.Allocations.Select(a => $"`{a.Type}` {a.Share:P0}"))}");
            }
            text.AppendLine();
        }

        if (run.Hey is not null)
        {
            Line($"## Cross-check with hey ({run.HeyScenario})");
            text.AppendLine();
            text.AppendLine("```text");
            text.AppendLine(run.Hey);
            text.AppendLine("```");
            text.AppendLine();
        }
        return text.ToString();
    }
}
