using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;

namespace Weerbaar.Bench;

/// <summary>What the numbers were measured on: a result without its machine means nothing.</summary>
public static class MachineInfo
{
    public static string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| what | value |");
        text.AppendLine("| --- | --- |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| logical cores (nproc) | {Environment.ProcessorCount} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| CPU | {CpuModel()} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| memory | {MemoryGiB()} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| OS | {OsName()}, kernel {Kernel()}, {RuntimeInformation.OSArchitecture} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| .NET | {RuntimeInformation.FrameworkDescription} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| GC | {(GCSettings.IsServerGC ? "Server" : "Workstation")}, {GCSettings.LatencyMode} |");
        return text.ToString();
    }

    /// <summary>The 1, 5 and 15 minute load averages: above the core count, other work shared the CPUs.</summary>
    public static string LoadAverage()
        => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>CPU time (ms) that all processes together used since boot, from /proc/stat (busy = not idle, not iowait); null elsewhere.</summary>
    public static double? MachineBusyMs()
    {
        if (!File.Exists("/proc/stat"))
        {
            return null;
        }
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal …, in USER_HZ (100 per second on Linux)
        var total = fields.Take(8).Sum();
        return (total - fields[3] - fields[4]) * 10.0;
    }

    /// <summary>
    /// The share of all cores that other processes used while this one ran: machine busy time minus this process's CPU time,
    /// as a percentage of elapsed time × cores. Read it next to the load average: it says how much the others took.
    /// </summary>
    public static double? OthersCpuPercent(double? machineBusyMsBefore, double ownCpuMs, TimeSpan elapsed)
        => machineBusyMsBefore is { } before && MachineBusyMs() is { } after && elapsed > TimeSpan.Zero
            ? Math.Max(0, (after - before - ownCpuMs) / (elapsed.TotalMilliseconds * Environment.ProcessorCount) * 100)
            : null;

    private static string CpuModel() => FirstValue("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();

    private static string MemoryGiB()
    {
        var kb = FirstValue("/proc/meminfo", "MemTotal")?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return long.TryParse(kb, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? string.Create(CultureInfo.InvariantCulture, $"{v / 1024.0 / 1024.0:F1} GiB")
            : "unknown";
    }

    private static string OsName()
        => FirstValue("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') ?? RuntimeInformation.OSDescription;

    private static string Kernel()
        => File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : Environment.OSVersion.VersionString;

    private static string? FirstValue(string file, string key, char separator = ':')
    {
        if (!File.Exists(file))
        {
            return null;
        }
        foreach (var line in File.ReadLines(file))
        {
            var i = line.IndexOf(separator, StringComparison.Ordinal);
            if (i > 0 && line[..i].Trim() == key)
            {
                return line[(i + 1)..].Trim();
            }
        }
        return null;
    }
}
