namespace Weerbaar.Analysis.Planning;

/// <summary>An action whose earliest finish lies after its deadline.</summary>
public sealed record DeadlineMiss(string ActionId, string Name, DateOnly Deadline, DateOnly EarliestFinish)
{
    /// <summary>Calendar days too late.</summary>
    public int DaysLate => EarliestFinish.DayNumber - Deadline.DayNumber;

    /// <summary>The miss as a Dutch sentence.</summary>
    public string Message =>
        $"'{Name}' is op zijn vroegst klaar op {PlanMessages.Date(EarliestFinish)}, {DaysLate} dag{(DaysLate == 1 ? "" : "en")} na de deadline van {PlanMessages.Date(Deadline)}.";
}
