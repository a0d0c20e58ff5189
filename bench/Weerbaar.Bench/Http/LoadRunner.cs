using System.Collections.Concurrent;
using System.Diagnostics;

namespace Weerbaar.Bench.Http;

/// <summary>What one request of a client produced: the status code and the number of body bytes read.</summary>
/// <param name="Ok">Whether the step counts as a success, when a 2xx is not the measure (a form post answers a redirect).</param>
public readonly record struct StepResult(int Status, long Bytes, bool? Ok = null)
{
    public bool Success => Ok ?? Status is >= 200 and < 300;
}

/// <summary>One request of one client (send, read the whole answer); a client may keep state between its steps.</summary>
public delegate Task<StepResult> ClientStep(CancellationToken ct);

/// <summary>
/// A closed loop: each of N clients sends a request, reads the whole body, and sends the next one at once,
/// until the duration is over or the request cap is reached. Requests in flight at the deadline finish
/// and are counted.
/// </summary>
public sealed class LoadRunner(HttpClient client)
{
    private static readonly TimeSpan GraceAfterDeadline = TimeSpan.FromSeconds(60);

    /// <summary>Every client repeats a GET of <paramref name="url"/>.</summary>
    public Task<PhaseResult> RunAsync(Uri url, int clients, TimeSpan duration, int maxRequests)
        => RunAsync(_ => GetStep(url), clients, duration, maxRequests);

    /// <summary>Client i repeats the step that <paramref name="stepOfClient"/>(i) returns.</summary>
    /// <param name="pause">Think time of a client after each answer (not part of the latency); the clients start
    /// spread over one pause, so they do not send in step.</param>
    public static async Task<PhaseResult> RunAsync(Func<int, ClientStep> stepOfClient, int clients, TimeSpan duration, int maxRequests, TimeSpan pause = default)
    {
        var state = new RunState(maxRequests);
        using var hardStop = new CancellationTokenSource(duration + GraceAfterDeadline);
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var machineBefore = MachineInfo.MachineBusyMs();
        var started = Stopwatch.StartNew();
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        var workers = Enumerable.Range(0, clients)
            .Select(i => stepOfClient(i))
            .Select((step, i) => Task.Run(() => ClientLoopAsync(step, deadline, state, pause, pause * i / clients, hardStop.Token)))
            .ToArray();
        var latencies = await Task.WhenAll(workers);
        started.Stop();
        process.Refresh();
        var cpuMs = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;

        var all = latencies.SelectMany(l => l).ToArray();
        return new PhaseResult(clients, all.Length, state.Errors, state.Exceptions, started.Elapsed, LatencyStats.From(all),
            Interlocked.Read(ref state.Bytes), cpuMs, allocated, GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2,
            state.StatusCodes.ToDictionary(kv => kv.Key, kv => kv.Value), MachineInfo.LoadAverage())
        {
            OthersCpuPercent = MachineInfo.OthersCpuPercent(machineBefore, cpuMs, started.Elapsed),
        };
    }

    private ClientStep GetStep(Uri url)
    {
        var buffer = new byte[64 * 1024];
        return async ct =>
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            long bytes = 0;
            int read;
            while ((read = await body.ReadAsync(buffer, ct)) > 0)
            {
                bytes += read;
            }
            return new StepResult((int)response.StatusCode, bytes);
        };
    }

    private static async Task<List<long>> ClientLoopAsync(ClientStep step, long deadline, RunState state, TimeSpan pause, TimeSpan offset, CancellationToken ct)
    {
        var latencies = new List<long>(4096);
        if (offset > TimeSpan.Zero)
        {
            await Task.Delay(offset, ct);
        }
        while (Stopwatch.GetTimestamp() < deadline && state.TryTake() && !ct.IsCancellationRequested)
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                var result = await step(ct);
                latencies.Add(Stopwatch.GetTimestamp() - start);
                Interlocked.Add(ref state.Bytes, result.Bytes);
                state.StatusCodes.AddOrUpdate(result.Status, 1, (_, n) => n + 1);
                if (!result.Success)
                {
                    Interlocked.Increment(ref state.Errors);
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException or System.Text.Json.JsonException)
            {
                latencies.Add(Stopwatch.GetTimestamp() - start);
                Interlocked.Increment(ref state.Errors);
                Interlocked.Increment(ref state.Exceptions);
            }
            if (pause > TimeSpan.Zero)
            {
                if (Stopwatch.GetTimestamp() + (long)(pause.TotalSeconds * Stopwatch.Frequency) >= deadline)
                {
                    break;
                }
                await Task.Delay(pause, ct);
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
