using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.Gemeenten;

/// <summary>
/// Loads the CBS reference files shipped in Data/Reference into the database when they are missing or changed.
/// The version is a hash of the files, so a restart with the same files does nothing.
/// </summary>
public static class ReferenceDataLoader
{
    public const string DatasetName = "cbs-kwb-2024";

    public static string ReferenceDirectory => Path.Combine(AppContext.BaseDirectory, "Data", "Reference");

    private static readonly string[] Files =
    [
        "gemeenten_2024.csv", "wijken_2024.csv", "buurten_2024.csv",
        "gemeenten_2024.geojson", "provincies.geojson", "veiligheidsregios.geojson",
    ];

    /// <returns>true when data was (re)loaded.</returns>
    public static async Task<bool> EnsureLoadedAsync(AppDbContext db, ILogger logger, CancellationToken ct = default)
    {
        var version = ComputeVersion();
        var current = await db.ReferenceDatasets.AsNoTracking().FirstOrDefaultAsync(d => d.Name == DatasetName, ct);
        if (current?.Version == version)
        {
            return false;
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        var gemeenteOutlines = ReadOutlines("gemeenten_2024.geojson", "gemeenteCode");
        var provincieOutlines = ReadOutlines("provincies.geojson", "provincieCode");
        var regioOutlines = ReadOutlines("veiligheidsregios.geojson", "veiligheidsRegioCode");

        var provincies = new Dictionary<string, Provincie>();
        var regios = new Dictionary<string, Veiligheidsregio>();
        var gemeenten = new List<Gemeente>();
        foreach (var row in ReadCsv("gemeenten_2024.csv"))
        {
            var provincieCode = row["provinciecode"]!;
            var regioCode = row["veiligheidsregio_code"]!;
            provincies.TryAdd(provincieCode, new Provincie
            {
                Code = provincieCode,
                Name = ProvincieDisplayName(row["provincie"]!),
                OutlineGeoJson = provincieOutlines.GetValueOrDefault(provincieCode),
            });
            regios.TryAdd(regioCode, new Veiligheidsregio
            {
                Code = regioCode,
                Name = row["veiligheidsregio_naam"]!,
                OutlineGeoJson = regioOutlines.GetValueOrDefault(regioCode),
            });
            var code = row["gemeentecode"]!;
            gemeenten.Add(new Gemeente
            {
                Code = code,
                Name = GemeenteDisplayName(row["gemeentenaam"]!),
                ProvincieCode = provincieCode,
                VeiligheidsregioCode = regioCode,
                Residents = Int(row["inwoners"]) ?? 0,
                Men = Int(row["mannen"]),
                Women = Int(row["vrouwen"]),
                AreaTotalHa = Int(row["oppervlakte_totaal_ha"]),
                AreaLandHa = Int(row["oppervlakte_land_ha"]),
                Density = Int(row["bevolkingsdichtheid"]),
                Dwellings = Int(row["woningvoorraad"]),
                UrbanityWeighted = Dbl(row["stedelijkheid_gewogen"]),
                UrbanityModal = Int(row["stedelijkheid_modaal"]) ?? 0,
                OutlineGeoJson = gemeenteOutlines.GetValueOrDefault(code),
            });
        }
        var wijken = ReadCsv("wijken_2024.csv").Select(row => new Wijk
        {
            Code = row["wijkcode"]!,
            GemeenteCode = row["gemeentecode"]!,
            Residents = Int(row["inwoners"]),
            Men = Int(row["mannen"]),
            Women = Int(row["vrouwen"]),
            AreaTotalHa = Int(row["oppervlakte_totaal_ha"]),
            AreaLandHa = Int(row["oppervlakte_land_ha"]),
            Density = Int(row["bevolkingsdichtheid"]),
            Dwellings = Int(row["woningvoorraad"]),
        }).ToList();
        var buurten = ReadCsv("buurten_2024.csv").Select(row => new Buurt
        {
            Code = row["buurtcode"]!,
            Name = row["buurtnaam"]!,
            WijkCode = row["wijkcode"]!,
            GemeenteCode = row["gemeentecode"]!,
            Residents = Int(row["inwoners"]),
            Age0To15 = Int(row["inwoners_0_15"]),
            Age15To25 = Int(row["inwoners_15_25"]),
            Age25To45 = Int(row["inwoners_25_45"]),
            Age45To65 = Int(row["inwoners_45_65"]),
            Age65Plus = Int(row["inwoners_65_plus"]),
            Households = Int(row["huishoudens"]),
            HouseholdsWithChildren = Int(row["huishoudens_met_kinderen"]),
            AverageHouseholdSize = Dbl(row["gemiddelde_huishoudensgrootte"]),
            Density = Int(row["bevolkingsdichtheid"]),
            Urbanity = Int(row["stedelijkheid"]),
        }).ToList();

        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.Buurten.ExecuteDeleteAsync(ct);
            await db.Wijken.ExecuteDeleteAsync(ct);
            await db.Gemeenten.ExecuteDeleteAsync(ct);
            await db.Provincies.ExecuteDeleteAsync(ct);
            await db.Veiligheidsregios.ExecuteDeleteAsync(ct);
            await db.ReferenceDatasets.Where(d => d.Name == DatasetName).ExecuteDeleteAsync(ct);

            db.Provincies.AddRange(provincies.Values);
            db.Veiligheidsregios.AddRange(regios.Values);
            db.Gemeenten.AddRange(gemeenten);
            db.Wijken.AddRange(wijken);
            db.Buurten.AddRange(buurten);
            db.ReferenceDatasets.Add(new ReferenceDataset { Name = DatasetName, Version = version, LoadedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
        logger.LogInformation("CBS-referentiedata geladen: {Gemeenten} gemeenten, {Wijken} wijken, {Buurten} buurten in {Ms} ms",
            gemeenten.Count, wijken.Count, buurten.Count, started.ElapsedMilliseconds);
        return true;
    }

    /// <summary>
    /// CBS adds " (gemeente)" to the three gemeenten named like their provincie; people know them as Groningen, Utrecht and
    /// 's-Gravenhage. "Bergen (NH.)" and "Bergen (L.)" keep their suffix: that is how the two are told apart. Files are
    /// matched to CBS by code, never by name.
    /// </summary>
    /// <summary>Gives databases loaded before names were plain the same names (run by the PlainGemeenteNames migration).</summary>
    public const string PlainNamesSql = """UPDATE "Gemeenten" SET "Name" = replace("Name", ' (gemeente)', '') WHERE "Name" LIKE '% (gemeente)'""";

    public static string GemeenteDisplayName(string cbsName) => cbsName.EndsWith(" (gemeente)", StringComparison.Ordinal)
        ? cbsName[..^" (gemeente)".Length]
        : cbsName;

    // CBS writes "Noord Holland"; the official names carry a hyphen.
    private static string ProvincieDisplayName(string name) => name switch
    {
        "Noord Holland" => "Noord-Holland",
        "Zuid Holland" => "Zuid-Holland",
        "Noord Brabant" => "Noord-Brabant",
        _ => name,
    };

    private static string ComputeVersion()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Files)
        {
            sha.AppendData(File.ReadAllBytes(Path.Combine(ReferenceDirectory, file)));
        }
        return Convert.ToHexString(sha.GetHashAndReset())[..32];
    }

    private static IEnumerable<Dictionary<string, string?>> ReadCsv(string file)
    {
        using var reader = new StreamReader(Path.Combine(ReferenceDirectory, file));
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        while (csv.Read())
        {
            var row = new Dictionary<string, string?>(header.Length, StringComparer.Ordinal);
            foreach (var column in header)
            {
                var value = csv.GetField(column);
                row[column] = string.IsNullOrEmpty(value) ? null : value;
            }
            yield return row;
        }
    }

    private static Dictionary<string, string> ReadOutlines(string file, string codeProperty)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(ReferenceDirectory, file)));
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var feature in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            var code = feature.GetProperty("properties").GetProperty(codeProperty).GetString();
            if (code is not null)
            {
                result[code] = feature.GetProperty("geometry").GetRawText();
            }
        }
        return result;
    }

    private static int? Int(string? value) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
    private static double? Dbl(string? value) => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
}
