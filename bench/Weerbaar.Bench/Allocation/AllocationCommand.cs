using System.Diagnostics;
using System.Globalization;
using System.Text;
using Weerbaar.Analysis.Allocation;

namespace Weerbaar.Bench.Allocation;

/// <summary>
/// <c>allocation</c>: the three allocation policies on a made-up gemeente (600 buurten × 4 groups × 4 resources × 12
/// periods, 20 distribution points, maximum distance 3 km; goal &lt; 1 s for strict priority), median of 3 runs, with the
/// proportional policy (closed form, no solver) as the floor. Writes bench/results/&lt;date&gt;-allocation.md.
/// </summary>
public static class AllocationCommand
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    private const int Runs = 3;

    public static int Run(string[] args)
    {
        var outDir = ResultsDirectory.Resolve(Option(args, "--out"));
        var load = MachineInfo.LoadAverage();
        var input = Gemeente();
        var options = new AllocationOptions(Periods: 12, MaxDistanceMeters: 3000, MinimumServiceLevel: 0.1, PeriodByPeriod: !args.Contains("--joint"));
        AllocationSolver.Solve(Small(input), options); // loads the native library and JITs

        var rows = new List<(AllocationPolicy Policy, AllocationResult Result, TimeSpan Cpu)>();
        foreach (var policy in new[] { AllocationPolicy.Proportional, AllocationPolicy.StrictPriority, AllocationPolicy.MaxMin })
        {
            var runs = new List<(AllocationResult Result, TimeSpan Cpu)>();
            for (var run = 0; run < Runs; run++)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var result = AllocationSolver.Solve(input, options with { Policy = policy });
                runs.Add((result, Process.GetCurrentProcess().TotalProcessorTime - cpu));
            }
            var (median, medianCpu) = runs.OrderBy(r => r.Result.Elapsed).ElementAt(Runs / 2);
            rows.Add((policy, median, medianCpu));
            Console.WriteLine(string.Create(C,
                $"{policy}: {median.Status} in {median.Elapsed.TotalSeconds:0.000} s (CPU {medianCpu.TotalSeconds:0.00} s, GLOP {median.Stages.Sum(s => s.Elapsed.TotalSeconds):0.000} s in {median.Stages.Count} stages), runs {string.Join(", ", runs.Select(r => r.Result.Elapsed.TotalSeconds.ToString("0.000", C)))} s; {median.Message}"));
        }

        var path = Path.Combine(outDir, $"{DateTime.UtcNow:yyyy-MM-dd}-allocation.md");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(path, Report(input, options, rows, args, load));
        Console.WriteLine($"Wrote {path}");
        return 0;
    }

    /// <summary>
    /// 600 buurten within 8 km of a centre (uniform in radius, denser towards the centre), 4 groups in tiers 1–4 with
    /// 2–400 people each, 20 points at random buurten; 4 resources whose stock and deliveries (every other period) cover
    /// roughly 40–70 % of the need in reach.
    /// </summary>
    public static AllocationInput Gemeente(int seed = 2026)
    {
        var random = new Random(seed);
        AllocationResource[] resources =
        [
            new("water", "drinkwater", "liter"), new("maaltijden", "maaltijden", "maaltijden"),
            new("stroom", "stroom (aggregaat)", "kWh"), new("zorguren", "zorguren", "uur"),
        ];
        AllocationGroup[] groups =
        [
            new("zorgafhankelijk-thuis", "zorgafhankelijk thuis", 1, Needs(1.5, 0.5, 1.0, 0.5)),
            new("75plus-alleen", "75-plussers alleen", 2, Needs(0.75, 0.5, 0.2, 0.1)),
            new("gezinnen-met-baby", "gezinnen met een baby", 3, Needs(1.0, 0.5, 0.2, 0.02)),
            new("overig", "overige inwoners", 4, Needs(0.75, 0.5, 0.05, 0)),
        ];
        var buurten = Enumerable.Range(0, 600).Select(i =>
        {
            var (lat, lon) = Offset(52.09, 5.12, 8000 * random.NextDouble(), random.NextDouble() * 2 * Math.PI);
            return (Id: $"BU{i:0000}", lat, lon);
        }).ToArray();
        var demand = buurten.SelectMany(b => groups.Select(g => new AllocationDemand(
            b.Id, b.lat, b.lon, g.Id, g.Tier == 4 ? random.Next(200, 2500) : random.Next(2, 400)))).ToArray();
        var points = buurten.OrderBy(_ => random.Next()).Take(20).Select((b, j) => new AllocationPoint($"NSP{j:00}", b.lat, b.lon)).ToArray();
        var needPerPeriod = resources.Select(r => demand.Sum(d => d.People * groups.Single(g => g.Id == d.GroupId).NeedPerPersonPerPeriod[r.Id])).ToArray();
        var stock = points.SelectMany(p => resources.Select((r, i) =>
        {
            var share = (0.4 + (0.3 * random.NextDouble())) * needPerPeriod[i] / points.Length;
            return new AllocationStock(p.Id, r.Id, share, [.. Enumerable.Range(0, 12).Select(t => t % 2 == 1 ? 2 * share * random.NextDouble() : 0)]);
        })).ToArray();
        return new AllocationInput(resources, points, stock, groups, demand);

        Dictionary<string, double> Needs(double water, double meals, double power, double care)
            => new() { ["water"] = water, ["maaltijden"] = meals, ["stroom"] = power, ["zorguren"] = care };
    }

    private static AllocationInput Small(AllocationInput input)
        => input with { Demand = [.. input.Demand.Take(40)] };

    private static (double Lat, double Lon) Offset(double lat, double lon, double meters, double bearing)
    {
        var dLat = meters * Math.Cos(bearing) / 111_195.0;
        var dLon = meters * Math.Sin(bearing) / (111_195.0 * Math.Cos(lat * Math.PI / 180));
        return (lat + dLat, lon + dLon);
    }

    private static string Report(AllocationInput input, AllocationOptions options, List<(AllocationPolicy Policy, AllocationResult Result, TimeSpan Cpu)> rows, string[] args, string loadBefore)
    {
        var text = new StringBuilder();
        text.AppendLine(C, $"# Allocation: dividing scarce goods, three policies ({DateTime.UtcNow:yyyy-MM-dd})");
        text.AppendLine();
        text.AppendLine(C, $"Source revision: {SourceRevision.Describe(ResultsDirectory.BenchDirectory)}.");
        text.AppendLine();
        text.AppendLine(C, $"Command: `dotnet run -c Release --project bench/Weerbaar.Bench -- {string.Join(' ', ["allocation", .. args])}`. Median of {Runs} runs each (Stopwatch inside `AllocationSolver.Solve`: validation, distances, all LP stages, explanations).");
        text.AppendLine();
        text.AppendLine(C, $"Load average (1, 5, 15 min) at the start: {loadBefore}; at the end: {MachineInfo.LoadAverage()}. Above 2, other processes shared the CPUs.");
        text.AppendLine();
        text.AppendLine("## Machine");
        text.AppendLine();
        text.Append(MachineInfo.Markdown());
        text.AppendLine();
        text.AppendLine("## Instance");
        text.AppendLine();
        var strict = rows.Single(r => r.Policy == AllocationPolicy.StrictPriority).Result;
        var pairs = strict.Flows.Select(f => (f.PointId, f.BuurtId)).Distinct().Count();
        text.AppendLine(C, $"Solved {(options.PeriodByPeriod ? "period by period (rolling horizon, `PeriodByPeriod`)" : "as one joint LP over all periods")}; GLOP per stage.");
        text.AppendLine();
        text.AppendLine(C, $"Made-up gemeente (seed 2026): {input.Demand.Select(d => d.BuurtId).Distinct().Count()} buurten within 8 km × {input.Groups.Count} groups (tiers 1–4) × {input.Resources.Count} resources × {options.Periods} periods; {input.Points.Count} distribution points at random buurten; maximum distance {options.MaxDistanceMeters:N0} m; minimum service level {options.MinimumServiceLevel:0 %}; carry-over on. "
            + $"Stock and deliveries cover about 40–70 % of the need. Buurten with no point within reach: {strict.Cells.Where(c => c.Explanation.StartsWith("Geen uitdeelpunt", StringComparison.Ordinal)).Select(c => c.BuurtId).Distinct().Count()}; point–buurt pairs used by strict priority: {pairs:N0}.");
        text.AppendLine();
        text.AppendLine("## Results");
        text.AppendLine();
        text.AppendLine("Floor = the proportional policy (closed form, no solver, same distances and explanations); ratio = seconds ÷ floor seconds. Goal: strict priority < 1 s.");
        text.AppendLine();
        var floor = rows.Single(r => r.Policy == AllocationPolicy.Proportional).Result.Elapsed.TotalSeconds;
        text.AppendLine("| policy | status | LP stages | seconds | CPU seconds | ratio to floor | goal |");
        text.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | --- |");
        foreach (var (policy, r, cpu) in rows)
        {
            var goal = policy == AllocationPolicy.StrictPriority ? (r.Elapsed.TotalSeconds < 1 ? "< 1 s: met" : "< 1 s: **not met**") : "";
            text.AppendLine(C, $"| {policy} | {r.Status} | {r.Stages.Count} | {r.Elapsed.TotalSeconds:0.000} | {cpu.TotalSeconds:0.00} | {r.Elapsed.TotalSeconds / Math.Max(floor, 1e-9):0.0} | {goal} |");
        }
        text.AppendLine();
        text.AppendLine("Unmet need (in each resource's unit) and Gini of service fractions across people (0 = all alike):");
        text.AppendLine();
        text.AppendLine("| policy | resource | unmet | unmet tier 1 | tier 2 | tier 3 | tier 4 | Gini |");
        text.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var c in AllocationComparison.Of(rows.Select(r => r.Result)))
        {
            text.AppendLine(C, $"| {c.Policy} | {c.ResourceId} | {c.Unmet:N0} | {string.Join(" | ", Enumerable.Range(1, 4).Select(t => c.UnmetPerTier.GetValueOrDefault(t).ToString("N0", C)))} | {c.Gini:0.000} |");
        }
        text.AppendLine();
        var slowest = strict.Stages.OrderByDescending(s => s.Elapsed).Take(3);
        text.AppendLine(C, $"Strict priority, slowest stages: {string.Join("; ", slowest.Select(s => $"{s.ResourceId} tier {s.Tier} {s.Step} {s.Elapsed.TotalSeconds:0.000} s ({s.SolverStatus})"))}.");
        text.AppendLine();
        foreach (var (policy, r, _) in rows)
        {
            text.AppendLine(C, $"- {policy}: \"{r.Message}\"");
        }
        return text.ToString();
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
