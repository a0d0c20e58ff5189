namespace Weerbaar.Analysis.Planning;

/// <summary>The critical path result of a programme plan.</summary>
/// <param name="Actions">In input order.</param>
/// <param name="ProjectEnd">Day number of the programme end: a given end date's next day, or the largest early finish.</param>
/// <param name="CriticalPaths">Chains of action ids along critical actions from a start to the end, at most <see cref="CriticalPath.MaxCriticalPaths"/>.</param>
public sealed record PlanSchedule(
    IReadOnlyList<ScheduledAction> Actions,
    DateOnly ProgrammeStart,
    int ProjectEnd,
    IReadOnlyList<IReadOnlyList<string>> CriticalPaths,
    IReadOnlyList<DeadlineMiss> DeadlineMisses)
{
    /// <summary>Last day of the programme.</summary>
    public DateOnly ProjectEndDate => ProgrammeStart.AddDays(ProjectEnd - 1);
}
