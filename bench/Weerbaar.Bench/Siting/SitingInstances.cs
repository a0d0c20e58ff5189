using System.Globalization;
using Weerbaar.Analysis.Siting;

namespace Weerbaar.Bench.Siting;

/// <summary>The bench's siting instances: a made-up mid-size gemeente and the whole country from the CBS reference data.</summary>
public static class SitingInstances
{
    /// <summary>
    /// 600 buurten within about 8 km of a centre (uniform in radius, so denser towards the centre like a town), residents
    /// 50–3,000 skewed towards small buurten; 300 candidates at buurt points jittered by up to 300 m, 6 of them fixed
    /// (existing noodsteunpunten).
    /// </summary>
    public static (SitingDemand[] Demand, SitingSite[] Sites) Gemeente(int seed = 2026)
    {
        var random = new Random(seed);
        var demand = Enumerable.Range(0, 600).Select(i =>
        {
            var (lat, lon) = Offset(52.09, 5.12, 8000 * random.NextDouble(), random.NextDouble() * 2 * Math.PI);
            var residents = Math.Round(50 + 2950 * Math.Pow(random.NextDouble(), 2));
            return new SitingDemand($"BU{i:0000}", lat, lon, residents);
        }).ToArray();
        var sites = Candidates(demand, 300, random).Select((s, j) => s with { Fixed = j < 6 }).ToArray();
        return (demand, sites);
    }

    /// <summary>
    /// Every buurt with a point in buurtpunten_2024.csv and residents in buurten_2024.csv (buurten without residents are
    /// skipped); <paramref name="candidates"/> candidates at sampled buurt points jittered by up to 300 m, none fixed.
    /// </summary>
    public static (SitingDemand[] Demand, SitingSite[] Sites) Country(string referenceDirectory, int candidates = 5000, int seed = 2026)
    {
        var residents = ReadCsv(Path.Combine(referenceDirectory, "buurten_2024.csv"))
            .Where(r => int.TryParse(r["inwoners"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0)
            .ToDictionary(r => r["buurtcode"], r => int.Parse(r["inwoners"], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var demand = ReadCsv(Path.Combine(referenceDirectory, "buurtpunten_2024.csv"))
            .Where(r => residents.ContainsKey(r["buurtcode"]))
            .Select(r => new SitingDemand(
                r["buurtcode"],
                double.Parse(r["breedtegraad"], CultureInfo.InvariantCulture),
                double.Parse(r["lengtegraad"], CultureInfo.InvariantCulture),
                residents[r["buurtcode"]]))
            .ToArray();
        return (demand, Candidates(demand, candidates, new Random(seed)));
    }

    private static SitingSite[] Candidates(SitingDemand[] demand, int count, Random random)
        => [.. demand.OrderBy(_ => random.Next()).Take(count).Select((d, j) =>
        {
            var (lat, lon) = Offset(d.Latitude, d.Longitude, 300 * random.NextDouble(), random.NextDouble() * 2 * Math.PI);
            return new SitingSite($"K{j:0000}", lat, lon, false);
        })];

    /// <summary>A point <paramref name="meters"/> from the origin in direction <paramref name="angle"/> (flat-earth, fine at these scales).</summary>
    private static (double Lat, double Lon) Offset(double lat, double lon, double meters, double angle)
    {
        const double metersPerDegree = 111_195;
        return (lat + meters * Math.Cos(angle) / metersPerDegree,
            lon + meters * Math.Sin(angle) / (metersPerDegree * Math.Cos(lat * Math.PI / 180)));
    }

    /// <summary>The reference CSVs (RFC 4180: names with a comma are quoted); a header row names the columns.</summary>
    private static IEnumerable<Dictionary<string, string>> ReadCsv(string path)
    {
        using var reader = File.OpenText(path);
        var header = Split(reader.ReadLine()!);
        while (reader.ReadLine() is { } line)
        {
            var cells = Split(line);
            yield return header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i < cells.Count ? cells[x.i] : "", StringComparer.Ordinal);
        }
    }

    private static List<string> Split(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                cell.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }
        cells.Add(cell.ToString());
        return cells;
    }
}
