using System.Text;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Weerbaar.Bench.Micro;

/// <summary>
/// The <c>micro</c> command: BenchmarkDotNet with a short job, in-process (no generated project is built, so
/// nothing is written next to the sources of the other projects), and its Markdown summary copied to bench/results.
/// </summary>
public static class MicroCommand
{
    public static int Run(string[] args)
    {
        var (name, bdnArgs) = TakeName(args);
        if (!bdnArgs.Any(a => a is "--filter" or "-f" or "--list" or "--help" or "-h" or "--version" or "--info"))
        {
            bdnArgs = [.. bdnArgs, "--filter", "*"];
        }
        var artifacts = Path.Combine(Path.GetTempPath(), "weerbaar-bench-bdn");
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithArtifactsPath(artifacts);
        var started = DateTime.Now;
        var loadAtStart = MachineInfo.LoadAverage();
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(MicroCommand).Assembly).Run(bdnArgs, config).ToList();
        if (summaries.Count == 0)
        {
            return 0;
        }

        var markdown = summaries
            .Select(s => s.ResultsDirectoryPath)
            .Distinct()
            .Where(Directory.Exists)
            .SelectMany(d => Directory.GetFiles(d, "*-report-github.md"))
            .Where(f => File.GetLastWriteTime(f) >= started)
            .Order()
            .ToList();
        var report = new StringBuilder();
        report.AppendLine($"# Micro benchmarks: {name} ({started:yyyy-MM-dd})");
        report.AppendLine();
        report.AppendLine($"Source revision: {SourceRevision.Describe(ResultsDirectory.BenchDirectory)}.");
        report.AppendLine();
        report.AppendLine($"Command: `{$"dotnet run -c Release --project bench/Weerbaar.Bench -- micro {string.Join(' ', args)}".TrimEnd()}`; " +
                          "BenchmarkDotNet ShortRun job (3 warm-up + 3 measured iterations, 1 launch), in-process toolchain, MemoryDiagnoser.");
        report.AppendLine();
        report.AppendLine($"Load average (1, 5, 15 min) at the start: {loadAtStart}; at the end: {MachineInfo.LoadAverage()}. " +
                          $"Above {Environment.ProcessorCount}, other processes shared the CPUs: compare Median and Error before trusting a Mean.");
        report.AppendLine();
        report.AppendLine("## Machine");
        report.AppendLine();
        report.Append(MachineInfo.Markdown());
        report.AppendLine();
        report.AppendLine("## Summaries (BenchmarkDotNet)");
        report.AppendLine();
        foreach (var file in markdown)
        {
            report.AppendLine($"### {Path.GetFileName(file).Replace("-report-github.md", "", StringComparison.Ordinal)}");
            report.AppendLine();
            report.AppendLine(File.ReadAllText(file).Trim());
            report.AppendLine();
        }
        var directory = ResultsDirectory.Resolve(null);
        Directory.CreateDirectory(directory);
        var target = Path.Combine(directory, ResultsDirectory.FileName("micro", name));
        File.WriteAllText(target, report.ToString());
        Console.WriteLine($"Report: {target}");
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }

    private static (string Name, string[] Remaining) TakeName(string[] args)
    {
        var i = Array.IndexOf(args, "--name");
        return i >= 0 && i + 1 < args.Length
            ? (args[i + 1], args.Take(i).Concat(args.Skip(i + 2)).ToArray())
            : ("gemeenten", args);
    }
}
