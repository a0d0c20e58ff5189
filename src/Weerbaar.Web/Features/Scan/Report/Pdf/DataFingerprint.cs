using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Afweging;
using Weerbaar.Web.Features.Gemeenten;

namespace Weerbaar.Web.Features.Scan.Report.Pdf;

/// <summary>
/// A cheap hash of the current state of whole tables, so that a cached document can be found without building it.
/// Per table, over all its rows (never filtered: a builder may read more of a table than its own gemeente):
/// a table with a change stamp (UpdatedAt, LoadedAt) gives COUNT, MAX(stamp) and SUM(Version) where it has one — every
/// write in this app sets the stamp to "now", an insert or delete moves the count; <see cref="DecisionRecord"/> is
/// append-only (<see cref="DecisionRecordGuard"/>), so its ids say it all; the reference tables change only together
/// with their <see cref="ReferenceDataset"/> row; any other table is read whole (they are small). The tables a document
/// is built from are listed beside its builder, and a test fails when a builder reads a table its list lacks.
/// </summary>
public sealed class DataFingerprint(AppDbContext db)
{
    /// <summary>Loaded only with their dataset row (<see cref="ReferenceDataLoader"/>, <see cref="BuurtPointLoader"/>).</summary>
    public static readonly IReadOnlySet<Type> ReferenceTables = new HashSet<Type>
    {
        typeof(Provincie), typeof(Veiligheidsregio), typeof(Gemeente), typeof(Wijk), typeof(Buurt), typeof(BuurtPoint),
    };

    public async Task<string> OfAsync(IEnumerable<Type> tables, CancellationToken ct)
    {
        var queries = tables.Select(t => ReferenceTables.Contains(t) ? typeof(ReferenceDataset) : t).Distinct()
            .Select(t => db.Model.FindEntityType(t) ?? throw new ArgumentException($"{t.Name} is geen tabel.", nameof(tables)))
            .Select(Query).Order(StringComparer.Ordinal).ToList();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            foreach (var sql in queries)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                await using var reader = await command.ExecuteReaderAsync(ct);
                hash.AppendData(Encoding.UTF8.GetBytes(sql));
                while (await reader.ReadAsync(ct))
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        hash.AppendData(Encoding.UTF8.GetBytes($"\u001f{Text(reader, i)}"));
                    }
                    hash.AppendData("\u001e"u8);
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The statement that fingerprints one table.</summary>
    public static string Query(IEntityType entity)
    {
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(IProperty p) => $"\"{p.GetColumnName(table)}\"";
        var from = $"FROM \"{table.Name}\"";
        var keys = string.Join(", ", entity.FindPrimaryKey()!.Properties.Select(Column));
        if (entity.ClrType == typeof(DecisionRecord))
        {
            return $"SELECT {keys} {from} ORDER BY {keys}";
        }
        var stamp = entity.FindProperty("UpdatedAt") ?? entity.FindProperty("LoadedAt");
        if (stamp is null)
        {
            return $"SELECT * {from} ORDER BY {keys}";
        }
        var version = entity.FindProperty("Version") is { ClrType: var t } v && t == typeof(int) ? $", SUM({Column(v)})" : "";
        return $"SELECT COUNT(*), MAX({Column(stamp)}){version} {from}";
    }

    private static string Text(DbDataReader reader, int i) => reader.IsDBNull(i) ? "\u0000" : reader.GetValue(i) switch
    {
        DateTime d => d.Ticks.ToString(CultureInfo.InvariantCulture),
        DateTimeOffset d => d.UtcTicks.ToString(CultureInfo.InvariantCulture),
        byte[] b => Convert.ToBase64String(b),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString() ?? "",
    };
}
