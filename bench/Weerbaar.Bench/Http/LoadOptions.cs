using System.Globalization;

namespace Weerbaar.Bench.Http;

/// <summary>Command-line options of the HTTP runner. Every run is bounded in time and in request count.</summary>
public sealed record LoadOptions
{
    public int Clients { get; init; } = 50;
    public int Seconds { get; init; } = 20;
    public int WarmupSeconds { get; init; } = 5;
    /// <summary>Hard cap per scenario and phase, whatever the duration.</summary>
    public int MaxRequests { get; init; } = 200_000;
    /// <summary>One client on its own: the service time of a request without queueing. 0 turns it off.</summary>
    public int BaselineSeconds { get; init; } = 3;
    public IReadOnlyList<string> Scenarios { get; init; } = [];
    public bool Hey { get; init; }
    /// <summary>Sample allocations by type (runtime GCAllocationTick events) during the single-client phase.</summary>
    public bool AllocationProfile { get; init; }
    public int HeySeconds { get; init; } = 10;
    public string Name { get; init; } = "";
    public string? OutputDirectory { get; init; }

    public string Description => Name.Length > 0 ? Name : $"gemeenten-c{Clients}";

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LoadOptions();
        var scenarios = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Positive() => int.TryParse(Next(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 0
                ? v
                : throw new ArgumentException($"{args[i]} needs a non-negative whole number.");
            options = args[i] switch
            {
                "--clients" => options with { Clients = Math.Max(1, Positive()) },
                "--seconds" => options with { Seconds = Math.Max(1, Positive()) },
                "--warmup" => options with { WarmupSeconds = Positive() },
                "--max-requests" => options with { MaxRequests = Math.Max(1, Positive()) },
                "--baseline-seconds" => options with { BaselineSeconds = Positive() },
                "--hey" => options with { Hey = true },
                "--alloc-profile" => options with { AllocationProfile = true },
                "--hey-seconds" => options with { HeySeconds = Math.Max(1, Positive()) },
                "--name" => options with { Name = Next() },
                "--out" => options with { OutputDirectory = Next() },
                "--scenario" => AddScenario(options, scenarios, Next()),
                _ => throw new ArgumentException($"Unknown option '{args[i]}'."),
            };
        }
        // Bounds for a shared 2-core machine: at most 10 minutes per phase and 1000 clients.
        return options with
        {
            Clients = Math.Min(options.Clients, 1000),
            Seconds = Math.Min(options.Seconds, 600),
            WarmupSeconds = Math.Min(options.WarmupSeconds, 600),
            BaselineSeconds = Math.Min(options.BaselineSeconds, 600),
            HeySeconds = Math.Min(options.HeySeconds, 600),
            Scenarios = scenarios,
        };
    }

    private static LoadOptions AddScenario(LoadOptions options, List<string> scenarios, string name)
    {
        scenarios.Add(name);
        return options;
    }
}
