using Weerbaar.Bench.Http;

namespace Weerbaar.Bench.Saves;

/// <summary>
/// One measurement: one way of saving with N clients, the floor before and after the app (so the machine's noise hits
/// both). The floor a run is compared with is the mean of its two floor runs.
/// </summary>
public sealed record SavesCase(SaveKind Kind, int Clients, PhaseResult FloorBefore, PhaseResult App, PhaseResult FloorAfter)
{
    public const double MaxP95Ratio = 1.5;
    public const double MinThroughputRatio = 0.5;

    public double FloorP95 => (FloorBefore.Latency.P95 + FloorAfter.Latency.P95) / 2;

    public double FloorSavesPerSecond => (FloorBefore.RequestsPerSecond + FloorAfter.RequestsPerSecond) / 2;

    public double P95Ratio => FloorP95 > 0 ? App.Latency.P95 / FloorP95 : double.PositiveInfinity;

    public double ThroughputRatio => FloorSavesPerSecond > 0 ? App.RequestsPerSecond / FloorSavesPerSecond : 0;

    public bool GoalMet => App is { Requests: > 0, Errors: 0 } && P95Ratio <= MaxP95Ratio && ThroughputRatio >= MinThroughputRatio;
}

/// <summary>The check after the load: does every target hold exactly what it acknowledged last?</summary>
public sealed record StoredCheck(int Respondents, int AppAnswersDiffer, int AppVersionDiffer, int AppReturnedVersionDiffer, int FloorAnswersDiffer, int FloorVersionDiffer,
    int AppAcknowledged, int FloorAcknowledged, IReadOnlyList<string> Examples)
{
    public bool Clean => AppAnswersDiffer + AppVersionDiffer + AppReturnedVersionDiffer + FloorAnswersDiffer + FloorVersionDiffer == 0;
}

/// <summary>The run as a whole, for the report.</summary>
public sealed record SavesRun(string Command, SavesOptions Options, DateTimeOffset StartedAt, string LoadAverageAtStart, TimeSpan StartupTime, string Revision,
    string AppDatabase, string FloorDatabase, int Invitations)
{
    public List<SavesCase> Cases { get; } = [];
    public StoredCheck? Check { get; set; }
    public string LoadAverageAtEnd { get; set; } = "";
    public string FormFields { get; set; } = "";
    /// <summary>wrk runs per number of connections: floor, app, floor again.</summary>
    public List<WrkResult> Wrk { get; } = [];
    public int WrkTokens { get; set; }
    /// <summary>With the group-commit floor: transactions committed and saves in them (before the wrk runs).</summary>
    public (long Batches, long Saves)? FloorBatches { get; set; }
}
