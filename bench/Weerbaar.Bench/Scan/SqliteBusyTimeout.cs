using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Weerbaar.Bench.Scan;

/// <summary>
/// Experiment (<c>--sqlite-busy-timeout</c>), not the app's configuration: sets SQLite's own busy handler on every
/// connection, so a writer that finds the database locked waits inside SQLite (short, growing sleeps) instead of
/// Microsoft.Data.Sqlite's retry loop, which sleeps 150 ms between attempts.
/// </summary>
public sealed class SqliteBusyTimeout(int milliseconds) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA busy_timeout = {milliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture)};";
            command.ExecuteNonQuery();
        }
    }
}
