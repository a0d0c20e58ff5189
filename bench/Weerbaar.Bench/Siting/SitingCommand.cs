using System.Diagnostics;
using System.Globalization;
using System.Text;
using Weerbaar.Analysis.Siting;

namespace Weerbaar.Bench.Siting;

/// <summary>
/// <c>siting</c>: the siting models on a made-up gemeente (600 buurten, 300 candidates; each model to proven optimality,
/// goal &lt; 2 s) and on the whole country (≈ 9,900 buurten, 5,000 candidates, k = 4,500, MaximalCovering within 1 %,
/// goal &lt; 60 s), each with the greedy answer and its time beside it. Writes bench/results/&lt;date&gt;-siting.md.
/// </summary>
public static class SitingCommand
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Each measurement runs this often; the report gives the median run.</summary>
    private const int Runs = 3;

    public static int Run(string[] args)
    {
        var only = args.Contains("--gemeente-only") ? "gemeente" : args.Contains("--country-only") ? "country" : null;
        var outDir = ResultsDirectory.Resolve(Option(args, "--out"));
        var reference = Path.Combine(Path.GetDirectoryName(ResultsDirectory.BenchDirectory)!, "src", "Weerbaar.Web", "Data", "Reference");
        var load = MachineInfo.LoadAverage();
        var rows = new List<Row>();
        string? countryLine = null;

        if (only != "country")
        {
            var (demand, sites) = SitingInstances.Gemeente();
            Warm(demand, sites);
            rows.Add(Measure("gemeente", "MaximalCovering k = 20", demand, sites, new SitingOptions(SitingObjective.MaximalCovering, 20), 2));
            rows.Add(Measure("gemeente", "PMedian k = 20", demand, sites, new SitingOptions(SitingObjective.PMedian, 20), 2));
            rows.Add(Measure("gemeente", "SetCovering 90 %", demand, sites, new SitingOptions(SitingObjective.SetCovering, 0, TargetShare: 0.9), 2));
        }
        if (only != "gemeente")
        {
            var (demand, sites) = SitingInstances.Country(reference);
            countryLine = string.Create(C, $"country: {demand.Length:N0} buurten with a point and residents ({demand.Sum(d => d.Weight):N0} residents), {sites.Length:N0} candidates");
            Console.WriteLine(countryLine);
            foreach (var k in new[] { 4500, 1500 })
            {
                rows.Add(Measure("country", string.Create(C, $"MaximalCovering k = {k:N0}, gap 1 %"), demand, sites,
                    new SitingOptions(SitingObjective.MaximalCovering, k, RelativeGap: 0.01, TimeLimit: TimeSpan.FromSeconds(120)), 60));
            }
            rows.Add(Measure("country", "MaximalCovering k = 1,500, proven optimal", demand, sites,
                new SitingOptions(SitingObjective.MaximalCovering, 1500, TimeLimit: TimeSpan.FromSeconds(120)), 60));
        }

        var path = Path.Combine(outDir, $"{DateTime.UtcNow:yyyy-MM-dd}-siting{(only is null ? "" : "-" + only)}.md");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(path, Report(rows, args, load, countryLine));
        Console.WriteLine($"Wrote {path}");
        return 0;
    }

    private sealed record Row(
        string Instance, string Model, SitingResult Optimum, TimeSpan OptimumCpu, SitingResult Greedy, TimeSpan GreedyTime, double GoalSeconds, bool Maximise);

    /// <summary>One throwaway solve so the first measured run does not pay for loading the native library and JIT.</summary>
    private static void Warm(SitingDemand[] demand, SitingSite[] sites)
        => SitingSolver.Solve(demand.Take(50).ToArray(), sites.Take(20).ToArray(), new SitingOptions(SitingObjective.MaximalCovering, 3));

    private static Row Measure(string instance, string model, SitingDemand[] demand, SitingSite[] sites, SitingOptions options, double goalSeconds)
    {
        GreedySiting.Solve(demand, sites, options); // JIT and caches, so the timed greedy is not charged for them
        var greedyRuns = new List<(SitingResult Result, TimeSpan Time)>();
        var optimumRuns = new List<(SitingResult Result, TimeSpan Cpu)>();
        for (var run = 0; run < Runs; run++)
        {
            var clock = Stopwatch.StartNew();
            greedyRuns.Add((GreedySiting.Solve(demand, sites, options), clock.Elapsed));
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var result = SitingSolver.Solve(demand, sites, options);
            optimumRuns.Add((result, Process.GetCurrentProcess().TotalProcessorTime - cpu));
        }
        var (greedy, greedyTime) = greedyRuns.OrderBy(r => r.Time).ElementAt(Runs / 2);
        var (optimum, optimumCpu) = optimumRuns.OrderBy(r => r.Result.Elapsed).ElementAt(Runs / 2);
        Console.WriteLine(string.Create(C,
            $"{instance} {model}: {optimum.Status} objective {optimum.Objective:0.###} bound {optimum.BestBound:0.###} gap {optimum.Gap:0.######} in {optimum.Elapsed.TotalSeconds:0.00} s (CPU {optimumCpu.TotalSeconds:0.00} s); greedy {greedy.Objective:0.###} in {greedyTime.TotalSeconds:0.00} s"));
        return new Row(instance, model, optimum, optimumCpu, greedy, greedyTime, goalSeconds, options.Objective == SitingObjective.MaximalCovering);
    }

    private static string Report(List<Row> rows, string[] args, string loadBefore, string? countryLine)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Siting: optimal noodsteunpunten vs greedy ({DateTime.UtcNow:yyyy-MM-dd})");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Source revision: {SourceRevision.Describe(ResultsDirectory.BenchDirectory)}.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Command: `dotnet run -c Release --project bench/Weerbaar.Bench -- {string.Join(' ', ["siting", .. args])}`. Median of {Runs} runs each (Stopwatch); the times include building the distance structure and, for the optimum, the greedy start.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Load average (1, 5, 15 min) at the start: {loadBefore}; at the end: {MachineInfo.LoadAverage()}. Above 2, other processes shared the CPUs.");
        text.AppendLine();
        text.AppendLine("## Machine");
        text.AppendLine();
        text.Append(MachineInfo.Markdown());
        text.AppendLine();
        text.AppendLine("## Results");
        text.AppendLine();
        text.AppendLine("Instances: gemeente = 600 made-up buurten within 8 km of a centre (seed 2026, residents 50–3,000), 300 candidates at buurt points jittered by up to 300 m, 6 of them fixed.");
        if (countryLine is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{char.ToUpperInvariant(countryLine[0])}{countryLine[1..]} (sampled buurt points jittered by up to 300 m, seed 2026).");
        }
        text.AppendLine();
        text.AppendLine("Distances are haversine × 1.3 (detour); covered = within 1,000 m. Gap = |bound − objective| / max(|objective|, 1e-9). "
            + "Covering objectives are residents; the p-median objective is Σ residents × metres. \"Optimum adds\" is the improvement over greedy "
            + "(more covered, or less distance / fewer sites). \"Floor\" is the greedy run (same distance structure, no solver): optimum seconds ÷ greedy seconds.");
        text.AppendLine();
        text.AppendLine("| instance | model | status | objective | bound | gap | seconds | CPU seconds | goal | greedy objective | optimum adds | greedy seconds | ratio |");
        text.AppendLine("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |");
        foreach (var r in rows)
        {
            var o = r.Optimum;
            var adds = r.Maximise ? o.Objective - r.Greedy.Objective : r.Greedy.Objective - o.Objective;
            var addsShare = adds / Math.Max(Math.Abs(r.Greedy.Objective), 1e-9);
            var met = o.Elapsed.TotalSeconds < r.GoalSeconds && o.Status == SitingStatus.Optimal ? "met" : "**not met**";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Instance} | {r.Model} | {o.Status} | {o.Objective:N0} | {o.BestBound:N0} | {o.Gap:0.0000 %} | {o.Elapsed.TotalSeconds:0.00} | {r.OptimumCpu.TotalSeconds:0.00} | < {r.GoalSeconds} s: {met} | {r.Greedy.Objective:N0} | {adds:N0} ({addsShare:0.00 %}) | {r.GreedyTime.TotalSeconds:0.000} | {o.Elapsed.TotalSeconds / Math.Max(r.GreedyTime.TotalSeconds, 1e-9):0.0} |");
        }
        text.AppendLine();
        foreach (var r in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"- {r.Instance}, {r.Model}: {r.Optimum.OpenSites.Count} open sites ({r.Optimum.NewSites.Count} new), covered {r.Optimum.CoveredShare:0.00 %}; greedy {r.Greedy.NewSites.Count} new, covered {r.Greedy.CoveredShare:0.00 %}. Message: \"{r.Optimum.Message}\"");
        }
        return text.ToString();
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
