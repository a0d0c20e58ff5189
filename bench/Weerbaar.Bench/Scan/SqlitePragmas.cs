using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Weerbaar.Bench.Scan;

/// <summary>
/// Experiments (<c>--sqlite-busy-timeout</c>, since adopted by the app as Data/SqliteBusyTimeout, and <c>--sqlite-synchronous-normal</c>): PRAGMAs
/// set on every SQLite connection the app opens.
/// <list type="bullet">
/// <item><c>busy_timeout</c>: a writer that finds the database locked waits inside SQLite (short, growing sleeps)
/// instead of in Microsoft.Data.Sqlite's retry loop, which sleeps 150 ms between attempts.</item>
/// <item><c>synchronous = NORMAL</c>: in WAL mode a commit is no longer synced to disk by itself, only at checkpoints;
/// it survives a killed process but not a power cut.</item>
/// </list>
/// </summary>
public sealed class SqlitePragmas(int busyTimeoutMs, bool synchronousNormal) : DbConnectionInterceptor
{
    public string Describe() => string.Join(", ", new[]
    {
        busyTimeoutMs > 0 ? string.Create(CultureInfo.InvariantCulture, $"`PRAGMA busy_timeout = {busyTimeoutMs}`") : null,
        synchronousNormal ? "`PRAGMA synchronous = NORMAL`" : null,
    }.OfType<string>());

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection)
        {
            return;
        }
        using var command = connection.CreateCommand();
        command.CommandText = (busyTimeoutMs > 0 ? string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {busyTimeoutMs};") : "")
                              + (synchronousNormal ? "PRAGMA synchronous = NORMAL;" : "");
        command.ExecuteNonQuery();
    }
}
