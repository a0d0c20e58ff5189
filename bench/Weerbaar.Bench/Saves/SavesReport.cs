using System.Globalization;
using System.Text;
using Weerbaar.Bench.Http;

namespace Weerbaar.Bench.Saves;

/// <summary>Writes the Markdown report of a <c>saves</c> run.</summary>
public static class SavesReport
{
    public static string Markdown(SavesRun run)
    {
        var o = run.Options;
        var text = new StringBuilder();
        void Line(FormattableString s) => text.AppendLine(s.ToString(CultureInfo.InvariantCulture));

        Line($"# Respondent saves against the floor: {(o.Postgres ? "PostgreSQL" : "SQLite")} ({run.StartedAt:yyyy-MM-dd})");
        text.AppendLine();
        Line($"Goal (issue 15): the respondent save path runs at the speed of the hardware — **app p95 ≤ {SavesCase.MaxP95Ratio} × floor p95 and app throughput ≥ {SavesCase.MinThroughputRatio} × floor throughput, with 0 errors**, for the API and for the HTML form, measured against a floor server that does one durable upsert per save through a single writer on the same database engine.");
        text.AppendLine();
        foreach (var c in run.Cases)
        {
            Line($"- **{SavesCommand.Label(c.Kind)}, {c.Clients} clients:** {Verdict(c.GoalMet)} — app p95 {c.App.Latency.P95:F1} ms vs floor {c.FloorP95:F1} ms (× {c.P95Ratio:F2}), app {c.App.RequestsPerSecond:F0} saves/s vs floor {c.FloorSavesPerSecond:F0} (× {c.ThroughputRatio:F2}), {c.App.Errors} app errors.");
        }
        if (run.Check is { } check)
        {
            Line($"- **Stored answers equal the last acknowledged save:** {Verdict(check.Clean)} — {check.Respondents} respondents checked at the app and at the floor.");
        }
        text.AppendLine();

        text.AppendLine("## Machine");
        text.AppendLine();
        text.Append(MachineInfo.Markdown());
        text.AppendLine();
        Line($"Load average (1, 5, 15 min) when the run started: {run.LoadAverageAtStart}; at the end: {run.LoadAverageAtEnd}; after each phase in the tables below. A load above {Environment.ProcessorCount} means other processes shared the CPUs; 'others' CPU %' is the share of all cores that other processes took during a phase ({(o.Postgres ? "PostgreSQL's server processes count as others here" : "machine busy time from /proc/stat minus this process")}).");
        text.AppendLine();

        text.AppendLine("## Parameters");
        text.AppendLine();
        Line($"- command: `{run.Command}`");
        Line($"- date: {run.StartedAt:yyyy-MM-dd HH:mm:ss zzz}; source revision: {run.Revision}");
        Line($"- app database: {run.AppDatabase}");
        Line($"- floor database: {run.FloorDatabase}");
        if (run.FloorBatches is { } b && b.Batches > 0)
        {
            Line($"- floor group commit: {b.Saves} saves in {b.Batches} transactions, {(double)b.Saves / b.Batches:F1} saves per commit on average (all phases)");
        }
        Line($"- app start-up (migrations, CBS reference load, bootstrap admin, Kestrel): {run.StartupTime.TotalSeconds:F1} s");
        text.AppendLine("- app: the real app (`WebApplicationFactory<Program>` on Kestrel) on 127.0.0.1, Production environment, no demo data, logging at Warning, respondent rate limit lifted (all load comes from one address)");
        text.AppendLine("- floor: a minimal `WebApplication` (`CreateSlimBuilder`: Kestrel and routing, no other middleware) on another 127.0.0.1 port in the same process; `PUT /floor/{token}/parts/{part}` reads `{answers}` and answers `{version}`, `POST /floor-form/{token}/parts/{part}` reads the form and answers 303; each does one `INSERT … ON CONFLICT (token, part) DO UPDATE SET answers = …, version = version + 1 RETURNING version` through a single connection behind a `SemaphoreSlim`, committed before the answer (how it commits: see the floor database above)");
        Line($"- setup over the API: one open round with {run.Invitations} invitations (one gemeente each); client *i* owns invitation *i* at the app and the same token at the floor");
        Line($"- each client saves parts 1, 2, 3 of one synthetic answer set (`DemoResponses`, seed 2026), then of another (seed 2027), and round again, so every save changes the stored answers; **without a version** (last write wins; a 409 is an error); after an error the same page is sent again");
        Line($"- API: `PUT /api/v1/invitations/{{token}}/response/parts/{{part}}` with `{{\"answers\":{{…}}}}` (no `version`), 200 with `{{version}}` is a success");
        Line($"- HTML form: per respondent one `GET /scan/{{token}}/deel/1` before the load for the antiforgery cookie and the hidden fields of the form ({run.FormFields}); then `POST /scan/{{token}}/deel/{{part}}` with the cookie, those hidden fields except `_version` (the page saves without the concurrency check when it is missing), `_action=volgende` and one field per answer (several values for multiple choice), as the browser sends them; the redirect is not followed: a 302/303 to a page of the same link is a success, the page again (422, 409) an error. The floor form gets the same bodies and ignores the fields starting with `_`");
        Line($"- per way of saving and number of clients, in this order: {o.WarmupSeconds} s warm-up at the floor, {o.WarmupSeconds} s warm-up at the app, then {o.Seconds} s floor, {o.Seconds} s app, {o.Seconds} s floor again (closed loop: a client sends its next save as soon as the previous answer is read; cap {o.MaxRequests} requests per phase); the floor a case is compared with is the mean of its two floor runs");
        text.AppendLine("- latency = send the request and read the whole answer, one `HttpClient` (HTTP/1.1 keep-alive, one connection per client and server); every latency is kept and sorted (exact nearest-rank percentiles); CPU and allocations are the whole .NET process (app, floor, load generator)");
        text.AppendLine();

        text.AppendLine("## Results");
        text.AppendLine();
        text.AppendLine("| way | clients | server | saves | errors | saves/s | p50 ms | p95 ms | p99 ms | max ms | CPU ms/save | alloc KiB/save | others' CPU % | status codes | load avg after |");
        text.AppendLine("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |");
        foreach (var c in run.Cases)
        {
            foreach (var (server, p) in new[] { ("floor", c.FloorBefore), ("**app**", c.App), ("floor again", c.FloorAfter) })
            {
                Line($"| {SavesCommand.Label(c.Kind)} | {c.Clients} | {server} | {p.Requests} | {p.Errors} | {p.RequestsPerSecond:F0} | {p.Latency.P50:F2} | {p.Latency.P95:F2} | {p.Latency.P99:F2} | {p.Latency.Max:F2} | {p.CpuMsPerRequest:F2} | {p.AllocatedKiBPerRequest:F0} | {Pct(p.OthersCpuPercent)} | {Codes(p)} | {p.LoadAverage} |");
            }
        }
        text.AppendLine();
        text.AppendLine("| way | clients | app p95 ms | floor p95 ms (mean of 2) | p95 app / floor | app saves/s | floor saves/s (mean of 2) | throughput app / floor | app errors | goal |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var c in run.Cases)
        {
            Line($"| {SavesCommand.Label(c.Kind)} | {c.Clients} | {c.App.Latency.P95:F2} | {c.FloorP95:F2} | {c.P95Ratio:F2} (≤ {SavesCase.MaxP95Ratio}) | {c.App.RequestsPerSecond:F0} | {c.FloorSavesPerSecond:F0} | {c.ThroughputRatio:F2} (≥ {SavesCase.MinThroughputRatio}) | {c.App.Errors} | {Verdict(c.GoalMet)} |");
        }
        text.AppendLine();
        text.AppendLine("The two floor runs of a case also show how much the machine's noise moved the numbers between runs a minute apart.");
        text.AppendLine();

        if (run.Wrk.Count > 0)
        {
            WriteWrk(text, Line, run);
        }
        if (run.Check is { } s)
        {
            text.AppendLine("## Stored answers after the load");
            text.AppendLine();
            Line($"After the last phase, for each of the {s.Respondents} respondents: `GET /api/v1/invitations/{{token}}/response` at the app, and the floor's table read directly.");
            text.AppendLine();
            Line($"- app: {s.AppAcknowledged} acknowledged saves in all phases (warm-ups and probes included); answers that differ from every part's last acknowledged save: {s.AppAnswersDiffer}; stored version ≠ version before the run + acknowledged saves: {s.AppVersionDiffer}; a save returned a version above the stored one: {s.AppReturnedVersionDiffer}");
            Line($"- floor: {s.FloorAcknowledged} acknowledged saves; (respondent, part) rows whose answers differ from the last acknowledged save: {s.FloorAnswersDiffer}; whose version ≠ acknowledged saves of that part: {s.FloorVersionDiffer}");
            text.AppendLine("- a save that failed on the client side (a timeout) may still have been stored; then the version check counts it even though nothing was lost, so read these counts next to the errors above");
            foreach (var example in s.Examples)
            {
                Line($"  - {example}");
            }
            text.AppendLine();
        }
        return text.ToString();
    }

    private static void WriteWrk(StringBuilder text, Action<FormattableString> Line, SavesRun run)
    {
        text.AppendLine("## Cross-check with wrk (API PUT)");
        text.AppendLine();
        Line($"Debian's `wrk` (a separate process) with a Lua script (`Saves/WrkCrossCheck.cs`) sends the same kind of `PUT` without a version, at the floor, the app and the floor again, {run.Options.WrkSeconds} s each, no warm-up of its own (it runs after the measurements above). It uses a round of its own with {run.WrkTokens} invitations; each of its {WrkCrossCheck.Threads} threads owns half of the tokens and saves their pages in turn, so one token comes round again only after all the other tokens of its thread. Any non-2xx/3xx answer is counted, but a page is not sent again after an error; latency percentiles are wrk's own (microsecond resolution).");
        text.AppendLine();
        text.AppendLine("| connections | server | saves | non-2xx/3xx | socket errors | saves/s | p50 ms | p95 ms | p99 ms | max ms |");
        text.AppendLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in run.Wrk)
        {
            Line($"| {r.Connections} | {(r.Target == "app" ? "**app**" : r.Target)} | {r.Requests} | {r.NonSuccess} | {r.SocketErrors} | {r.RequestsPerSecond:F0} | {r.P50Ms:F2} | {r.P95Ms:F2} | {r.P99Ms:F2} | {r.MaxMs:F2} |");
        }
        text.AppendLine();
        foreach (var group in run.Wrk.Chunk(3).Where(g => g.Length == 3))
        {
            var floorP95 = (group[0].P95Ms + group[2].P95Ms) / 2;
            var floorRate = (group[0].RequestsPerSecond + group[2].RequestsPerSecond) / 2;
            Line($"- {group[1].Connections} connections: p95 app / floor {(floorP95 > 0 ? group[1].P95Ms / floorP95 : double.NaN):F2}, throughput app / floor {(floorRate > 0 ? group[1].RequestsPerSecond / floorRate : 0):F2}");
        }
        text.AppendLine();
    }

    private static string Codes(PhaseResult p) => string.Join(", ", p.StatusCodes.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}×{kv.Value}")) + (p.Exceptions > 0 ? $", {p.Exceptions} failed" : "");

    private static string Verdict(bool met) => met ? "met" : "**not met**";

    private static string Pct(double? value) => value is { } v ? v.ToString("F0", CultureInfo.InvariantCulture) + " %" : "—";
}
