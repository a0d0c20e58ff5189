using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Demo;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Weerbaar.Web.Tests.Durability;

/// <summary>
/// Issue 15: respondents save from many clients, the server is killed with SIGKILL at a random moment and started
/// again on the same database. Every save answered 200 must be there with its answers and version, and none may be
/// half-written. Black-box over HTTP against the built app in a child process, so it holds for any implementation
/// of the save path. The seed of the kill moment is printed; set WEERBAAR_DURABILITY_SEED to repeat a run.
/// </summary>
public abstract class KillDuringSavesTests(AppFixture fixture, ITestOutputHelper output)
{
    private const int Clients = 40;
    private const int MinimumAcknowledgedBeforeKill = 150;
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(180);

    protected AppFixture Fixture { get; } = fixture;

    /// <summary>A fresh, empty database for this test; the app migrates it on start.</summary>
    protected abstract Task<(DatabaseProvider Provider, string ConnectionString)> CreateDatabaseAsync(string directory);

    protected virtual Task DropDatabaseAsync(string connectionString) => Task.CompletedTask;

    [Fact]
    public async Task Every_acknowledged_save_survives_a_kill_and_none_is_half_written()
    {
        var seed = Environment.GetEnvironmentVariable("WEERBAAR_DURABILITY_SEED") is { Length: > 0 } s
            ? int.Parse(s, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        var random = new Random(seed);
        var killAfter = TimeSpan.FromMilliseconds(random.Next(1500, 4000));
        output.WriteLine($"seed {seed}: kill {killAfter.TotalMilliseconds:F0} ms after the saves begin (and after at least {MinimumAcknowledgedBeforeKill} acknowledged saves)");

        var directory = Path.Combine(Path.GetTempPath(), "weerbaar-durable-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        var logFile = Path.Combine(directory, "app.log");
        var (provider, connectionString) = await CreateDatabaseAsync(directory);
        AppProcess? app = null;
        var passed = false;
        try
        {
            var watch = Stopwatch.StartNew();
            app = await AppProcess.StartAsync(provider, connectionString, directory, logFile, HealthTimeout);
            output.WriteLine($"app {AppProcess.AppDirectory} pid {app.ProcessId} healthy on {app.BaseAddress} after {watch.Elapsed.TotalSeconds:F1} s");

            var instrument = new InstrumentCatalog().Find("weerbaarheidsscan-2025")!;
            var gemeenten = File.ReadLines(Path.Combine(AppProcess.AppDirectory, "Data", "Reference", "gemeenten_2024.csv"))
                .Skip(1).Select(line => line.Split(',')[0]).ToList();
            var setA = DemoResponses.Generate(instrument, gemeenten, Clients, seed: 2026);
            var setB = DemoResponses.Generate(instrument, gemeenten, Clients, seed: 2027);
            var tokens = await OpenRoundAsync(app.BaseAddress, setA.Select(r => r.Gemeentecode).ToList());

            // One connection per client, as 40 browsers would have.
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Clients, UseCookies = false, UseProxy = false };
            using var http = new HttpClient(handler) { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
            var acknowledged = 0;
            var respondents = tokens.Select((token, i) => new SavingRespondent(http, token, sendsVersion: i % 2 == 1, instrument,
                setA[i].Answers, setB[i].Answers, () => Interlocked.Increment(ref acknowledged))).ToList();
            var differing = respondents.Sum(r => r.PartIds.Keys.Count(p => !SameAnswers(r.PagesOf(p).First().Answers, r.PagesOf(p).Last().Answers)));
            output.WriteLine($"{differing} of {Clients * instrument.Parts.Count} parts differ between set A and set B");

            using var safety = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            watch.Restart();
            var running = respondents.Select(r => Task.Run(() => r.RunAsync(safety.Token))).ToList();
            await Task.Delay(killAfter);
            while (Volatile.Read(ref acknowledged) < MinimumAcknowledgedBeforeKill && watch.Elapsed < TimeSpan.FromSeconds(60) && running.Any(t => !t.IsCompleted))
            {
                await Task.Delay(10);
            }
            var ackedAtKill = Volatile.Read(ref acknowledged);
            var exitCode = await app.KillAsync();
            output.WriteLine($"SIGKILL after {watch.Elapsed.TotalSeconds:F2} s with {ackedAtKill} saves acknowledged; exit code {exitCode}");
            Assert.Equal(128 + 9, exitCode); // killed by signal 9, not a graceful stop
            await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(90));
            var inFlight = respondents.Count(r => r.InFlight is not null);
            output.WriteLine($"{respondents.Sum(r => r.Sent)} saves sent, {respondents.Sum(r => r.Acknowledged)} acknowledged, {inFlight} in flight at the kill");

            var problems = respondents.SelectMany(r => r.Problems.Select(p => $"{r.Token[..6]}…: {p}")).ToList();
            Assert.True(problems.Count == 0, "Saves while the server was up were not answered 200 with the next version:\n" + string.Join('\n', problems.Take(20)));
            Assert.True(respondents.Sum(r => r.Acknowledged) > 100, $"Only {respondents.Sum(r => r.Acknowledged)} saves were acknowledged before the kill; the test proves too little.");

            await app.DisposeAsync();
            app = null;
            watch.Restart();
            app = await AppProcess.StartAsync(provider, connectionString, directory, logFile, HealthTimeout);
            output.WriteLine($"restarted: pid {app.ProcessId} healthy on {app.BaseAddress} after {watch.Elapsed.TotalSeconds:F1} s");
            using var after = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

            var failures = new List<string>();
            var inFlightLanded = 0;
            foreach (var r in respondents)
            {
                var (version, answers) = await GetStoredAsync(after, r.Token);
                failures.AddRange(WholeParts(r, answers));
                if (version == r.AckedVersion && SameAnswers(answers, r.AckedAnswers))
                {
                    continue;
                }
                if (r.InFlight is { } f && version == r.AckedVersion + 1 && SameAnswers(answers, r.With(r.AckedAnswers, f)))
                {
                    inFlightLanded++;
                    continue;
                }
                failures.Add($"{r.Token[..6]}… ({(r.SendsVersion ? "with" : "without")} version): stored version {version}, last acknowledged {r.AckedVersion}" +
                    (r.InFlight is { } g ? $", in flight {g.Set}{g.Part}" : ", nothing in flight") +
                    $"; stored answers {(SameAnswers(answers, r.AckedAnswers) ? "equal" : "differ from")} the acknowledged ones; saves: {string.Join(", ", r.History.TakeLast(6))}");
            }
            output.WriteLine($"{inFlightLanded} of {inFlight} in-flight saves were committed before the kill");
            Assert.True(failures.Count == 0, $"{failures.Count} respondents do not hold what was acknowledged (seed {seed}):\n" + string.Join('\n', failures.Take(20)));

            // The restarted server takes saves again, with and without a version.
            for (var i = 0; i < 6; i++)
            {
                var (version, answers) = await GetStoredAsync(after, tokens[i]);
                var resumed = new SavingRespondent(after, tokens[i], sendsVersion: i % 2 == 1, instrument, setA[i].Answers, setB[i].Answers, () => { });
                resumed.ContinueFrom(version, answers);
                Assert.True(await resumed.SaveNextAsync(CancellationToken.None), string.Join('\n', resumed.Problems));
                var (newVersion, newAnswers) = await GetStoredAsync(after, tokens[i]);
                Assert.Equal(version + 1, newVersion);
                Assert.True(SameAnswers(newAnswers, resumed.AckedAnswers), "The save after the restart is not stored as sent.");
            }
            passed = true;
        }
        catch when (File.Exists(logFile))
        {
            output.WriteLine($"---- app log ({logFile}), last lines:\n{AppProcess.LogTail(logFile)}");
            throw;
        }
        finally
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (passed)
            {
                await DropDatabaseAsync(connectionString);
                try
                {
                    Directory.Delete(directory, recursive: true);
                }
                catch (IOException)
                {
                }
            }
            else
            {
                output.WriteLine($"kept {directory} (database and app log) for diagnosis");
            }
        }
    }

    /// <summary>Each part holds exactly set A's or set B's answers of that part, or nothing: never a mix.</summary>
    private static IEnumerable<string> WholeParts(SavingRespondent r, IReadOnlyDictionary<string, string> stored)
    {
        foreach (var (part, ids) in r.PartIds)
        {
            var held = stored.Where(kv => ids.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
            if (held.Count > 0 && !r.PagesOf(part).Any(p => SameAnswers(held, p.Answers)))
            {
                yield return $"{r.Token[..6]}…: part {part} is neither set A nor set B: {JsonSerializer.Serialize(held)}";
            }
        }
        foreach (var key in stored.Keys.Where(k => !r.PartIds.Values.Any(ids => ids.Contains(k))))
        {
            yield return $"{r.Token[..6]}…: answer '{key}' belongs to no part";
        }
    }

    private static bool SameAnswers(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b)
        => a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

    /// <summary>GET the respondent's own response; the answers must be a JSON object of strings.</summary>
    private static async Task<(int Version, Dictionary<string, string> Answers)> GetStoredAsync(HttpClient http, string token)
    {
        using var response = await http.GetAsync($"/api/v1/invitations/{token}/response");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET own response: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in json.RootElement.GetProperty("answers").EnumerateObject())
        {
            Assert.Equal(JsonValueKind.String, property.Value.ValueKind);
            answers[property.Name] = property.Value.GetString()!;
        }
        return (json.RootElement.GetProperty("version").GetInt32(), answers);
    }

    /// <summary>As the research team: an open round with one invitation per gemeente; returns the personal tokens.</summary>
    private static async Task<List<string>> OpenRoundAsync(Uri baseAddress, List<string> gemeenten)
    {
        using var admin = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(120) };
        var login = await admin.PostAsJsonAsync("/api/v1/auth/login", new { email = AppProcess.AdminEmail, password = AppProcess.AdminPassword });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await login.Content.ReadFromJsonAsync<WeerbaarFactory.TokenResponse>())!.AccessToken;
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var created = await admin.PostAsJsonAsync("/api/v1/rounds", new
        {
            instrument = "weerbaarheidsscan-2025",
            name = "Duurzaamheid " + Guid.NewGuid().ToString("N")[..6],
            opensOn = "2025-12-15",
            closesOn = "2099-01-15",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var round = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var invited = await admin.PostAsJsonAsync($"/api/v1/rounds/{round}/invitations", gemeenten.Select(code => new
        {
            gemeentecode = code,
            name = $"Contactpersoon {code}",
            email = $"oov-{code.ToLowerInvariant()}@duurzaamheid.weerbaar.nl",
        }).ToList());
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        var tokens = (await invited.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(i => i.GetProperty("token").GetString()!).ToList();
        Assert.Equal(gemeenten.Count, tokens.Count);
        var opened = await admin.PatchAsJsonAsync($"/api/v1/rounds/{round}", new { status = "open" });
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        return tokens;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteKillDuringSavesTests(SqliteAppFixture fixture, ITestOutputHelper output) : KillDuringSavesTests(fixture, output)
{
    protected override Task<(DatabaseProvider Provider, string ConnectionString)> CreateDatabaseAsync(string directory)
        => Task.FromResult((DatabaseProvider.Sqlite, $"Data Source={Path.Combine(directory, "weerbaar.db")}"));
}

/// <summary>A fresh database in the collection's throwaway cluster (fsync off there is fine: the app is killed, not PostgreSQL).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresKillDuringSavesTests(PostgresAppFixture fixture, ITestOutputHelper output) : KillDuringSavesTests(fixture, output)
{
    protected override async Task<(DatabaseProvider Provider, string ConnectionString)> CreateDatabaseAsync(string directory)
    {
        var fixtureDatabase = await Fixture.Factory.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        var name = "durable_" + Guid.NewGuid().ToString("N")[..8];
        await using (var conn = new Npgsql.NpgsqlConnection(fixtureDatabase))
        {
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"CREATE DATABASE \"{name}\"";
            await cmd.ExecuteNonQueryAsync();
        }
        return (DatabaseProvider.Postgres, new Npgsql.NpgsqlConnectionStringBuilder(fixtureDatabase) { Database = name }.ConnectionString);
    }

    protected override async Task DropDatabaseAsync(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var name = builder.Database;
        builder.Database = "postgres";
        builder.Pooling = false;
        await using var conn = new Npgsql.NpgsqlConnection(builder.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        await cmd.ExecuteNonQueryAsync();
    }
}
