using System.Diagnostics;

namespace Weerbaar.Bench.Http;

/// <summary>
/// Exact latency statistics: every latency is kept and sorted (no buckets), so percentiles are the
/// nearest-rank values of the recorded requests.
/// </summary>
public sealed record LatencyStats(int Count, double Mean, double P50, double P90, double P95, double P99, double Max)
{
    public static readonly LatencyStats Empty = new(0, 0, 0, 0, 0, 0, 0);

    /// <param name="ticks">Latencies in <see cref="Stopwatch"/> ticks; sorted in place.</param>
    public static LatencyStats From(long[] ticks)
    {
        if (ticks.Length == 0)
        {
            return Empty;
        }
        Array.Sort(ticks);
        return new LatencyStats(ticks.Length, Ms(ticks.Average()), Ms(Rank(ticks, 50)), Ms(Rank(ticks, 90)),
            Ms(Rank(ticks, 95)), Ms(Rank(ticks, 99)), Ms(ticks[^1]));
    }

    private static long Rank(long[] sorted, double percentile)
        => sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double Ms(double ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}

/// <summary>The outcome of one phase (baseline or load) of one scenario.</summary>
public sealed record PhaseResult(
    int Clients, int Requests, int Errors, int Exceptions, TimeSpan Elapsed, LatencyStats Latency,
    long BytesReceived, double CpuMs, long AllocatedBytes, int Gen0, int Gen1, int Gen2, IReadOnlyDictionary<int, int> StatusCodes, string LoadAverage)
{
    public double RequestsPerSecond => Elapsed.TotalSeconds > 0 ? Requests / Elapsed.TotalSeconds : 0;
    /// <summary>Process CPU time as a share of all cores.</summary>
    public double CpuPercent => Elapsed.TotalMilliseconds > 0 ? CpuMs / Elapsed.TotalMilliseconds / Environment.ProcessorCount * 100 : 0;
    /// <summary>Process CPU time per request: less sensitive to other load on the machine than the latencies.</summary>
    public double CpuMsPerRequest => Requests > 0 ? CpuMs / Requests : 0;
    public double AllocatedKiBPerRequest => Requests > 0 ? AllocatedBytes / 1024.0 / Requests : 0;
    public bool StoppedByCap(int maxRequests) => Requests >= maxRequests;
    /// <summary>Share of all cores used by other processes during the phase (see <see cref="MachineInfo.OthersCpuPercent"/>).</summary>
    public double? OthersCpuPercent { get; init; }
}
