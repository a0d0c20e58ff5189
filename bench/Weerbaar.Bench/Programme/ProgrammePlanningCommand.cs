using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Bench.Http;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Programme;

namespace Weerbaar.Bench.Programme;

/// <summary>
/// <c>programme-planning</c>: a gemeente with a programme of N actions (default 300; random finish-to-start dependencies that
/// form a DAG, seeded) on the real app on 127.0.0.1 (SQLite), and one client GETting each URL of <see cref="Urls"/> in turn:
/// median and p95 per URL against the floor <c>GET /health</c> on the same app, and the same planning page for a gemeente
/// without actions. Goal (issue 14): the plan page and the Gantt with 300 actions under 200 ms.
/// Writes bench/results/&lt;date&gt;-programme-planning.md.
/// </summary>
public static class ProgrammePlanningCommand
{
    private const string Gemeente = "GM0363";
    private const string EmptyGemeente = "GM0344";
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>The URLs measured; {code} is the gemeente with the programme.</summary>
    private static readonly (string Name, string Path)[] Urls =
    [
        ("plan page", "/gemeenten/{code}/programma"),
        ("actions API", "/api/v1/gemeenten/{code}/programme/actions"),
        ("Gantt page", "/gemeenten/{code}/programma/planning"),
        ("capacity and budget page", "/gemeenten/{code}/programma/capaciteit"),
        ("schedule API", "/api/v1/gemeenten/{code}/programme/schedule"),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var actions = Option(args, "--actions", 300);
        var requests = Option(args, "--requests", 200);
        var maxSeconds = Option(args, "--max-seconds", 15);
        var outDir = ResultsDirectory.Resolve(null);
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        var dataDirectory = Directory.CreateTempSubdirectory("weerbaar-bench-programme-").FullName;
        var load = MachineInfo.LoadAverage();
        var factory = new BenchAppFactory(dataDirectory);
        try
        {
            var baseUrl = factory.StartOnLoopback();
            var (dependencies, critical) = await SeedAsync(factory.Services, actions);
            using var client = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(2) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await HttpLoadCommand.LoginAsync(client));

            var rows = new List<(string Name, string Path, Sample Sample)>
            {
                ("floor: health", "/health", await MeasureAsync(client, "/health", requests, maxSeconds)),
                ("reference: Gantt page, no actions", $"/gemeenten/{EmptyGemeente}/programma/planning", await MeasureAsync(client, $"/gemeenten/{EmptyGemeente}/programma/planning", requests, maxSeconds)),
            };
            foreach (var (name, path) in Urls)
            {
                var url = path.Replace("{code}", Gemeente, StringComparison.Ordinal);
                rows.Add((name, url, await MeasureAsync(client, url, requests, maxSeconds)));
                Console.WriteLine($"{name}: median {rows[^1].Sample.Median:N1} ms, p95 {rows[^1].Sample.P95:N1} ms");
            }
            var floor = rows[0].Sample.Median;
            var text = new StringBuilder();
            text.AppendLine(C, $"# Programme planning over HTTP: {actions} actions ({DateTime.UtcNow:yyyy-MM-dd})");
            text.AppendLine();
            text.AppendLine(C, $"Source revision: {SourceRevision.Describe(ResultsDirectory.BenchDirectory)}.");
            text.AppendLine();
            text.AppendLine($"Command: `dotnet run -c Release --project bench/Weerbaar.Bench -- programme-planning --actions {actions} --requests {requests} --max-seconds {maxSeconds}`. "
                + "The real app on Kestrel (127.0.0.1, SQLite, Production), the admin over the API with a bearer token, one client, requests one after another; "
                + $"per URL 10 warm-up requests, then {requests} timed ones (or fewer when {maxSeconds} s have passed). Latency = request sent → whole body read.");
            text.AppendLine();
            text.AppendLine(C, $"Load average (1, 5, 15 min) at the start: {load}; at the end: {MachineInfo.LoadAverage()}.");
            text.AppendLine();
            text.AppendLine("## Machine");
            text.AppendLine();
            text.AppendLine(MachineInfo.Markdown());
            text.AppendLine("## Data");
            text.AppendLine();
            text.AppendLine($"{Gemeente}: one programme (start 1 January 2027, 6 fte available, a begroting for 2027–2029) with {actions} actions over six pillars, seed 2026: "
                + $"start within 18 months, 14–180 days each, 0.1–1 fte, one-off and structural budgets; each action after the first waits for 0–3 earlier actions "
                + $"(random, a DAG by construction, lag 0–14 days on a third), {dependencies} dependencies in all; a third has a milestone. {critical} actions are critical. "
                + $"{EmptyGemeente} has no programme (the planning page then says there is nothing to plan).");
            text.AppendLine();
            text.AppendLine("## Results");
            text.AppendLine();
            text.AppendLine(C, $"Floor = median `GET /health` on the same app: {floor:N2} ms. Goal: the Gantt page (and the plan page) with 300 actions under 200 ms.");
            text.AppendLine();
            text.AppendLine("| URL | path | requests | KiB | median ms | p95 ms | max ms | median ÷ floor |");
            text.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var (name, path, s) in rows)
            {
                text.AppendLine(C, $"| {name} | `{path}` | {s.Count} | {s.Bytes / 1024.0:N0} | {s.Median:N1} | {s.P95:N1} | {s.Max:N1} | {s.Median / floor:N0} |");
            }
            var file = Path.Combine(outDir, $"{DateTime.UtcNow:yyyy-MM-dd}-programme-planning.md");
            await File.WriteAllTextAsync(file, text.ToString());
            Console.WriteLine($"Written: {file}");
            return 0;
        }
        finally
        {
            await factory.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
        }
    }

    private sealed record Sample(int Count, long Bytes, double Median, double P95, double Max);

    private static async Task<Sample> MeasureAsync(HttpClient client, string path, int requests, int maxSeconds)
    {
        long bytes = 0;
        for (var i = 0; i < 10; i++)
        {
            using var warm = await client.GetAsync(path);
            bytes = (await warm.Content.ReadAsByteArrayAsync()).LongLength;
            if (!warm.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"GET {path}: HTTP {(int)warm.StatusCode}.");
            }
        }
        var ms = new List<double>();
        var total = Stopwatch.StartNew();
        while (ms.Count < requests && total.Elapsed.TotalSeconds < maxSeconds)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(path);
            _ = await response.Content.ReadAsByteArrayAsync();
            watch.Stop();
            response.EnsureSuccessStatusCode();
            ms.Add(watch.Elapsed.TotalMilliseconds);
        }
        ms.Sort();
        double Rank(double p) => ms[Math.Clamp((int)Math.Ceiling(p / 100 * ms.Count) - 1, 0, ms.Count - 1)];
        return new Sample(ms.Count, bytes, Rank(50), Rank(95), ms[^1]);
    }

    /// <summary>The programme and its actions, written straight to the database (the action forms are not under test here).</summary>
    private static async Task<(int Dependencies, int Critical)> SeedAsync(IServiceProvider services, int count)
    {
        var random = new Random(2026);
        string[] pillars = ["EC", "CO", "VV", "SW", "ZR", "SO"];
        var start = new DateOnly(2027, 1, 1);
        var actions = new List<ProgrammeAction>();
        for (var n = 1; n <= count; n++)
        {
            var from = start.AddDays(random.Next(0, 548));
            var deadline = from.AddDays(random.Next(14, 181) - 1);
            var dependencies = new List<ActionDependency>();
            if (n > 1)
            {
                foreach (var p in Enumerable.Range(0, random.Next(0, 4)).Select(_ => random.Next(1, n)).Distinct())
                {
                    dependencies.Add(new ActionDependency(p, random.Next(3) == 0 ? random.Next(0, 15) : 0));
                }
            }
            actions.Add(new ProgrammeAction
            {
                GemeenteCode = Gemeente,
                Number = n,
                Title = $"Actie {n}: maatregel voor de weerbaarheid van de gemeente",
                Pillar = pillars[random.Next(pillars.Length)],
                Phase = "koude-fase",
                OwnerDepartment = "Openbare orde en veiligheid",
                StartDate = from,
                Deadline = deadline,
                FtePerMonth = Math.Round(0.1 + (random.NextDouble() * 0.9), 2),
                OneOffBudget = random.Next(0, 50) * 1_000m,
                StructuralBudgetPerYear = random.Next(0, 10) * 1_000m,
                Dependencies = dependencies,
                Milestones = random.Next(3) == 0 ? [new ActionMilestone("Tussenresultaat", from.AddDays((deadline.DayNumber - from.DayNumber) / 2))] : [],
                Version = 1,
                CreatedBy = "bench",
                UpdatedBy = "bench",
            });
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var programme = new GemeenteProgramme
        {
            GemeenteCode = Gemeente,
            Name = "Programma weerbaarheid (bench)",
            StartDate = start,
            AvailableFte = 6,
            Budget = [new BudgetLine(2027, 1_500_000), new BudgetLine(2028, 1_000_000), new BudgetLine(2029, 600_000)],
            Version = 1,
            UpdatedBy = "bench",
        };
        db.Programmes.Add(programme);
        db.ProgrammeActions.AddRange(actions);
        await db.SaveChangesAsync();
        var plan = ProgrammePlanning.Compute(programme, actions);
        return (actions.Sum(a => a.Dependencies.Count), plan.Schedule?.Actions.Count(a => a.IsCritical) ?? throw new InvalidOperationException(plan.Problem));
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
