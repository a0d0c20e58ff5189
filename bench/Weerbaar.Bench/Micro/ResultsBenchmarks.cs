using BenchmarkDotNet.Attributes;
using Weerbaar.Web.Features.Demo;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.Results;

namespace Weerbaar.Bench.Micro;

/// <summary>
/// The pure part of the results API and page over N submitted responses, without the database: the results
/// (<see cref="RoundResults.Compute"/>), the group comparisons by stedelijkheid (2 groups) and by veiligheidsregio
/// (25 groups), and the pillar analysis. Goals: 342 responses (one per gemeente) &lt; 50 ms, 100,000 &lt; 1 s.
/// </summary>
[MemoryDiagnoser]
public class ResultsBenchmarks
{
    private Instrument _instrument = null!;
    private List<Dictionary<string, string>> _answers = [];
    private List<(GemeenteInfo Gemeente, Dictionary<string, string> Answers)> _located = [];

    [Params(342, 100_000)]
    public int Responses { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _instrument = new InstrumentCatalog().Find("weerbaarheidsscan-2025")!;
        var reference = ReferenceFixture.Reference;
        (_answers, _located) = Synthetic(_instrument, reference, Responses);
        Console.WriteLine($"// {_answers.Count} responses, {_answers.Sum(a => a.Count)} answers, {_located.Select(l => l.Gemeente.Code).Distinct().Count()} gemeenten");
    }

    /// <summary>
    /// The app's own demo generator (seeded, published marginals, 'weet niet' and empty answers), 342 responses per
    /// seed — one per gemeente — and seeds 1, 2, … until there are <paramref name="count"/>.
    /// </summary>
    public static (List<Dictionary<string, string>>, List<(GemeenteInfo, Dictionary<string, string>)>) Synthetic(Instrument instrument, ReferenceData reference, int count)
    {
        var codes = reference.Gemeenten.Select(g => g.Code).ToList();
        var located = new List<(GemeenteInfo, Dictionary<string, string>)>(count);
        for (var seed = 1; located.Count < count; seed++)
        {
            foreach (var row in DemoResponses.Generate(instrument, codes, codes.Count, seed).Take(count - located.Count))
            {
                located.Add((reference.Gemeente(row.Gemeentecode)!, (Dictionary<string, string>)row.Answers));
            }
        }
        return (located.Select(l => l.Item2).ToList(), located);
    }

    [Benchmark(Baseline = true)]
    public int Results() => RoundResults.Compute(_instrument, _answers).Questions.Count;

    [Benchmark]
    public int ComparisonsByStedelijkheid() => RoundComparisons.Compute(_instrument, "stedelijkheid", _located).Tests.Count;

    [Benchmark]
    public int ComparisonsByVeiligheidsregio() => RoundComparisons.Compute(_instrument, "veiligheidsregio", _located).Tests.Count;

    [Benchmark]
    public int Pillars() => PillarAnalysisDto.From(_answers).Depth.Count;
}
