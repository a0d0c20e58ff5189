using System.Text.Json;

namespace Weerbaar.Web.Features.Afweging;

/// <summary>
/// What a decision rested on, as it was when the decision was recorded: the version of every input and enough of its
/// content to read the decision back years later. Stored as <see cref="DecisionRecord.InputsJson"/>; a reader checks
/// <see cref="SchemaVersion"/> before it relies on a field added later.
/// </summary>
/// <param name="Ranking">The priority ranking the college saw; null when the caller did not pass one ("niet vastgelegd").</param>
/// <param name="CorrectionReason">Why this record corrects an earlier one; kept here because the record has no column for it.</param>
public sealed record DecisionInputs(
    int SchemaVersion,
    DateTimeOffset TakenAt,
    LibraryInput Library,
    IReadOnlyList<OwnScenarioInput> OwnScenarios,
    string RiskMethodVersion,
    IReadOnlyList<AssessmentInput> Assessments,
    WeightsInput? Weights,
    AllocationInput? Allocation,
    ScanRoundInput? Scan,
    CoverageNormsInput CoverageNorms,
    NoodsteunpuntenInput Noodsteunpunten,
    IReadOnlyList<RankingEntry>? Ranking,
    string? CorrectionReason)
{
    public const int CurrentSchemaVersion = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web) { WriteIndented = false };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static DecisionInputs FromJson(string json)
        => JsonSerializer.Deserialize<DecisionInputs>(json, Json) ?? throw new InvalidOperationException("De vastgelegde invoer van het besluit is leeg.");
}

/// <summary>The national scenario library the choice was made from.</summary>
public sealed record LibraryInput(string Id, int Version, string Title);

public sealed record OwnScenarioInput(string Code, string Name, int Version, DateTimeOffset UpdatedAt, string UpdatedBy);

/// <summary>One risk assessment of the gemeente, as typed, with the method version it was given on.</summary>
public sealed record AssessmentInput(
    string ScenarioCode, string ScenarioName, string MethodVersion, string? Likelihood, IReadOnlyDictionary<string, string> Impacts,
    int? OwnPreparedness, int Version, DateTimeOffset UpdatedAt, string UpdatedBy);

/// <summary>The gemeente's priority weights; null in the snapshot when it had none (the defaults held).</summary>
public sealed record WeightsInput(int Version, DateTimeOffset UpdatedAt, string UpdatedBy, string WeightsJson, string? PairwiseJson);

/// <summary>The allocation plan; null in the snapshot when the gemeente had none (the defaults held).</summary>
public sealed record AllocationInput(int Version, DateTimeOffset UpdatedAt, string UpdatedBy);

/// <summary>The scan round the foto takes the gemeente's results from (its newest round with a submitted response).</summary>
public sealed record ScanRoundInput(Guid RoundId, string Name, DateOnly OpensOn, DateTimeOffset? ResultsChangedAt);

/// <summary>The coverage norms; version 0 means the national defaults.</summary>
public sealed record CoverageNormsInput(int Version, DateTimeOffset? UpdatedAt, double NormDistanceMeters, double DetourFactor, int ResidentsPerPoint);

public sealed record NoodsteunpuntenInput(int Count, DateTimeOffset? LastChangedAt);

/// <summary>One scenario's place in the priority ranking (1 = first); filled by the ranking's caller, not by the snapshot.</summary>
public sealed record RankingEntry(string Code, string Name, int Position, double Score);
