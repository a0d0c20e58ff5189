namespace Weerbaar.Analysis.Planning;

/// <summary>
/// The critical path method over a network of finish-to-start dependencies, in calendar days.
/// An action is critical when its total slack is the smallest in the plan (0 when the end is the largest early finish).
/// </summary>
public static class CriticalPath
{
    /// <summary>The number of critical chains listed; a wide network can have very many.</summary>
    public const int MaxCriticalPaths = 100;

    /// <summary>Schedules the plan. Throws <see cref="ArgumentException"/> with a Dutch message when <see cref="PlanValidation"/> refuses it.</summary>
    /// <param name="programmeEnd">Last day of the programme; null for the earliest possible end.</param>
    public static PlanSchedule Compute(IReadOnlyList<PlanAction> actions, IReadOnlyList<PlanDependency> dependencies, DateOnly programmeStart, DateOnly? programmeEnd = null)
    {
        if (PlanValidation.Check(actions, dependencies, programmeStart, programmeEnd) is { } problem)
        {
            throw new ArgumentException(problem, nameof(actions));
        }
        var graph = PlanGraph.Build(actions, dependencies);
        var order = graph.TopologicalOrder();
        var n = actions.Count;
        int[] es = new int[n], ef = new int[n], ls = new int[n], lf = new int[n];
        foreach (var i in order)
        {
            var start = actions[i].EarliestStart is { } fixedStart ? fixedStart.DayNumber - programmeStart.DayNumber : 0;
            foreach (var (from, lag) in graph.Predecessors[i])
            {
                start = Math.Max(start, ef[from] + lag);
            }
            es[i] = start;
            ef[i] = start + actions[i].DurationDays;
        }
        var end = programmeEnd is { } e ? e.DayNumber - programmeStart.DayNumber + 1 : ef.Max();
        foreach (var i in order.Reverse())
        {
            var finish = end;
            foreach (var (to, lag) in graph.Successors[i])
            {
                finish = Math.Min(finish, ls[to] - lag);
            }
            lf[i] = finish;
            ls[i] = finish - actions[i].DurationDays;
        }
        var minSlack = Enumerable.Range(0, n).Min(i => ls[i] - es[i]);
        var critical = Enumerable.Range(0, n).Select(i => ls[i] - es[i] == minSlack).ToArray();
        var scheduled = new ScheduledAction[n];
        var misses = new List<DeadlineMiss>();
        for (var i = 0; i < n; i++)
        {
            var free = end - ef[i];
            foreach (var (to, lag) in graph.Successors[i])
            {
                free = Math.Min(free, es[to] - lag - ef[i]);
            }
            scheduled[i] = new ScheduledAction(actions[i], programmeStart, es[i], ef[i], ls[i], lf[i], free, critical[i]);
            if (actions[i].Deadline is { } deadline && scheduled[i].EarliestFinishDate > deadline)
            {
                misses.Add(new DeadlineMiss(actions[i].Id, actions[i].Name, deadline, scheduled[i].EarliestFinishDate));
            }
        }
        return new PlanSchedule(scheduled, programmeStart, end, Chains(actions, graph, es, ef, critical), misses);
    }

    /// <summary>Critical chains: start at a critical action without a tight critical predecessor, follow tight edges to an action without a tight critical successor.</summary>
    private static List<IReadOnlyList<string>> Chains(IReadOnlyList<PlanAction> actions, PlanGraph graph, int[] es, int[] ef, bool[] critical)
    {
        bool Tight(int from, int to, int lag) => critical[from] && critical[to] && ef[from] + lag == es[to];
        var chains = new List<IReadOnlyList<string>>();
        var path = new List<int>();
        void Walk(int v)
        {
            path.Add(v);
            var extended = false;
            foreach (var (to, lag) in graph.Successors[v])
            {
                if (chains.Count < MaxCriticalPaths && Tight(v, to, lag))
                {
                    extended = true;
                    Walk(to);
                }
            }
            if (!extended && chains.Count < MaxCriticalPaths)
            {
                chains.Add([.. path.Select(i => actions[i].Id)]);
            }
            path.RemoveAt(path.Count - 1);
        }
        for (var i = 0; i < actions.Count; i++)
        {
            if (critical[i] && !graph.Predecessors[i].Any(p => Tight(p.From, i, p.Lag)))
            {
                Walk(i);
            }
        }
        return chains;
    }
}
