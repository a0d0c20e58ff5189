using System.Diagnostics;
using System.Globalization;

namespace Weerbaar.Analysis.Siting;

/// <summary>An OR-Library p-median instance: shortest-path distances between all vertices, and p.</summary>
public sealed record OrLibraryInstance(int Vertices, int P, double[,] Distances);

/// <summary>
/// Beasley's OR-Library p-median instances (pmed1–pmed40): "vertices edges p", then one "i j cost" line per edge
/// (1-based, undirected; an edge listed twice takes its last cost). Every vertex is both a demand point (weight 1)
/// and a candidate; distances are all-pairs shortest paths. Solved by the same core as the map's p-median.
/// </summary>
public static class OrLibraryPMedian
{
    public static OrLibraryInstance Load(string path)
    {
        using var reader = File.OpenText(path);
        return Parse(reader);
    }

    public static OrLibraryInstance Parse(TextReader reader)
    {
        var numbers = new List<long>();
        while (reader.ReadLine() is { } line)
        {
            foreach (var token in line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                numbers.Add(long.Parse(token, NumberStyles.Integer, CultureInfo.InvariantCulture));
            }
        }
        if (numbers.Count < 3)
        {
            throw new FormatException("An OR-Library p-median file starts with: vertices edges p.");
        }
        var (n, edges, p) = ((int)numbers[0], (int)numbers[1], (int)numbers[2]);
        if (numbers.Count < 3 + 3 * edges)
        {
            throw new FormatException($"The file announces {edges} edges but holds {(numbers.Count - 3) / 3}.");
        }
        var d = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                d[i, j] = i == j ? 0 : double.PositiveInfinity;
            }
        }
        for (var e = 0; e < edges; e++)
        {
            var i = (int)numbers[3 + 3 * e] - 1;
            var j = (int)numbers[4 + 3 * e] - 1;
            if (i < 0 || j < 0 || i >= n || j >= n)
            {
                throw new FormatException($"Edge {e + 1} joins vertex {i + 1} and {j + 1}, outside 1…{n}.");
            }
            if (i != j)
            {
                // Assigned, not minimised: the last listing of an edge is its cost.
                d[i, j] = d[j, i] = numbers[5 + 3 * e];
            }
        }
        FloydWarshall(d);
        return new OrLibraryInstance(n, p, d);
    }

    /// <summary>Solves the p-median to proven optimality (or the best within the time limit).</summary>
    public static SitingResult Solve(OrLibraryInstance instance, TimeSpan? timeLimit = null, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var n = instance.Vertices;
        if (n == 0 || instance.P < 1 || instance.P > n)
        {
            return SitingSolver.Invalid(n, $"p = {instance.P} moet tussen 1 en het aantal punten ({n}) liggen.", clock.Elapsed);
        }
        var problem = new SitingProblem
        {
            Network = SitingNetwork.FromMatrix(instance.Distances),
            Weights = [.. Enumerable.Repeat(1.0, n)],
            Residents = [.. Enumerable.Repeat(1.0, n)],
            Fixed = new bool[n],
            Capacity = [.. Enumerable.Repeat(double.PositiveInfinity, n)],
            Objective = SitingObjective.PMedian,
            NewSites = instance.P,
            TimeLimit = timeLimit ?? SitingOptions.DefaultTimeLimit,
        };
        var greedy = GreedyCore.Solve(problem);
        var outcome = SitingMip.Solve(problem, greedy, ct);
        var solution = outcome.Solution ?? greedy ?? SitingInput.FixedOnly(problem);
        var status = outcome.Solution is null && outcome.Status == SitingStatus.NoSolution ? SitingStatus.Feasible : outcome.Status;
        var result = SitingEvaluation.Evaluate(problem, solution, status, "", outcome.Bound, clock.Elapsed);
        return result with { Message = SitingMessages.Describe(problem, result, greedy: false), Elapsed = clock.Elapsed };
    }

    private static void FloydWarshall(double[,] d)
    {
        var n = d.GetLength(0);
        for (var k = 0; k < n; k++)
        {
            for (var i = 0; i < n; i++)
            {
                var dik = d[i, k];
                if (double.IsPositiveInfinity(dik))
                {
                    continue;
                }
                for (var j = 0; j < n; j++)
                {
                    if (dik + d[k, j] < d[i, j])
                    {
                        d[i, j] = dik + d[k, j];
                    }
                }
            }
        }
    }
}
