using System.Globalization;
using System.Text;

namespace Weerbaar.Bench.Scan;

/// <summary>Writes the Markdown report of a <c>scan</c> run.</summary>
public static class ScanReport
{
    public static string Markdown(ScanRun run)
    {
        var o = run.Options;
        var text = new StringBuilder();
        void Line(FormattableString s) => text.AppendLine(s.ToString(CultureInfo.InvariantCulture));

        Line($"# Weerbaarheidsscan performance goals: {o.Description} ({run.StartedAt:yyyy-MM-dd})");
        text.AppendLine();
        if (run.Save is { } save)
        {
            var l = save.Load;
            Line($"- **Page save p95 ≤ {SaveOutcome.GoalP95Ms} ms with {l.Clients} concurrent respondents** (closed loop: every respondent saves again as soon as the previous save is answered): {Verdict(save.GoalMet)} — p95 {l.Latency.P95:F1} ms, p50 {l.Latency.P50:F1} ms, p99 {l.Latency.P99:F1} ms, {l.RequestsPerSecond:F0} saves/s, {l.Errors} errors.");
            if (save.Paced is { } p)
            {
                Line($"  - the same {p.Clients} respondents with {run.Options.ThinkMs} ms think time after each save (still far more often than a person fills in a page): {Verdict(save.PacedGoalMet)} — p95 {p.Latency.P95:F1} ms, p50 {p.Latency.P50:F1} ms, p99 {p.Latency.P99:F1} ms, {p.RequestsPerSecond:F0} saves/s, {p.Errors} errors.");
            }
        }
        foreach (var variant in run.Rounds.GroupBy(r => r.Variant))
        {
            var totals = variant.Select(r => r.Total.TotalSeconds).ToList();
            Line($"- **{RoundTitle(variant.Key, variant.First().Invitations)} < {RoundRep.GoalSeconds} s:** {Verdict(totals.Max() < RoundRep.GoalSeconds)} (every repetition) — median {Median(totals):F2} s, min {totals.Min():F2} s, max {totals.Max():F2} s over {totals.Count} fresh rounds.");
        }
        if (run.Imports.Count > 0)
        {
            var times = run.Imports.Select(r => r.Elapsed.TotalSeconds).ToList();
            Line($"- **Importing {run.Imports[0].Imported:N0} responses < {ImportRep.GoalSeconds} s:** {Verdict(times.Max() < ImportRep.GoalSeconds)} (every repetition) — median {Median(times):F2} s, min {times.Min():F2} s, max {times.Max():F2} s; peak resident set {Mib(run.Imports.Max(r => r.PeakRss))} MiB (whole process).");
        }
        if (run.Results.Count > 0)
        {
            Line($"- **Results of a round with {run.ResultsResponses} responses** (no goal set; p50 / p95 at 1 and 10 clients): {string.Join("; ", run.Results.Select(r => FormattableString.Invariant($"`{r.Name}` {r.One.Latency.P50:F1} / {r.One.Latency.P95:F1} ms and {r.Ten.Latency.P50:F1} / {r.Ten.Latency.P95:F1} ms")))}.");
        }
        text.AppendLine();

        text.AppendLine("## Machine");
        text.AppendLine();
        text.Append(MachineInfo.Markdown());
        text.AppendLine();
        Line($"Load average (1, 5, 15 min) when the run started: {run.LoadAverageAtStart}; after the page saves: {Or(run.LoadAverageAfterSave)}; after the rounds: {Or(run.LoadAverageAfterRounds)}; after the imports: {Or(run.LoadAverageAfterImports)}; after the results: {Or(run.LoadAverageAfterResults)}. A load above {Environment.ProcessorCount} means other processes shared the CPUs. How much of the {Environment.ProcessorCount} cores other processes took ({(o.Postgres ? "PostgreSQL's server processes count as others here" : "machine busy time from /proc/stat minus this process")}): page saves in the table below; rounds {Pct(run.OthersCpuRounds)}; imports {Pct(run.OthersCpuImports)}.");
        text.AppendLine();

        text.AppendLine("## Parameters");
        text.AppendLine();
        Line($"- command: `{run.Command}`");
        Line($"- date: {run.StartedAt:yyyy-MM-dd HH:mm:ss zzz}; source revision: {run.Revision}");
        Line($"- database: {run.Database}");
        text.AppendLine("- server: the real app (`WebApplicationFactory<Program>` on Kestrel, in the same process as the load generator) on 127.0.0.1, Production environment, CBS reference data, no demo data, logging at Warning, login and respondent rate limits lifted (all load comes from one address), e-mail to the pickup folder by the app's own outbox worker");
        Line($"- app start-up (migrations, CBS reference load, bootstrap admin, Kestrel): {run.StartupTime.TotalSeconds:F1} s; {run.Gemeenten} gemeenten in the reference data");
        text.AppendLine("- all calls over HTTP/1.1 keep-alive through the public API (`/api/v1`), the research team with `Authorization: Bearer` from `POST /api/v1/auth/login`, respondents without any account (only the token in the path)");
        text.AppendLine();

        if (run.Save is { } s)
        {
            WriteSaves(text, Line, s, o);
        }
        if (run.Rounds.Count > 0)
        {
            WriteRounds(text, Line, run.Rounds);
        }
        if (run.Imports.Count > 0)
        {
            WriteImports(text, Line, run.Imports, run.ImportFileBytes);
        }
        if (run.Results.Count > 0)
        {
            WriteResults(text, Line, run.Results, run.ResultsResponses, o);
        }
        return text.ToString();
    }

    private static void WriteSaves(StringBuilder text, Action<FormattableString> Line, SaveOutcome s, ScanOptions o)
    {
        text.AppendLine("## 1. Page saves: concurrent respondents");
        text.AppendLine();
        Line($"Setup over the API: one round, {s.Invitations} invitations (one gemeente each), opened (which queues their e-mails). Each client owns one invitation and sends `PUT /api/v1/invitations/{{token}}/response/parts/{{part}}` with `{{version, answers}}` in a closed loop: parts 1, 2, 3 of one synthetic answer set (`DemoResponses`, seed 2026), then of another (seed 2027), and round again, so every save changes the stored answers. It sends the version the previous save returned, so the concurrency check runs on every save; since no two clients share an invitation, a 409 would be a fault. Phases: {o.WarmupSeconds} s warm-up ({o.Clients} clients), a single-client baseline of {o.BaselineSeconds} s, then {o.Seconds} s with {o.Clients} clients in a closed loop (the goal's measurement), then {o.Seconds} s with the same clients pausing {o.ThinkMs} ms after each answer (the clients start spread over one pause); cap {o.MaxRequests} requests per phase. Latency = send the request and read the whole answer; every latency is kept and sorted (exact nearest-rank percentiles).");
        text.AppendLine();
        text.AppendLine("| phase | clients | saves | errors | saves/s | p50 ms | p95 ms | p99 ms | max ms | mean ms | CPU % | CPU ms/save | alloc KiB/save | others' CPU % | load avg after |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var (label, p) in new[] { ("one respondent, closed loop", s.Baseline), ($"{s.Load.Clients} respondents, closed loop", s.Load), ($"{s.Load.Clients} respondents, {o.ThinkMs} ms think time", s.Paced) })
        {
            if (p is not null)
            {
                Line($"| {label} | {p.Clients} | {p.Requests} | {p.Errors} | {p.RequestsPerSecond:F0} | {p.Latency.P50:F2} | {p.Latency.P95:F2} | {p.Latency.P99:F2} | {p.Latency.Max:F2} | {p.Latency.Mean:F2} | {p.CpuPercent:F0} | {p.CpuMsPerRequest:F2} | {p.AllocatedKiBPerRequest:F0} | {Pct(p.OthersCpuPercent)} | {p.LoadAverage} |");
            }
        }
        text.AppendLine();
        var l = s.Load;
        Line($"- status codes under load: {string.Join(", ", l.StatusCodes.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}×{kv.Value}"))}; failed requests: {l.Exceptions}; GC during load: gen0 {l.Gen0}, gen1 {l.Gen1}, gen2 {l.Gen2}{(l.StoppedByCap(o.MaxRequests) ? "; stopped by the request cap" : "")}");
        Line($"- acknowledged saves in all phases (incl. warm-up): {s.TotalSaves}; afterwards `GET …/response` of every invitation: {s.ServerVersionMismatches} whose stored version differs from the last acknowledged save");
        text.AppendLine(o.Postgres
            ? "- CPU and allocations are the whole .NET process (server and load generator), not PostgreSQL's own server processes; CPU % is a share of all cores"
            : "- CPU and allocations are the whole process (server, SQLite and load generator); CPU % is a share of all cores");
        if (s.Allocations.Count > 0)
        {
            Line($"- allocations by type (sampled from GCAllocationTick during the single-client phase, whole process): {string.Join(", ", s.Allocations.Select(a => $"`{a.Type}` {a.Share:P0}"))}");
        }
        text.AppendLine();
    }

    private static void WriteRounds(StringBuilder text, Action<FormattableString> Line, IReadOnlyList<RoundRep> rounds)
    {
        text.AppendLine("## 2. A round with an invitation for every gemeente");
        text.AppendLine();
        Line($"Each repetition makes a fresh round with {rounds[0].Invitations} invitations (every gemeente of the reference data) over the API and is timed from the first request to the last answer (sequential requests, each committed before its answer). Variant *concept*: `POST /rounds`, `POST /rounds/{{id}}/invitations` (tokens hashed, e-mails held back), `PATCH /rounds/{{id}}` to open (queues the e-mails in the outbox, same transaction). Variant *open*: `POST /rounds`, `PATCH` open, `POST …/invitations` (e-mails queued with the invitations, same transaction). One untimed warm-up per variant. Before each repetition the bench waits until the app's outbox worker has sent every queued e-mail (to the pickup folder), so the repetitions do not overlap with that work; 'outbox sent in' is how long the worker then took (it polls every 2 s).");
        text.AppendLine();
        text.AppendLine("| variant | rounds | total min s | total median s | total max s | POST round median ms | POST invitations median ms | PATCH open median ms | e-mails queued per round |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var v in rounds.GroupBy(r => r.Variant))
        {
            var totals = v.Select(r => r.Total.TotalSeconds).ToList();
            Line($"| {v.Key} | {v.Count()} | {totals.Min():F3} | {Median(totals):F3} | {totals.Max():F3} | {Median(v.Select(r => r.Create.TotalMilliseconds)):F0} | {Median(v.Select(r => r.Invite.TotalMilliseconds)):F0} | {Median(v.Select(r => r.Open.TotalMilliseconds)):F0} | {string.Join(", ", v.Select(r => r.EmailsQueued).Distinct())} |");
        }
        text.AppendLine();
        text.AppendLine("| variant | # | total ms | POST round ms | POST invitations ms | PATCH open ms | e-mails queued | outbox sent in s |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in rounds)
        {
            Line($"| {r.Variant} | {r.Rep} | {r.Total.TotalMilliseconds:F0} | {r.Create.TotalMilliseconds:F0} | {r.Invite.TotalMilliseconds:F0} | {r.Open.TotalMilliseconds:F0} | {r.EmailsQueued} | {(r.Drained is { } d ? d.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) : "not within 120 s")} |");
        }
        text.AppendLine();
    }

    private static void WriteImports(StringBuilder text, Action<FormattableString> Line, IReadOnlyList<ImportRep> imports, long fileBytes)
    {
        text.AppendLine("## 3. Importing responses");
        text.AppendLine();
        Line($"One CSV file of {imports[0].Imported:N0} rows ({fileBytes / 1024.0 / 1024.0:F2} MiB, {fileBytes / (double)imports[0].Imported:F0} bytes per row), made once with the app's own `DemoResponses` (seeds 1, 2, …; every row valid) and `ResponseCsv.Write`. Respondent ids are unique (`bench-00001` …); gemeentecodes repeat, which the import allows (the key is the respondent id per round; one response per gemeente is not enforced on import). Each repetition posts it (`POST /rounds/{{id}}/responses/import`, `text/csv`) into a fresh concept round; one untimed warm-up import of 500 rows first. Time = request sent to answer read; the answer comes after the commit. Before each repetition a full blocking GC; the peak resident set is the kernel's VmHWM of the whole process (app, load generator and the CSV it holds), reset before each import through `/proc/self/clear_refs`; the managed heap peak is sampled every 10 ms. Every import goes into the same database, which grows by {imports[0].Imported:N0} responses each time.");
        text.AppendLine();
        var times = imports.Select(r => r.Elapsed.TotalSeconds).ToList();
        Line($"**{imports.Count} imports: min {times.Min():F2} s, median {Median(times):F2} s, max {times.Max():F2} s.**");
        text.AppendLine();
        text.AppendLine("| # | rows imported | time s | rows/s | working set before MiB | peak resident set MiB | managed heap peak MiB | CPU s | allocated MiB |");
        text.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in imports)
        {
            Line($"| {r.Rep} | {r.Imported} | {r.Elapsed.TotalSeconds:F2} | {r.Imported / r.Elapsed.TotalSeconds:F0} | {Mib(r.WorkingSetBefore)} | {Mib(r.PeakRss)}{(r.PeakRssExact ? "" : " (sampled)")} | {Mib(r.PeakManagedHeap)} | {r.CpuMs / 1000:F2} | {Mib(r.AllocatedBytes)} |");
        }
        text.AppendLine();
    }

    private static void WriteResults(StringBuilder text, Action<FormattableString> Line, IReadOnlyList<ResultsScenario> results, int responses, ScanOptions o)
    {
        text.AppendLine("## 4. Results of a round");
        text.AppendLine();
        Line($"Setup over the API: one round, {responses} responses imported (`DemoResponses`, seed 2026: one per gemeente, the published marginals, 'weet niet' and empty answers). Per call: {o.WarmupSeconds} s warm-up with 10 clients, then {o.Seconds} s with 1 client and {o.Seconds} s with 10 clients in a closed loop (cap {o.MaxRequests} requests per phase), the research team's bearer token. Every call reads the submitted answers from the database and computes the statistics anew (nothing is cached). Latency = send the request and read the whole answer; exact nearest-rank percentiles.");
        text.AppendLine();
        text.AppendLine("| call | path | KiB/resp | clients | requests | errors | req/s | p50 ms | p95 ms | p99 ms | max ms | CPU ms/req | alloc KiB/req | others' CPU % | load avg after |");
        text.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var r in results)
        {
            foreach (var p in new[] { r.One, r.Ten })
            {
                Line($"| {r.Name} | `{r.Path}` | {r.ProbeBytes / 1024.0:F1} | {p.Clients} | {p.Requests} | {p.Errors} | {p.RequestsPerSecond:F0} | {p.Latency.P50:F2} | {p.Latency.P95:F2} | {p.Latency.P99:F2} | {p.Latency.Max:F2} | {p.CpuMsPerRequest:F2} | {p.AllocatedKiBPerRequest:F0} | {Pct(p.OthersCpuPercent)} | {p.LoadAverage} |");
            }
        }
        text.AppendLine();
        text.AppendLine(o.Postgres
            ? "CPU and allocations are the whole .NET process (server and load generator), not PostgreSQL's server processes."
            : "CPU and allocations are the whole process (server, SQLite and load generator).");
        text.AppendLine();
    }

    private static string RoundTitle(string variant, int invitations) => variant == "concept"
        ? $"Round with {invitations} invitations, opened (e-mails queued)"
        : $"{invitations} invitations into an already open round (e-mails queued)";

    private static string Verdict(bool met) => met ? "met" : "**not met**";

    private static string Pct(double? value) => value is { } v ? v.ToString("F0", CultureInfo.InvariantCulture) + " %" : "—";

    private static string Or(string value) => value.Length > 0 ? value : "—";

    private static string Mib(long bytes) => (bytes / 1024.0 / 1024.0).ToString("F0", CultureInfo.InvariantCulture);

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
