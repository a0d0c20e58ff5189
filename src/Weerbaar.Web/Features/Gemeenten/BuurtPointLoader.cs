using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.Gemeenten;

/// <summary>
/// Loads buurtpunten_2024.csv (CBS/Kadaster label points) when it is missing or changed, as a dataset of its own so
/// that neither load touches the other's rows nor the geometry a beheerder loaded.
/// </summary>
public static class BuurtPointLoader
{
    public const string DatasetName = "cbs-kadaster-buurtpunten";
    public const string FileName = "buurtpunten_2024.csv";

    /// <returns>true when the points were (re)loaded.</returns>
    public static async Task<bool> EnsureLoadedAsync(AppDbContext db, ILogger logger, CancellationToken ct = default)
    {
        var path = Path.Combine(ReferenceDataLoader.ReferenceDirectory, FileName);
        var bytes = await File.ReadAllBytesAsync(path, ct);
        var version = Convert.ToHexString(SHA256.HashData(bytes))[..32];
        var current = await db.ReferenceDatasets.AsNoTracking().FirstOrDefaultAsync(d => d.Name == DatasetName, ct);
        if (current?.Version == version)
        {
            return false;
        }
        var started = Stopwatch.StartNew();
        var points = Read(bytes);
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.BuurtPoints.ExecuteDeleteAsync(ct);
            await db.ReferenceDatasets.Where(d => d.Name == DatasetName).ExecuteDeleteAsync(ct);
            db.BuurtPoints.AddRange(points);
            db.ReferenceDatasets.Add(new ReferenceDataset { Name = DatasetName, Version = version, LoadedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
        logger.LogInformation("CBS/Kadaster-buurtpunten geladen: {Punten} buurten in {Ms} ms", points.Count, started.ElapsedMilliseconds);
        return true;
    }

    public static List<BuurtPoint> Read(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes));
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        csv.Read();
        csv.ReadHeader();
        var points = new List<BuurtPoint>(10_000);
        while (csv.Read())
        {
            points.Add(new BuurtPoint
            {
                BuurtCode = csv.GetField("buurtcode")!,
                Latitude = double.Parse(csv.GetField("breedtegraad")!, CultureInfo.InvariantCulture),
                Longitude = double.Parse(csv.GetField("lengtegraad")!, CultureInfo.InvariantCulture),
                MatchedOn = csv.GetField("gekoppeld_op")!,
            });
        }
        return points;
    }
}
