namespace Weerbaar.Web.Features.Programme.Tracking;

/// <summary>
/// The actions of one pillar by status. <see cref="ShareDone"/> counts actions: afgerond out of all actions except the
/// stopped ones (a stopped action is neither done nor still to do). <see cref="BudgetShareDone"/> weighs each action by its
/// money (one-off budget plus one year of structural budget) over the same actions; null when they carry no money.
/// </summary>
public sealed record PillarProgressRow(
    string Pillar, string Name, int Total, IReadOnlyDictionary<string, int> ByStatus, int Overdue, decimal Budget, decimal BudgetDone)
{
    public int Done => ByStatus.GetValueOrDefault(ActionStatus.Done);
    public int Stopped => ByStatus.GetValueOrDefault(ActionStatus.Stopped);
    public double? ShareDone => Total - Stopped is > 0 and var n ? Done / (double)n : null;
    public double? BudgetShareDone => Budget > 0 ? (double)(BudgetDone / Budget) : null;
}

public static class PillarProgress
{
    public const string TotalCode = "totaal";

    /// <summary>One row per pillar of the catalogue (in its order, also when it has no actions), then a row for all pillars.</summary>
    public static IReadOnlyList<PillarProgressRow> Compute(IReadOnlyList<ProgrammeAction> actions, IReadOnlyList<Scenarios.CodeName> pillars, DateOnly today)
    {
        var known = pillars.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var rows = pillars.Select(p => Row(p.Code, p.Name, actions.Where(a => a.Pillar == p.Code).ToList(), today)).ToList();
        // An action under a pillar the catalogue no longer holds still counts, under its own code.
        rows.AddRange(actions.Where(a => !known.Contains(a.Pillar)).GroupBy(a => a.Pillar).Select(g => Row(g.Key, g.Key, g.ToList(), today)));
        rows.Add(Row(TotalCode, "Alle pijlers", actions, today));
        return rows;
    }

    private static PillarProgressRow Row(string code, string name, IReadOnlyList<ProgrammeAction> actions, DateOnly today)
    {
        var byStatus = ActionStatus.All.ToDictionary(s => s, s => actions.Count(a => a.Status == s));
        var counted = actions.Where(a => a.Status != ActionStatus.Stopped).ToList();
        return new PillarProgressRow(code, name, actions.Count, byStatus,
            actions.Count(a => !ActionStatus.IsClosed(a.Status) && a.Deadline < today),
            counted.Sum(Weight), counted.Where(a => a.Status == ActionStatus.Done).Sum(Weight));
    }

    private static decimal Weight(ProgrammeAction a) => a.OneOffBudget + a.StructuralBudgetPerYear;
}
