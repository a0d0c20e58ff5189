namespace Weerbaar.Analysis.Planning;

/// <summary>One action of a programme plan.</summary>
/// <param name="Id">Unique key that dependencies refer to.</param>
/// <param name="Name">Shown in messages.</param>
/// <param name="DurationDays">Calendar days of work; 0 for a milestone.</param>
public sealed record PlanAction(string Id, string Name, int DurationDays)
{
    /// <summary>The action may not start before this day, even when its predecessors are done earlier.</summary>
    public DateOnly? EarliestStart { get; init; }

    /// <summary>The action should be finished by the end of this day.</summary>
    public DateOnly? Deadline { get; init; }

    /// <summary>Staff the action takes while it runs, in FTE.</summary>
    public double Fte { get; init; }

    /// <summary>The pillar (pijler) the budget is booked on.</summary>
    public string Pillar { get; init; } = "";

    /// <summary>One-off budget, spent in the year the action starts.</summary>
    public decimal OneOffBudget { get; init; }

    /// <summary>Structural budget per year, from the year the action starts onwards.</summary>
    public decimal StructuralBudgetPerYear { get; init; }
}
