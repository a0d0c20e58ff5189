namespace Weerbaar.Analysis.Planning;

/// <summary>Checks a programme plan; the first problem found comes back as a Dutch sentence.</summary>
public static class PlanValidation
{
    /// <summary>Null when the plan can be scheduled, else the reason in Dutch.</summary>
    public static string? Check(IReadOnlyList<PlanAction> actions, IReadOnlyList<PlanDependency> dependencies, DateOnly programmeStart, DateOnly? programmeEnd = null)
    {
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(dependencies);
        if (actions.Count == 0)
        {
            return "Het plan heeft geen acties.";
        }
        if (programmeEnd is { } end && end < programmeStart)
        {
            return $"Het programma eindigt ({PlanMessages.Date(end)}) vóór het begint ({PlanMessages.Date(programmeStart)}).";
        }
        var byId = new Dictionary<string, PlanAction>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            if (string.IsNullOrWhiteSpace(action.Id))
            {
                return $"Actie '{action.Name}' heeft geen id.";
            }
            if (!byId.TryAdd(action.Id, action))
            {
                return $"Het id '{action.Id}' komt meer dan één keer voor ('{byId[action.Id].Name}' en '{action.Name}').";
            }
            if (Problem(action, programmeStart) is { } problem)
            {
                return problem;
            }
        }
        foreach (var d in dependencies)
        {
            foreach (var id in new[] { d.PredecessorId, d.SuccessorId })
            {
                if (!byId.ContainsKey(id))
                {
                    return $"Een afhankelijkheid verwijst naar de onbekende actie '{id}'.";
                }
            }
            if (d.LagDays < 0)
            {
                return $"De wachttijd tussen '{byId[d.PredecessorId].Name}' en '{byId[d.SuccessorId].Name}' is negatief ({d.LagDays} dagen).";
            }
            if (d.PredecessorId == d.SuccessorId)
            {
                return CycleMessage([byId[d.PredecessorId].Name, byId[d.PredecessorId].Name]);
            }
        }
        return PlanGraph.FindCycle(actions, dependencies) is { } cycle ? CycleMessage([.. cycle.Select(i => actions[i].Name)]) : null;
    }

    private static string? Problem(PlanAction action, DateOnly programmeStart)
    {
        if (action.DurationDays < 0)
        {
            return $"De duur van '{action.Name}' is negatief ({action.DurationDays} dagen).";
        }
        if (action.EarliestStart is { } start && start < programmeStart)
        {
            return $"'{action.Name}' mag pas op {PlanMessages.Date(start)} beginnen, maar dat is vóór de start van het programma ({PlanMessages.Date(programmeStart)}).";
        }
        if (!double.IsFinite(action.Fte) || action.Fte < 0)
        {
            return $"De inzet van '{action.Name}' moet nul of meer fte zijn.";
        }
        if (action.OneOffBudget < 0 || action.StructuralBudgetPerYear < 0)
        {
            return $"Het budget van '{action.Name}' mag niet negatief zijn.";
        }
        return null;
    }

    private static string CycleMessage(IReadOnlyList<string> names) =>
        $"De afhankelijkheden vormen een kring: {string.Join(" → ", names)}. Haal één afhankelijkheid weg.";
}
