using System.Diagnostics;
using System.Globalization;
using System.Text;
using Weerbaar.Analysis.Decision;

namespace Weerbaar.Bench.Decision;

/// <summary>
/// <c>smaa</c>: SMAA rank acceptability for 15 scenarios × 10 criteria, every value and weight an interval, 100,000 samples
/// (goal &lt; 200 ms), against two floors on the same input: drawing the same random numbers only, and drawing plus scoring
/// without ranking. Writes bench/results/&lt;date&gt;-smaa.md.
/// </summary>
public static class SmaaCommand
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    private const int Alternatives = 15;
    private const int Criteria = 10;
    private const int Samples = 100_000;
    private const double GoalMs = 200;

    public static int Run(string[] args)
    {
        var runs = int.TryParse(Option(args, "--runs"), C, out var r) ? r : 9;
        var outDir = ResultsDirectory.Resolve(Option(args, "--out"));
        var load = MachineInfo.LoadAverage();
        var input = Instance();
        var uniforms = Alternatives * Criteria + Criteria;

        // Warm-up: JIT (tiered up to the optimised code) and caches.
        for (var i = 0; i < 3; i++)
        {
            Smaa.Run(input);
            RandomOnly(Samples, uniforms);
            ScoresOnly(input, Samples);
        }

        var smaa = Median(runs, () => Smaa.Run(input));
        var central = Median(runs, () => Smaa.Run(input with { CentralWeights = true }));
        var randomOnly = Median(runs, () => RandomOnly(Samples, uniforms));
        var scoresOnly = Median(runs, () => ScoresOnly(input, Samples));
        var bytesSmall = Allocated(() => Smaa.Run(input with { Samples = 1_000 }));
        var bytesLarge = Allocated(() => Smaa.Run(input));
        var result = Smaa.Run(input);

        var rows = new (string What, double Ms)[]
        {
            ("SMAA rank acceptability", smaa),
            ("SMAA with central weights", central),
            ("floor: random numbers only", randomOnly),
            ("floor: random numbers + scores, no ranking", scoresOnly),
        };
        foreach (var (what, ms) in rows)
        {
            Console.WriteLine(string.Create(C, $"{what}: {ms:0.0} ms"));
        }
        Console.WriteLine(string.Create(C, $"allocated: {bytesSmall:N0} B at 1,000 samples, {bytesLarge:N0} B at 100,000"));

        var text = new StringBuilder();
        text.AppendLine(C, $"# SMAA: 100,000 samples, 15 scenarios × 10 criteria ({DateTime.UtcNow:yyyy-MM-dd})");
        text.AppendLine();
        text.AppendLine(C, $"Source revision: {SourceRevision.Describe(ResultsDirectory.BenchDirectory)}.");
        text.AppendLine();
        text.AppendLine(C, $"Command: `dotnet run -c Release --project bench/Weerbaar.Bench -- {string.Join(' ', ["smaa", .. args])}`. Three warm-up rounds, then the median of {runs} runs each (Stopwatch), single thread.");
        text.AppendLine();
        text.AppendLine(C, $"Load average (1, 5, 15 min) at the start: {load}; at the end: {MachineInfo.LoadAverage()}. Above 2, other processes shared the CPUs.");
        text.AppendLine();
        text.AppendLine("## Machine");
        text.AppendLine();
        text.Append(MachineInfo.Markdown());
        text.AppendLine();
        text.AppendLine("## Results");
        text.AppendLine();
        text.Append(string.Create(C, $"Instance: {Alternatives} scenarios × {Criteria} criteria, every value an interval of width 1 on a 1–5 class scale, every weight ±30 % around an uneven base (seed 2026); {Samples:N0} samples, so {Samples * (long)uniforms:N0} uniform draws (xoshiro256**). "));
        text.AppendLine("Floors run the same number of draws from the same generator; \"ratio\" is the time ÷ the random-numbers-only floor.");
        text.AppendLine();
        text.AppendLine("| what | median ms | per sample (ns) | ratio to random-only floor | goal |");
        text.AppendLine("| --- | ---: | ---: | ---: | --- |");
        foreach (var (what, ms) in rows)
        {
            var goal = what.StartsWith("SMAA", StringComparison.Ordinal) ? (ms < GoalMs ? $"< {GoalMs} ms: met" : $"< {GoalMs} ms: **not met**") : "";
            text.AppendLine(C, $"| {what} | {ms:0.0} | {ms * 1e6 / Samples:0} | {ms / randomOnly:0.00} | {goal} |");
        }
        text.AppendLine();
        text.AppendLine(C, $"Allocated per run (GC.GetAllocatedBytesForCurrentThread): {bytesSmall:N0} B at 1,000 samples and {bytesLarge:N0} B at 100,000: the same, so the sampling loop allocates nothing; the bytes are the input copy and the result.");
        text.AppendLine();
        text.AppendLine(C, $"First-rank acceptability of the 15 scenarios: {string.Join(", ", result.RankAcceptability.Select(row => row[0].ToString("0.000", C)))}.");

        var path = Path.Combine(outDir, $"{DateTime.UtcNow:yyyy-MM-dd}-smaa.md");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(path, text.ToString());
        Console.WriteLine($"Wrote {path}");
        return 0;
    }

    private static SmaaInput Instance()
    {
        var random = new Random(2026);
        var alternatives = Enumerable.Range(0, Alternatives).Select(a => new SmaaAlternative($"scenario {a + 1}",
            [.. Enumerable.Range(0, Criteria).Select(_ =>
            {
                var low = 1 + random.Next(4);
                return new Interval(low, low + 1);
            })])).ToArray();
        var weights = Enumerable.Range(0, Criteria).Select(c => 1.0 + c % 4).Select(w => new Interval(0.7 * w, 1.3 * w)).ToArray();
        return new SmaaInput(alternatives, weights, Samples, Seed: 2026);
    }

    private static double RandomOnly(int samples, int perSample)
    {
        var random = new Xoshiro256(2026);
        var sum = 0.0;
        for (long i = 0, count = (long)samples * perSample; i < count; i++)
        {
            sum += random.NextDouble();
        }
        return sum;
    }

    /// <summary>Draws and scores like <see cref="Smaa"/> but does not rank: what ranking adds is the difference.</summary>
    private static double ScoresOnly(SmaaInput input, int samples)
    {
        var m = input.Alternatives.Count;
        var n = input.Weights!.Count;
        var low = input.Alternatives.SelectMany(a => a.Values.Select(v => v.Low)).ToArray();
        var width = input.Alternatives.SelectMany(a => a.Values.Select(v => v.Width)).ToArray();
        var wLow = input.Weights.Select(w => w.Low).ToArray();
        var wWidth = input.Weights.Select(w => w.Width).ToArray();
        var w = new double[n];
        var random = new Xoshiro256(2026);
        var check = 0.0;
        for (var s = 0; s < samples; s++)
        {
            var sum = 0.0;
            for (var c = 0; c < n; c++)
            {
                w[c] = wLow[c] + wWidth[c] * random.NextDouble();
                sum += w[c];
            }
            for (var a = 0; a < m; a++)
            {
                var score = 0.0;
                for (var c = 0; c < n; c++)
                {
                    score += w[c] / sum * (low[a * n + c] + width[a * n + c] * random.NextDouble());
                }
                check += score;
            }
        }
        return check;
    }

    private static double Median(int runs, Func<object> work)
    {
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            GC.KeepAlive(work());
            times[i] = clock.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return times[runs / 2];
    }

    private static long Allocated(Func<object> work)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(work());
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
