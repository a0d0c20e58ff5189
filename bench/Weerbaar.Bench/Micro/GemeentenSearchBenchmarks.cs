using BenchmarkDotNet.Attributes;
using Weerbaar.Web.Features.Gemeenten;

namespace Weerbaar.Bench.Micro;

/// <summary><see cref="GemeentenQueries.Search"/> over the 342 gemeenten, as the list page and the API call it.</summary>
[MemoryDiagnoser]
public class GemeentenSearchBenchmarks
{
    private ReferenceData _reference = null!;
    private string _provincie = "";

    [GlobalSetup]
    public void Setup()
    {
        _reference = ReferenceFixture.Reference;
        // Noord-Holland, Amsterdam's provincie: 44 gemeenten.
        _provincie = _reference.Gemeente("GM0363")!.ProvincieCode;
    }

    /// <summary>GET /gemeenten: no filter, sorted by name, first page of 25.</summary>
    [Benchmark(Baseline = true)]
    public int ListPage() => GemeentenQueries.Search(_reference, new GemeentenFilter(null, null, null, null, 1, 25)).Total;

    /// <summary>GET /api/v1/gemeenten: no filter, sorted by name, first page of 50.</summary>
    [Benchmark]
    public int ApiDefault() => GemeentenQueries.Search(_reference, new GemeentenFilter(null, null, null, null, 1, 50)).Total;

    /// <summary>Text search (culture-aware, accent-insensitive) on the name.</summary>
    [Benchmark]
    public int SearchByName() => GemeentenQueries.Search(_reference, new GemeentenFilter("berg", null, null, null, 1, 25)).Total;

    /// <summary>Filter by provincie and sort by residents, descending.</summary>
    [Benchmark]
    public int ProvincieByResidents() => GemeentenQueries.Search(_reference, new GemeentenFilter(null, _provincie, null, "-inwoners", 1, 25)).Total;
}
