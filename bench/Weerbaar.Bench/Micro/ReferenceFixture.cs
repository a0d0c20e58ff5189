using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Gemeenten;

namespace Weerbaar.Bench.Micro;

/// <summary>
/// A SQLite database as the app has it after start-up (migrations and the CBS reference load) in a temporary
/// folder, and the <see cref="ReferenceData"/> the app holds in memory. Built once per process, removed at exit.
/// </summary>
public static class ReferenceFixture
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "weerbaar-micro-" + Guid.NewGuid().ToString("N")[..8]);
    private static readonly Lazy<ReferenceData> LazyReference = new(() => BuildAsync().GetAwaiter().GetResult());

    public static string ConnectionString { get; } = $"Data Source={Path.Combine(Folder, "weerbaar.db")}";

    public static ReferenceData Reference => LazyReference.Value;

    public static DbContextOptions<AppDbContext> DbOptions()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, ConnectionString);
        return options.Options;
    }

    private static async Task<ReferenceData> BuildAsync()
    {
        Directory.CreateDirectory(Folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Cleanup();
        await using var db = new AppDbContext(DbOptions());
        await DatabaseSetup.MigrateAsync(db);
        await ReferenceDataLoader.EnsureLoadedAsync(db, NullLogger.Instance);
        var reference = new ReferenceData(new GemeentePageCache());
        await reference.ReloadAsync(db);
        return reference.Gemeenten.Count > 0 ? reference : throw new InvalidOperationException("No gemeenten loaded.");
    }

    private static void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
