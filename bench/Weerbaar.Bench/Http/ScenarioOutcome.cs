namespace Weerbaar.Bench.Http;

/// <summary>Everything measured for one scenario.</summary>
public sealed record ScenarioOutcome(Scenario Scenario, int ProbeStatus, long ProbeBytes, bool ProbeOk, PhaseResult? Baseline, PhaseResult? Load)
{
    /// <summary>Sampled allocations by type during the single-client phase (with --alloc-profile).</summary>
    public IReadOnlyList<(string Type, double Share)> Allocations { get; init; } = [];

    public const double GoalP95Ms = 50;

    public bool GoalMet => Load is { Requests: > 0, Errors: 0 } l && l.Latency.P95 < GoalP95Ms;
}

/// <summary>The run as a whole, for the report.</summary>
public sealed record HttpRun(
    string Command, LoadOptions Options, DateTimeOffset StartedAt, string LoadAverageAtStart, TimeSpan StartupTime, string Revision, IReadOnlyList<ScenarioOutcome> Outcomes, string? Hey, string? HeyScenario);
