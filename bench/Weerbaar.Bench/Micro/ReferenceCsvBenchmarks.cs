using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using CsvHelper;
using CsvHelper.Configuration;
using Weerbaar.Web.Features.Gemeenten;

namespace Weerbaar.Bench.Micro;

/// <summary>
/// The CSV part of the CBS reference load: buurten_2024.csv (the largest file) read by the loader's own
/// private ReadCsv (one dictionary per row, reached by reflection), next to a lean CsvHelper read by column index.
/// </summary>
[MemoryDiagnoser]
public class ReferenceCsvBenchmarks
{
    private const string File = "buurten_2024.csv";
    private Func<string, IEnumerable<Dictionary<string, string?>>> _loaderReadCsv = null!;

    [GlobalSetup]
    public void Setup()
    {
        var method = typeof(ReferenceDataLoader).GetMethod("ReadCsv", BindingFlags.NonPublic | BindingFlags.Static)
                     ?? throw new InvalidOperationException("ReferenceDataLoader.ReadCsv(string) no longer exists; update this benchmark.");
        _loaderReadCsv = method.CreateDelegate<Func<string, IEnumerable<Dictionary<string, string?>>>>();
    }

    /// <summary>What the loader does: ReadCsv, then the int parse of the residents column.</summary>
    [Benchmark(Baseline = true)]
    public long LoaderReadCsv()
    {
        long residents = 0;
        foreach (var row in _loaderReadCsv(File))
        {
            residents += int.TryParse(row["inwoners"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0;
        }
        return residents;
    }

    /// <summary>The same rows and column through CsvHelper's field index, without a dictionary per row.</summary>
    [Benchmark]
    public long CsvHelperByIndex()
    {
        using var reader = new StreamReader(Path.Combine(ReferenceDataLoader.ReferenceDirectory, File));
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        csv.Read();
        csv.ReadHeader();
        var column = csv.GetFieldIndex("inwoners");
        long residents = 0;
        while (csv.Read())
        {
            residents += int.TryParse(csv.GetField(column), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0;
        }
        return residents;
    }
}
