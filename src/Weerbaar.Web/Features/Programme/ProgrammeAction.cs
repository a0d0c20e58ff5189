using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.Programme;

/// <summary>One action of a gemeente's programme: what, which gap it answers, who, with whom, what it costs, when, after what.</summary>
public sealed class ProgrammeAction : ITenantOwned
{
    public const int MaxTitle = 300;
    public const int MaxText = 8000;
    public const int MaxName = 200;

    public Guid Id { get; set; }
    public required string GemeenteCode { get; set; }
    /// <summary>1, 2, … per gemeente, shown as "A-1": one more than the highest existing number.</summary>
    public int Number { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    /// <summary>Pillar code (EC, CO, VV, SW, ZR, SO) of the measures catalogue.</summary>
    public required string Pillar { get; set; }
    /// <summary>Phase code of the measures catalogue (koude-fase, eerste-72-uur, nafase).</summary>
    public required string Phase { get; set; }
    /// <summary>The catalogue measure this action adopts or adapts; null for an own action.</summary>
    public string? MeasureCode { get; set; }
    /// <summary>The kind of gap it answers (<see cref="GapKinds"/>); null when none was named.</summary>
    public string? GapKind { get; set; }
    /// <summary>What identifies the gap within its kind: a pillar code, a scenario code, a buurt code, a decision number.</summary>
    public string? GapReference { get; set; }
    /// <summary>The gap in one Dutch sentence, as it was when the action was proposed.</summary>
    public string? GapDescription { get; set; }
    public required string OwnerDepartment { get; set; }
    public string? OwnerPerson { get; set; }
    /// <summary>The owner is in the sociaal domein (shown, because the national report asks to involve it).</summary>
    public bool OwnerIsSocialDomain { get; set; }
    public List<RaciEntry> Raci { get; set; } = [];
    /// <summary>Partner codes of the measures catalogue or own names.</summary>
    public List<string> Partners { get; set; } = [];
    public decimal OneOffBudget { get; set; }
    public decimal StructuralBudgetPerYear { get; set; }
    /// <summary>Staff the action takes while it runs, in FTE per month.</summary>
    public double FtePerMonth { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly Deadline { get; set; }
    /// <summary>Finish-to-start: this action starts after these actions are done.</summary>
    public List<ActionDependency> Dependencies { get; set; } = [];
    public List<ActionMilestone> Milestones { get; set; } = [];
    /// <summary>A code from <see cref="ActionStatus"/>.</summary>
    public string Status { get; set; } = ActionStatus.NotStarted;
    /// <summary>The day it was reported done; null while not done.</summary>
    public DateOnly? CompletedOn { get; set; }
    public int Version { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public string Label => $"A-{Number}";
}

/// <summary>R (responsible), A (accountable), C (consulted) or I (informed), and who.</summary>
public sealed record RaciEntry(string Role, string Party);

/// <summary>The action waits for <paramref name="PredecessorNumber"/> to finish, plus <paramref name="LagDays"/> days.</summary>
public sealed record ActionDependency(int PredecessorNumber, int LagDays = 0);

public sealed record ActionMilestone(string Name, DateOnly Date, bool Reached = false);

public static class ActionStatus
{
    public const string NotStarted = "niet-gestart";
    public const string Running = "loopt";
    public const string Delayed = "vertraagd";
    public const string Done = "afgerond";
    public const string Stopped = "gestopt";

    public static readonly IReadOnlyList<string> All = [NotStarted, Running, Delayed, Done, Stopped];

    public static string Label(string status) => status switch
    {
        NotStarted => "Niet gestart",
        Running => "Loopt",
        Delayed => "Vertraagd",
        Done => "Afgerond",
        Stopped => "Gestopt",
        _ => status,
    };

    /// <summary>Done or stopped: no longer counts for overdue deadlines.</summary>
    public static bool IsClosed(string status) => status is Done or Stopped;
}

/// <summary>The gaps Weerbaar knows, that an action can answer.</summary>
public static class GapKinds
{
    /// <summary>A pillar scored low in the scan but ranked high in priority.</summary>
    public const string ScanPillar = "scan-pijler";
    /// <summary>A vulnerability in the foto (buurten with many vulnerable residents, vulnerable locations).</summary>
    public const string Foto = "foto";
    /// <summary>The scenario chosen in the afwegingskader's latest decision record.</summary>
    public const string Scenario = "scenario";
    /// <summary>Residents not 72 hours self-reliant outside the reach of a noodsteunpunt.</summary>
    public const string Coverage = "dekking";

    public static readonly IReadOnlyList<string> All = [ScanPillar, Foto, Scenario, Coverage];

    public static string Label(string kind) => kind switch
    {
        ScanPillar => "Scan: lage score, hoge prioriteit",
        Foto => "Foto: kwetsbaarheid",
        Scenario => "Afwegingskader: gekozen scenario",
        Coverage => "Noodsteunpunten: dekking",
        _ => kind,
    };
}
