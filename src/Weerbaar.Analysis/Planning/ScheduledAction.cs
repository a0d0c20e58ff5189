namespace Weerbaar.Analysis.Planning;

/// <summary>
/// Early and late times of one action, as day numbers from the programme start (day 0). A start is the
/// beginning of its day; a finish is the beginning of the day after the last day of work, so finish = start + duration.
/// </summary>
public sealed record ScheduledAction(
    PlanAction Action,
    DateOnly ProgrammeStart,
    int EarlyStart,
    int EarlyFinish,
    int LateStart,
    int LateFinish,
    int FreeSlack,
    bool IsCritical)
{
    /// <summary>Days the action can slip without moving the programme end (negative when a given end cannot be met).</summary>
    public int TotalSlack => LateStart - EarlyStart;

    /// <summary>First day of work in the early schedule.</summary>
    public DateOnly EarliestStartDate => ProgrammeStart.AddDays(EarlyStart);

    /// <summary>Last day of work in the early schedule (a milestone: the day before its start date, the same moment).</summary>
    public DateOnly EarliestFinishDate => ProgrammeStart.AddDays(EarlyFinish - 1);

    /// <summary>First day of work in the late schedule.</summary>
    public DateOnly LatestStartDate => ProgrammeStart.AddDays(LateStart);

    /// <summary>Last day of work in the late schedule.</summary>
    public DateOnly LatestFinishDate => ProgrammeStart.AddDays(LateFinish - 1);
}
