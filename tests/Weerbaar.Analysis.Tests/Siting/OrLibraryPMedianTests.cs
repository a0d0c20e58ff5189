using Weerbaar.Analysis.Siting;

namespace Weerbaar.Analysis.Tests.Siting;

public class OrLibraryPMedianTests
{
    [Fact]
    public void Pmed1_is_solved_to_its_known_optimum_5819()
    {
        var instance = OrLibraryPMedian.Load(Path.Combine(AppContext.BaseDirectory, "Fixtures", "orlib", "pmed1.txt"));

        var result = OrLibraryPMedian.Solve(instance);

        Assert.Equal((100, 5), (instance.Vertices, instance.P));
        Assert.Equal(SitingStatus.Optimal, result.Status);
        Assert.Equal(5819, result.Objective, 6);
        Assert.Equal(5819, result.BestBound, 6);
        Assert.Equal(5, result.NewSites.Count);
    }

    [Fact]
    public void An_edge_listed_twice_takes_its_last_cost()
    {
        // Path 1–2–3 with p = 1. Edge 1–2 is listed with cost 1 and later (reversed) with cost 10.
        // With the last cost (10): distances 1–2 = 10, 2–3 = 1, 1–3 = 11; the best median is vertex 2 (10 + 0 + 1 = 11).
        // Had the first cost counted (1): the median would still be 2 but cost 1 + 0 + 1 = 2; had the minimum counted, also 2.
        const string text = """
             3 3 1
             1 2 1
             2 3 1
             2 1 10
            """;

        var instance = OrLibraryPMedian.Parse(new StringReader(text));
        var result = OrLibraryPMedian.Solve(instance);

        Assert.Equal(10, instance.Distances[0, 1]);
        Assert.Equal(11, instance.Distances[0, 2]);
        Assert.Equal(SitingStatus.Optimal, result.Status);
        Assert.Equal(11, result.Objective, 9);
        Assert.Equal([1], result.OpenSites);
    }

    [Fact]
    public void A_shortcut_through_another_vertex_beats_a_long_direct_edge()
    {
        // 1–3 costs 50 directly but 2 + 3 = 5 through vertex 2: Floyd–Warshall must find the path.
        var instance = OrLibraryPMedian.Parse(new StringReader("3 3 1\n1 3 50\n1 2 2\n2 3 3\n"));

        Assert.Equal(5, instance.Distances[0, 2]);
        Assert.Equal(5, instance.Distances[2, 0]);
    }
}
