using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Weerbaar.Bench.Http;

/// <summary>
/// A sampling allocation profile from the runtime's own events: GCAllocationTick fires about every 100 KB
/// allocated and names the type of the object that crossed the line. No external tool needed.
/// </summary>
public sealed class AllocationSampler : EventListener
{
    private const int GcKeyword = 0x1;
    private readonly ConcurrentDictionary<string, long> _bytesByType = new();
    private volatile bool _recording;

    public void Start()
    {
        _bytesByType.Clear();
        _recording = true;
    }

    /// <returns>The sampled types with their share of the sampled bytes, largest first.</returns>
    public IReadOnlyList<(string Type, double Share)> Stop(int top)
    {
        _recording = false;
        var total = _bytesByType.Values.Sum();
        return total == 0
            ? []
            : _bytesByType.OrderByDescending(kv => kv.Value).Take(top).Select(kv => (kv.Key, kv.Value / (double)total)).ToList();
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_recording || eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.Payload is null)
        {
            return;
        }
        var type = Field(eventData, "TypeName") as string ?? "?";
        var amount = Field(eventData, "AllocationAmount64") is ulong big ? (long)big : Convert.ToInt64(Field(eventData, "AllocationAmount") ?? 0, System.Globalization.CultureInfo.InvariantCulture);
        var heap = Field(eventData, "AllocationKind") is uint kind && kind == 1 ? " (LOH)" : "";
        _bytesByType.AddOrUpdate(type + heap, amount, (_, n) => n + amount);
    }

    private static object? Field(EventWrittenEventArgs e, string name)
    {
        var i = e.PayloadNames?.IndexOf(name) ?? -1;
        return i >= 0 ? e.Payload![i] : null;
    }
}
