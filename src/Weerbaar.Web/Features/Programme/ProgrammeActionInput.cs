namespace Weerbaar.Web.Features.Programme;

/// <summary>
/// An action as typed in the form or sent to the API. Numbers and dates as text, so "abc" gets a Dutch message;
/// lists already split (the form's one-per-line fields are split by <see cref="ProgrammeActionForm"/>).
/// </summary>
public sealed record ProgrammeActionInput(
    string? Title, string? Description, string? Pillar, string? Phase, string? MeasureCode,
    string? GapKind, string? GapReference, string? GapDescription,
    string? OwnerDepartment, string? OwnerPerson, bool OwnerIsSocialDomain,
    IReadOnlyList<RaciEntry>? Raci, IReadOnlyList<string>? Partners,
    string? OneOffBudget, string? StructuralBudgetPerYear, string? FtePerMonth,
    string? StartDate, string? Deadline,
    IReadOnlyList<ActionDependency>? Dependencies, IReadOnlyList<ActionMilestone>? Milestones);

public abstract record ProgrammeActionOutcome
{
    public sealed record Saved(ProgrammeAction Action) : ProgrammeActionOutcome;
    public sealed record Invalid(IReadOnlyList<Accounts.FieldError> Errors) : ProgrammeActionOutcome;
    public sealed record Conflict(string UpdatedBy) : ProgrammeActionOutcome;
    public sealed record NotFound : ProgrammeActionOutcome;
    /// <summary>Delete refused: other actions wait for this one.</summary>
    public sealed record HasDependents(IReadOnlyList<string> Labels) : ProgrammeActionOutcome;
    public sealed record Deleted : ProgrammeActionOutcome;
}
