using System.Collections.Concurrent;
using System.Diagnostics;

namespace Weerbaar.Bench.Http;

/// <summary>
/// A closed loop: each of N clients sends a GET, reads the whole body, and sends the next one at once,
/// until the duration is over or the request cap is reached. Requests in flight at the deadline finish
/// and are counted.
/// </summary>
public sealed class LoadRunner(HttpClient client)
{
    private static readonly TimeSpan GraceAfterDeadline = TimeSpan.FromSeconds(60);

    public async Task<PhaseResult> RunAsync(Uri url, int clients, TimeSpan duration, int maxRequests)
    {
        var state = new RunState(maxRequests);
        using var hardStop = new CancellationTokenSource(duration + GraceAfterDeadline);
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var started = Stopwatch.StartNew();
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        var workers = Enumerable.Range(0, clients).Select(_ => Task.Run(() => ClientLoopAsync(url, deadline, state, hardStop.Token))).ToArray();
        var latencies = await Task.WhenAll(workers);
        started.Stop();
        process.Refresh();
        var cpuMs = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;

        var all = latencies.SelectMany(l => l).ToArray();
        return new PhaseResult(clients, all.Length, state.Errors, state.Exceptions, started.Elapsed, LatencyStats.From(all),
            Interlocked.Read(ref state.Bytes), cpuMs, allocated, GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2,
            state.StatusCodes.ToDictionary(kv => kv.Key, kv => kv.Value), MachineInfo.LoadAverage());
    }

    private async Task<List<long>> ClientLoopAsync(Uri url, long deadline, RunState state, CancellationToken ct)
    {
        var latencies = new List<long>(4096);
        var buffer = new byte[64 * 1024];
        while (Stopwatch.GetTimestamp() < deadline && state.TryTake() && !ct.IsCancellationRequested)
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
                await using var body = await response.Content.ReadAsStreamAsync(ct);
                long bytes = 0;
                int read;
                while ((read = await body.ReadAsync(buffer, ct)) > 0)
                {
                    bytes += read;
                }
                latencies.Add(Stopwatch.GetTimestamp() - start);
                Interlocked.Add(ref state.Bytes, bytes);
                state.StatusCodes.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref state.Errors);
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
            {
                latencies.Add(Stopwatch.GetTimestamp() - start);
                Interlocked.Increment(ref state.Errors);
                Interlocked.Increment(ref state.Exceptions);
            }
        }
        return latencies;
    }

    private sealed class RunState(int maxRequests)
    {
        private int _issued;
        public long Bytes;
        public int Errors;
        public int Exceptions;
        public readonly ConcurrentDictionary<int, int> StatusCodes = new();

        public bool TryTake() => Interlocked.Increment(ref _issued) <= maxRequests;
    }
}
