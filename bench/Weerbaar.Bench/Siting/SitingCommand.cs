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

    public static int Run(string[] args)
    {
        var only = args.Contains("--gemeente-only") ? "gemeente" : args.Contains("--country-only") ? "country" : null;
        var outDir = ResultsDirectory.Resolve(Option(args, "--out"));
        var reference = Path.Combine(Path.GetDirectoryName(ResultsDirectory.BenchDirectory)!, "src", "Weerbaar.Web", "Data", "Reference");
        var load = MachineInfo.LoadAverage();
        var rows = new List<Row>();

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
            Console.WriteLine(string.Create(C, $"country: {demand.Length} buurten, {demand.Sum(d => d.Weight):N0} residents, {sites.Length} candidates"));
            rows.Add(Measure("country", $"MaximalCovering k = 4,500, gap 1 % ({demand.Length:N0} buurten, {sites.Length:N0} candidates)", demand, sites,
                new SitingOptions(SitingObjective.MaximalCovering, 4500, RelativeGap: 0.01, TimeLimit: TimeSpan.FromSeconds(120)), 60));
        }

        var path = Path.Combine(outDir, $"{DateTime.UtcNow:yyyy-MM-dd}-siting{(only is null ? "" : "-" + only)}.md");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(path, Report(rows, args, load));
        Console.WriteLine($"Wrote {path}");
        return 0;
    }

    private sealed record Row(string Instance, string Model, SitingResult Optimum, SitingResult Greedy, TimeSpan GreedyTime, double GoalSeconds, bool Maximise);

    /// <summary>One throwaway solve so the first measured run does not pay for loading the native library and JIT.</summary>
    private static void Warm(SitingDemand[] demand, SitingSite[] sites)
        => SitingSolver.Solve(demand.Take(50).ToArray(), sites.Take(20).ToArray(), new SitingOptions(SitingObjective.MaximalCovering, 3));

    private static Row Measure(string instance, string model, SitingDemand[] demand, SitingSite[] sites, SitingOptions options, double goalSeconds)
    {
        var clock = Stopwatch.StartNew();
        var greedy = GreedySiting.Solve(demand, sites, options);
        var greedyTime = clock.Elapsed;
        var optimum = SitingSolver.Solve(demand, sites, options);
        Console.WriteLine(string.Create(C,
            $"{instance} {model}: {optimum.Status} objective {optimum.Objective:0.###} bound {optimum.BestBound:0.###} gap {optimum.Gap:0.######} in {optimum.Elapsed.TotalSeconds:0.00} s; greedy {greedy.Objective:0.###} in {greedyTime.TotalSeconds:0.00} s"));
        return new Row(instance, model, optimum, greedy, greedyTime, goalSeconds, options.Objective == SitingObjective.MaximalCovering);
    }

    private static string Report(List<Row> rows, string[] args, string loadBefore)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Siting: optimal noodsteunpunten vs greedy ({DateTime.UtcNow:yyyy-MM-dd})");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Source revision: {SourceRevision.Describe(ResultsDirectory.BenchDirectory)}.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Command: `dotnet run -c Release --project bench/Weerbaar.Bench -- siting {string.Join(' ', args)}`. One run each (Stopwatch); the times include building the distance structure.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Load average (1, 5, 15 min) at the start: {loadBefore}; at the end: {MachineInfo.LoadAverage()}. Above 2, other processes shared the CPUs.");
        text.AppendLine();
        text.AppendLine("## Machine");
        text.AppendLine();
        text.Append(MachineInfo.Markdown());
        text.AppendLine();
        text.AppendLine("## Results");
        text.AppendLine();
        text.AppendLine("Distances are haversine × 1.3 (detour); covered = within 1,000 m. Gap = |bound − objective| / max(|objective|, 1e-9). "
            + "Covering objectives are residents; the p-median objective is Σ residents × metres. \"Optimum adds\" is the improvement over greedy "
            + "(more covered, or less distance / fewer sites). \"Floor\" is the greedy run (same distance structure, no solver): optimum seconds ÷ greedy seconds.");
        text.AppendLine();
        text.AppendLine("| instance | model | status | objective | bound | gap | seconds | goal | greedy objective | optimum adds | greedy seconds | ratio |");
        text.AppendLine("| --- | --- | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |");
        foreach (var r in rows)
        {
            var o = r.Optimum;
            var adds = r.Maximise ? o.Objective - r.Greedy.Objective : r.Greedy.Objective - o.Objective;
            var addsShare = adds / Math.Max(Math.Abs(r.Greedy.Objective), 1e-9);
            var met = o.Elapsed.TotalSeconds < r.GoalSeconds && (o.Status == SitingStatus.Optimal) ? "met" : "**not met**";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Instance} | {r.Model} | {o.Status} | {o.Objective:N0} | {o.BestBound:N0} | {o.Gap:0.0000 %} | {o.Elapsed.TotalSeconds:0.00} | < {r.GoalSeconds} s: {met} | {r.Greedy.Objective:N0} | {adds:N0} ({addsShare:0.00 %}) | {r.GreedyTime.TotalSeconds:0.000} | {o.Elapsed.TotalSeconds / Math.Max(r.GreedyTime.TotalSeconds, 1e-9):0} |");
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
