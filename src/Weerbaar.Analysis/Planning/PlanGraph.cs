namespace Weerbaar.Analysis.Planning;

/// <summary>The dependency network by action index, in input order.</summary>
internal sealed class PlanGraph
{
    private PlanGraph(List<(int To, int Lag)>[] successors, List<(int From, int Lag)>[] predecessors)
    {
        Successors = successors;
        Predecessors = predecessors;
    }

    public IReadOnlyList<(int To, int Lag)>[] Successors { get; }

    public IReadOnlyList<(int From, int Lag)>[] Predecessors { get; }

    /// <summary>Builds the graph; ids must be known (see <see cref="PlanValidation"/>).</summary>
    public static PlanGraph Build(IReadOnlyList<PlanAction> actions, IReadOnlyList<PlanDependency> dependencies)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < actions.Count; i++)
        {
            index[actions[i].Id] = i;
        }
        var successors = new List<(int, int)>[actions.Count];
        var predecessors = new List<(int, int)>[actions.Count];
        for (var i = 0; i < actions.Count; i++)
        {
            successors[i] = [];
            predecessors[i] = [];
        }
        foreach (var d in dependencies)
        {
            int from = index[d.PredecessorId], to = index[d.SuccessorId];
            successors[from].Add((to, d.LagDays));
            predecessors[to].Add((from, d.LagDays));
        }
        return new PlanGraph(successors, predecessors);
    }

    /// <summary>Kahn's algorithm; ties go in input order. Only for acyclic graphs.</summary>
    public int[] TopologicalOrder()
    {
        var n = Successors.Length;
        var inDegree = new int[n];
        for (var i = 0; i < n; i++)
        {
            inDegree[i] = Predecessors[i].Count;
        }
        var ready = new PriorityQueue<int, int>();
        for (var i = 0; i < n; i++)
        {
            if (inDegree[i] == 0)
            {
                ready.Enqueue(i, i);
            }
        }
        var order = new List<int>(n);
        while (ready.TryDequeue(out var i, out _))
        {
            order.Add(i);
            foreach (var (to, _) in Successors[i])
            {
                if (--inDegree[to] == 0)
                {
                    ready.Enqueue(to, to);
                }
            }
        }
        return [.. order];
    }

    /// <summary>One cycle as action indices, the first repeated at the end; null when the graph is acyclic. Depth-first, iterative.</summary>
    public static IReadOnlyList<int>? FindCycle(IReadOnlyList<PlanAction> actions, IReadOnlyList<PlanDependency> dependencies)
    {
        var graph = Build(actions, dependencies);
        var n = actions.Count;
        var state = new byte[n]; // 0 unvisited, 1 on the stack, 2 done
        var path = new List<int>();
        var next = new int[n];
        for (var root = 0; root < n; root++)
        {
            if (state[root] != 0)
            {
                continue;
            }
            path.Add(root);
            state[root] = 1;
            while (path.Count > 0)
            {
                var v = path[^1];
                if (next[v] == graph.Successors[v].Count)
                {
                    state[v] = 2;
                    path.RemoveAt(path.Count - 1);
                    continue;
                }
                var w = graph.Successors[v][next[v]++].To;
                if (state[w] == 1)
                {
                    return [.. path.Skip(path.IndexOf(w)), w];
                }
                if (state[w] == 0)
                {
                    state[w] = 1;
                    path.Add(w);
                }
            }
        }
        return null;
    }
}
