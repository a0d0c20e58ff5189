namespace Weerbaar.Web.Features.Programme;

public sealed record BudgetLineDto(int Year, decimal Amount);

public sealed record ProgrammeDto(
    string Gemeentecode, string Name, string? Regisseur, string? RegisseurDepartment, string? DigestEmail, string? Background, string? Goals,
    string? Risks, DateOnly StartDate, DateOnly? EndDate, int ReviewCycleMonths, double AvailableFte, IReadOnlyList<BudgetLineDto> Budget,
    int ActionCount, int Version, string? UpdatedBy, DateTimeOffset? UpdatedAt);

/// <param name="Version">The version that was read (0 when nothing was stored); without it the last save wins.</param>
public sealed record ProgrammeRequest(
    string? Name, string? Regisseur, string? RegisseurDepartment, string? DigestEmail, string? Background, string? Goals, string? Risks,
    DateOnly? StartDate, DateOnly? EndDate, int? ReviewCycleMonths, double? AvailableFte, List<BudgetLineDto>? Budget, int? Version);

public sealed record GapDto(string Kind, string Reference, string Description);

public sealed record RaciDto(string Role, string Party);

public sealed record DependencyDto(int PredecessorNumber, int LagDays);

public sealed record MilestoneDto(string Name, DateOnly Date, bool Reached);

/// <param name="EarliestStart">From the critical path: the first day it can start given its dependencies; null when the plan is refused.</param>
public sealed record ScheduleDto(DateOnly EarliestStart, DateOnly EarliestFinish, int TotalSlackDays, bool Critical);

public sealed record ProgrammeActionDto(
    int Number, string Label, string Title, string? Description, string Pillar, string Phase, string? MeasureCode, GapDto? Gap,
    string OwnerDepartment, string? OwnerPerson, bool OwnerIsSocialDomain, IReadOnlyList<RaciDto> Raci, IReadOnlyList<string> Partners,
    decimal OneOffBudget, decimal StructuralBudgetPerYear, double FtePerMonth, DateOnly StartDate, DateOnly Deadline,
    IReadOnlyList<DependencyDto> Dependencies, IReadOnlyList<MilestoneDto> Milestones, string Status, DateOnly? CompletedOn,
    ScheduleDto? Schedule, int Version, string UpdatedBy, DateTimeOffset UpdatedAt);

public sealed record ProgrammeActionListDto(string Gemeentecode, string? PlanningProblem, IReadOnlyList<ProgrammeActionDto> Actions);

/// <param name="Version">Required to change an action: the version that was read.</param>
public sealed record ProgrammeActionRequest(
    string? Title, string? Description, string? Pillar, string? Phase, string? MeasureCode, string? GapKind, string? GapReference,
    string? GapDescription, string? OwnerDepartment, string? OwnerPerson, bool? OwnerIsSocialDomain, List<RaciDto>? Raci, List<string>? Partners,
    decimal? OneOffBudget, decimal? StructuralBudgetPerYear, double? FtePerMonth, DateOnly? StartDate, DateOnly? Deadline,
    List<DependencyDto>? Dependencies, List<MilestoneDto>? Milestones, int? Version);

public sealed record MeasureDto(string Code, string Name, string Description, string Phase, string Pillar, string Topic,
    IReadOnlyList<string> Partners, string Effort, IReadOnlyList<string> Scenarios, IReadOnlyList<string> ScarceResources, string Source);

public sealed record ProposalGapDto(string Kind, string Reference, string Title, string Description, string Source,
    IReadOnlyList<MeasureDto> Measures, IReadOnlyList<string> AnsweredBy);

public sealed record ProposalsDto(string Gemeentecode, IReadOnlyList<ProposalGapDto> Gaps);
