using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Bench.Http;
using Weerbaar.Bench.Scan;
using Weerbaar.Web.Features.Demo;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Scan.Instruments;

namespace Weerbaar.Bench.Saves;

/// <summary>
/// The <c>saves</c> command: the respondent save path (API <c>PUT</c> and HTML form post) of the real app against a floor
/// server in the same process that does nothing but one durable upsert per save through a single writer, with the
/// same clients, answers and database engine, run back to back (floor, app, floor).
/// </summary>
public static class SavesCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        SavesOptions options;
        try
        {
            options = SavesOptions.Parse(args);
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
        var factory = new BenchAppFactory(dataDirectory, postgres?.ConnectionString("weerbaar_bench"));
        IFloorStore? store = null;
        FloorServer? floor = null;
        GroupCommitWriter? groupWriter = null;
        try
        {
            var startup = Stopwatch.StartNew();
            var appUrl = factory.StartOnLoopback();
            startup.Stop();
            store = postgres is null
                ? new SqliteFloorStore(Path.Combine(dataDirectory, "floor.db"))
                : await PostgresFloorStore.CreateAsync(postgres.ConnectionString("postgres"), postgres.ConnectionString("weerbaar_floor"));
            var floorStore = store;
            groupWriter = options.GroupCommitFloor ? new GroupCommitWriter(store) : null;
            floor = await FloorServer.StartAsync(groupWriter is null
                ? floorStore.UpsertAsync
                : (token, part, json, _) => groupWriter.SaveAsync(token, part, json));
            var appDatabase = postgres is null
                ? $"SQLite {factory.SqliteSetting("sqlite_version()")}, file in a temporary folder ({FileSystemOf(dataDirectory)}), as the app configures it (journal_mode={factory.SqliteSetting("journal_mode")}, synchronous={factory.SqliteSetting("synchronous")} as read on one of its connections)"
                : $"{postgres.Version}, throwaway cluster on 127.0.0.1, data in a temporary folder ({FileSystemOf(Path.GetTempPath())}), PostgreSQL defaults: fsync on, synchronous_commit on";
            Console.WriteLine($"App on {appUrl} ({appDatabase}; start-up {startup.Elapsed.TotalSeconds:F1} s).");
            var floorDatabase = store.Describe() + (groupWriter is null
                ? "; a commit per save"
                : "; group commit: the writer upserts every save waiting in its queue (up to 512) in one transaction");
            Console.WriteLine($"Floor on {floor.BaseAddress} ({floorDatabase}).");

            var maxClients = options.Clients.Max();
            using var adminHandler = LoadClients.Handler(4);
            using var admin = new HttpClient(adminHandler) { BaseAddress = appUrl, Timeout = TimeSpan.FromSeconds(120) };
            admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await HttpLoadCommand.LoginAsync(admin));
            // Respondents have no account: no bearer token, only the personal token in the path (and for the form the antiforgery cookie).
            using var respondentHandler = LoadClients.Handler(maxClients);
            using var client = new HttpClient(respondentHandler) { Timeout = TimeSpan.FromSeconds(30) };

            var api = new ScanApi(admin);
            var instrument = factory.Services.GetRequiredService<InstrumentCatalog>().Find(ScanApi.Instrument)!;
            var gemeenten = factory.Services.GetRequiredService<ReferenceData>().Gemeenten.Select(g => g.Code).ToList();
            Console.WriteLine($"Setup: an open round with {maxClients} invitations (one per gemeente), via the API; per respondent GET /scan/{{token}}/deel/1 for the antiforgery cookie and token");
            var round = await api.CreateRoundAsync("saves");
            var invited = await api.InviteAsync(round, gemeenten.Take(maxClients));
            await api.OpenAsync(round);
            var setA = DemoResponses.Generate(instrument, gemeenten, gemeenten.Count, seed: 2026);
            var setB = DemoResponses.Generate(instrument, gemeenten, gemeenten.Count, seed: 2027);
            var respondents = invited.Select((inv, i) => new Respondent(inv.Token, instrument, setA[i], setB[i])).ToList();
            var appTarget = SaveTarget.Product(appUrl);
            var floorTarget = SaveTarget.Floor(floor.BaseAddress);
            var appTracks = new List<SaveTrack>();
            var floorTracks = new List<SaveTrack>();
            foreach (var r in respondents)
            {
                var rendered = await RespondentForm.GetAsync(client, new Uri(appUrl, appTarget.FormPath(r.Token, 1)));
                r.SetForm(rendered.Cookie, rendered.HiddenFields);
                appTracks.Add(new SaveTrack(r, await ScanApi.VersionAsync(admin, r.Token)));
                floorTracks.Add(new SaveTrack(r, 0));
            }
            var formFields = await CheckFormFieldsAsync(client, appUrl, appTarget, respondents[0]);

            var command = $"dotnet run -c Release --project bench/Weerbaar.Bench -- saves {string.Join(' ', args)}".TrimEnd();
            var run = new SavesRun(command, options, startedAt, loadAverage, startup.Elapsed, SourceRevision.Describe(ResultsDirectory.BenchDirectory),
                appDatabase, floorDatabase, invited.Count);
            run.FormFields = formFields;

            // Probes: one save of each kind at each target must succeed before anything is measured.
            foreach (var kind in options.Kinds)
            {
                foreach (var (target, tracks) in new[] { (floorTarget, floorTracks), (appTarget, appTracks) })
                {
                    var probe = await SaveSteps.Of(kind, client, target, tracks[0])(CancellationToken.None);
                    if (!probe.Success)
                    {
                        throw new InvalidOperationException($"The first {kind} save at the {target.Name} answered {probe.Status}; stopping.");
                    }
                }
            }

            foreach (var clients in options.Clients)
            {
                foreach (var kind in options.Kinds)
                {
                    Console.WriteLine($"[{Label(kind)}, {clients} clients]");
                    var floorStep = Steps(kind, client, floorTarget, floorTracks);
                    var appStep = Steps(kind, client, appTarget, appTracks);
                    if (options.WarmupSeconds > 0)
                    {
                        Print("  floor warm-up", await Phase(floorStep, clients, options.WarmupSeconds, options));
                        Print("  app warm-up  ", await Phase(appStep, clients, options.WarmupSeconds, options));
                    }
                    var before = await Phase(floorStep, clients, options.Seconds, options);
                    Print("  floor        ", before);
                    var app = await Phase(appStep, clients, options.Seconds, options);
                    Print("  app          ", app);
                    var after = await Phase(floorStep, clients, options.Seconds, options);
                    Print("  floor again  ", after);
                    var result = new SavesCase(kind, clients, before, app, after);
                    Console.WriteLine($"  app/floor: p95 × {result.P95Ratio:F2}, throughput × {result.ThroughputRatio:F2}: goal {(result.GoalMet ? "met" : "not met")}");
                    run.Cases.Add(result);
                }
            }

            run.Check = await CheckStoredAsync(admin, store, appTracks, floorTracks);
            Console.WriteLine($"Stored check over {run.Check.Respondents} respondents: app answers differ {run.Check.AppAnswersDiffer}, app version differs {run.Check.AppVersionDiffer}, " +
                              $"last returned version differs {run.Check.AppReturnedVersionDiffer}; floor answers differ {run.Check.FloorAnswersDiffer}, floor version differs {run.Check.FloorVersionDiffer}");
            foreach (var example in run.Check.Examples)
            {
                Console.WriteLine("  " + example);
            }
            if (groupWriter is not null)
            {
                run.FloorBatches = (groupWriter.Batches, groupWriter.Saves);
            }
            if (options.WrkSeconds > 0)
            {
                await WrkAsync(run, api, instrument, gemeenten, appUrl, floor.BaseAddress, dataDirectory, options);
            }
            run.LoadAverageAtEnd = MachineInfo.LoadAverage();

            Directory.CreateDirectory(resultsDirectory);
            var file = Path.Combine(resultsDirectory, ResultsDirectory.FileName("scan", options.Description));
            await File.WriteAllTextAsync(file, SavesReport.Markdown(run));
            Console.WriteLine($"Report: {file}");
            return 0;
        }
        finally
        {
            if (floor is not null)
            {
                await floor.DisposeAsync();
            }
            if (groupWriter is not null)
            {
                await groupWriter.DisposeAsync();
            }
            if (store is not null)
            {
                await store.DisposeAsync();
            }
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

    /// <summary>
    /// The API saves once more with wrk, on a round of their own with an invitation for every gemeente (so a token
    /// comes round again only after all others of its wrk thread, and the checked respondents stay untouched).
    /// </summary>
    private static async Task WrkAsync(SavesRun run, ScanApi api, Instrument instrument, List<string> gemeenten, Uri appUrl, Uri floorUrl, string directory, SavesOptions o)
    {
        if (!WrkCrossCheck.Available)
        {
            Console.WriteLine("[wrk] not installed (apt-get install wrk); skipped");
            return;
        }
        var round = await api.CreateRoundAsync("wrk");
        var invited = await api.InviteAsync(round, gemeenten);
        await api.OpenAsync(round);
        var setA = DemoResponses.Generate(instrument, gemeenten, gemeenten.Count, seed: 2028);
        var setB = DemoResponses.Generate(instrument, gemeenten, gemeenten.Count, seed: 2029);
        var respondents = invited.Select((inv, i) => new Respondent(inv.Token, instrument, setA[i], setB[i])).ToList();
        run.WrkTokens = respondents.Count;
        var (script, floorData) = await WrkCrossCheck.PrepareAsync(directory, "floor", respondents, token => $"/floor/{token}/parts/");
        var (_, appData) = await WrkCrossCheck.PrepareAsync(directory, "app", respondents, token => $"/api/v1/invitations/{token}/response/parts/");
        Console.WriteLine($"[wrk] API PUT with wrk -t {WrkCrossCheck.Threads}, {respondents.Count} tokens of a round of their own, {o.WrkSeconds} s per run");
        foreach (var clients in o.Clients)
        {
            foreach (var (name, url, data) in new[] { ("floor", floorUrl, floorData), ("app", appUrl, appData), ("floor again", floorUrl, floorData) })
            {
                var r = await WrkCrossCheck.RunAsync(name, url, script, data, clients, o.WrkSeconds);
                run.Wrk.Add(r);
                Console.WriteLine($"  {clients} connections, {name}: {r.Requests} saves, {r.NonSuccess} non-2xx/3xx, {r.SocketErrors} socket errors, {r.RequestsPerSecond:F0} saves/s, " +
                                  $"p50 {r.P50Ms:F1} p95 {r.P95Ms:F1} p99 {r.P99Ms:F1} max {r.MaxMs:F1} ms, load {MachineInfo.LoadAverage()}");
            }
        }
    }

    public static string Label(SaveKind kind) => kind == SaveKind.Api ? "API PUT" : "HTML form";

    private static Func<int, ClientStep> Steps(SaveKind kind, HttpClient client, SaveTarget target, List<SaveTrack> tracks)
    {
        var steps = tracks.Select(t => SaveSteps.Of(kind, client, target, t)).ToList();
        return i => steps[i];
    }

    private static Task<PhaseResult> Phase(Func<int, ClientStep> step, int clients, int seconds, SavesOptions o)
        => LoadRunner.RunAsync(step, clients, TimeSpan.FromSeconds(seconds), o.MaxRequests);

    private static void Print(string label, PhaseResult r)
        => Console.WriteLine($"{label}: {r.Requests} saves, {r.Errors} errors, {r.RequestsPerSecond:F0} saves/s, " +
                             $"p50 {r.Latency.P50:F1} p95 {r.Latency.P95:F1} p99 {r.Latency.P99:F1} max {r.Latency.Max:F1} ms, " +
                             $"status {string.Join(' ', r.StatusCodes.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}×{kv.Value}"))}, CPU {r.CpuMsPerRequest:F2} ms/save, load {r.LoadAverage}");

    /// <summary>The file system a folder lives on (from /proc/mounts): on tmpfs an fsync costs nothing, so say which it is.</summary>
    public static string FileSystemOf(string directory)
    {
        if (!File.Exists("/proc/mounts"))
        {
            return "file system unknown";
        }
        var mount = File.ReadLines("/proc/mounts").Select(l => l.Split(' ')).Where(f => f.Length > 2)
            .Where(f => directory.StartsWith(f[1], StringComparison.Ordinal) && (f[1] == "/" || directory.Length == f[1].Length || directory[f[1].Length] == '/'))
            .MaxBy(f => f[1].Length);
        return mount is null ? "file system unknown" : $"{mount[2]} on {mount[0]}, mounted at {mount[1]}";
    }

    /// <summary>Every answer the bench posts must be a field of the rendered form of its part (else the app would drop it).</summary>
    private static async Task<string> CheckFormFieldsAsync(HttpClient client, Uri appUrl, SaveTarget app, Respondent respondent)
    {
        var hidden = new List<string>();
        foreach (var part in respondent.Pages.Select(p => p.Part).Distinct())
        {
            var rendered = await RespondentForm.GetAsync(client, new Uri(appUrl, app.FormPath(respondent.Token, part)));
            var missing = respondent.Pages.Where(p => p.Part == part).SelectMany(p => p.Answers.Keys).Where(k => !rendered.FieldNames.Contains(k)).Distinct().ToList();
            if (missing.Count > 0)
            {
                throw new InvalidOperationException($"Part {part}: answers without a field in the rendered form: {string.Join(", ", missing)}.");
            }
            hidden = rendered.HiddenFields.Select(h => h.Key).ToList();
        }
        return string.Join(", ", hidden.Select(h => $"`{h}`"));
    }

    private sealed record StoredResponse(string Status, int Version, Dictionary<string, string> Answers);

    private static async Task<StoredCheck> CheckStoredAsync(HttpClient admin, IFloorStore store, List<SaveTrack> appTracks, List<SaveTrack> floorTracks)
    {
        int appAnswers = 0, appVersion = 0, appReturned = 0, floorAnswers = 0, floorVersion = 0;
        var examples = new List<string>();
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        foreach (var track in appTracks)
        {
            using var response = await admin.GetAsync($"/api/v1/invitations/{track.Respondent.Token}/response");
            response.EnsureSuccessStatusCode();
            var stored = (await response.Content.ReadFromJsonAsync<StoredResponse>(options))!;
            var expected = track.ExpectedAnswers();
            if (!Same(stored.Answers, expected))
            {
                appAnswers++;
                AddExample(examples, $"app {Short(track)}: {Diff(stored.Answers, expected)}");
            }
            // Every acknowledged save raises the version by one, the form's as well as the API's.
            if (stored.Version != track.StartVersion + track.Acknowledged)
            {
                appVersion++;
                AddExample(examples, $"app {Short(track)}: version {stored.Version}, expected {track.StartVersion} + {track.Acknowledged} acknowledged saves");
            }
            if (track.LastReturnedVersion is { } returned && returned > stored.Version)
            {
                appReturned++;
                AddExample(examples, $"app {Short(track)}: a save returned version {returned}, the app holds {stored.Version}");
            }
        }
        var rows = (await store.ReadAllAsync(CancellationToken.None)).ToLookup(r => r.Token);
        foreach (var track in floorTracks)
        {
            foreach (var part in track.Respondent.Pages.Select(p => p.Part).Distinct())
            {
                var row = rows[track.Respondent.Token].FirstOrDefault(r => r.Part == part);
                var expected = track.LastAcknowledgedOf(part);
                var storedAnswers = row is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(row.AnswersJson);
                if ((expected is null) != (storedAnswers is null) || (expected is not null && !Same(storedAnswers!, expected.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)).ToDictionary(kv => kv.Key, kv => kv.Value.Trim()))))
                {
                    floorAnswers++;
                    AddExample(examples, $"floor {Short(track)} part {part}: stored answers differ from the last acknowledged save");
                }
                if ((row?.Version ?? 0) != track.AcknowledgedOf(part))
                {
                    floorVersion++;
                    AddExample(examples, $"floor {Short(track)} part {part}: version {row?.Version ?? 0}, {track.AcknowledgedOf(part)} acknowledged saves");
                }
            }
        }
        return new StoredCheck(appTracks.Count, appAnswers, appVersion, appReturned, floorAnswers, floorVersion,
            appTracks.Sum(t => t.Acknowledged), floorTracks.Sum(t => t.Acknowledged), examples);
    }

    private static bool Same(Dictionary<string, string> a, Dictionary<string, string> b)
        => a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

    private static string Diff(IReadOnlyDictionary<string, string> stored, IReadOnlyDictionary<string, string> expected)
    {
        var keys = stored.Keys.Union(expected.Keys).Where(k => stored.GetValueOrDefault(k) != expected.GetValueOrDefault(k)).Order(StringComparer.Ordinal).Take(5);
        return string.Join("; ", keys.Select(k => $"{k}: stored '{stored.GetValueOrDefault(k)}', expected '{expected.GetValueOrDefault(k)}'"));
    }

    private static string Short(SaveTrack track) => track.Respondent.Token[..Math.Min(8, track.Respondent.Token.Length)] + "…";

    private static void AddExample(List<string> examples, string text)
    {
        if (examples.Count < 10)
        {
            examples.Add(text);
        }
    }
}
