using Weerbaar.Bench.Http;

namespace Weerbaar.Bench.Scan;

/// <summary>Page saves: 1 respondent alone, then N respondents at once.</summary>
public sealed record SaveOutcome(PhaseResult? Baseline, PhaseResult Load, PhaseResult? Paced, int Invitations, int ServerVersionMismatches, int TotalSaves)
{
    public IReadOnlyList<(string Type, double Share)> Allocations { get; init; } = [];

    public const double GoalP95Ms = 20;

    public bool GoalMet => Met(Load);

    public bool PacedGoalMet => Paced is { } p && Met(p);

    private bool Met(PhaseResult p) => p is { Requests: > 0, Errors: 0 } && p.Latency.P95 <= GoalP95Ms && ServerVersionMismatches == 0;
}

/// <summary>One fresh round: the three API calls, the e-mails they queued, and how long the outbox worker took to send them.</summary>
public sealed record RoundRep(string Variant, int Rep, TimeSpan Create, TimeSpan Invite, TimeSpan Open, TimeSpan Total, int Invitations, int EmailsQueued, TimeSpan? Drained)
{
    public const double GoalSeconds = 2;
}

/// <summary>One import into a fresh round.</summary>
public sealed record ImportRep(int Rep, TimeSpan Elapsed, int Imported, long WorkingSetBefore, long PeakRss, bool PeakRssExact, long PeakManagedHeap, double CpuMs, long AllocatedBytes)
{
    public const double GoalSeconds = 5;
}

/// <summary>One results GET on a round with one imported response per gemeente: 1 client, then 10, in a closed loop.</summary>
public sealed record ResultsScenario(string Name, string Path, long ProbeBytes, PhaseResult One, PhaseResult Ten);

/// <summary>The run as a whole, for the report.</summary>
public sealed record ScanRun(string Command, ScanOptions Options, DateTimeOffset StartedAt, string LoadAverageAtStart, TimeSpan StartupTime, string Revision, string Database)
{
    public SaveOutcome? Save { get; set; }
    public IReadOnlyList<RoundRep> Rounds { get; set; } = [];
    public IReadOnlyList<ImportRep> Imports { get; set; } = [];
    public long ImportFileBytes { get; set; }
    public int Gemeenten { get; set; }
    public string LoadAverageAfterSave { get; set; } = "";
    public string LoadAverageAfterRounds { get; set; } = "";
    public string LoadAverageAfterImports { get; set; } = "";
    public IReadOnlyList<ResultsScenario> Results { get; set; } = [];
    public int ResultsResponses { get; set; }
    public string LoadAverageAfterResults { get; set; } = "";
    public double? OthersCpuRounds { get; set; }
    public double? OthersCpuImports { get; set; }
}
