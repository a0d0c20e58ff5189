using Npgsql;
using NpgsqlTypes;

namespace Weerbaar.Bench.Saves;

/// <summary>
/// The floor on PostgreSQL: its own database on the same throwaway cluster as the app, one connection, PostgreSQL's
/// defaults (fsync on, synchronous_commit on: the WAL is flushed before a commit returns).
/// </summary>
public sealed class PostgresFloorStore : IFloorStore
{
    private const string Upsert = """
        INSERT INTO floor_saves (token, part, answers, version) VALUES ($1, $2, $3, 1)
        ON CONFLICT (token, part) DO UPDATE SET answers = EXCLUDED.answers, version = floor_saves.version + 1
        RETURNING version
        """;

    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlCommand _upsert;
    private string _settings = "";

    private PostgresFloorStore(NpgsqlConnection connection)
    {
        _connection = connection;
        _upsert = new NpgsqlCommand(Upsert, connection);
        _upsert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text });
        _upsert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer });
        _upsert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text });
    }

    /// <param name="adminConnectionString">Of the cluster's <c>postgres</c> database; the floor creates its own database next to it.</param>
    public static async Task<PostgresFloorStore> CreateAsync(string adminConnectionString, string floorConnectionString)
    {
        await using (var admin = new NpgsqlConnection(adminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE weerbaar_floor", admin);
            await create.ExecuteNonQueryAsync();
        }
        var connection = new NpgsqlConnection(floorConnectionString);
        await connection.OpenAsync();
        await using (var table = new NpgsqlCommand("CREATE TABLE floor_saves (token text NOT NULL, part integer NOT NULL, answers text NOT NULL, version integer NOT NULL, PRIMARY KEY (token, part))", connection))
        {
            await table.ExecuteNonQueryAsync();
        }
        var store = new PostgresFloorStore(connection);
        await using (var show = new NpgsqlCommand("SELECT current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit')", connection))
        {
            store._settings = "fsync=" + await show.ExecuteScalarAsync();
        }
        await store._upsert.PrepareAsync();
        return store;
    }

    public string Describe() => $"PostgreSQL {_connection.PostgreSqlVersion}, database `weerbaar_floor` on the same cluster, one connection, {_settings}";

    public async Task<int> UpsertAsync(string token, int part, string answersJson, CancellationToken ct)
    {
        await _writer.WaitAsync(ct);
        try
        {
            _upsert.Parameters[0].Value = token;
            _upsert.Parameters[1].Value = part;
            _upsert.Parameters[2].Value = answersJson;
            // Autocommit: the statement is its own transaction, committed before it returns.
            return (int)(await _upsert.ExecuteScalarAsync(ct))!;
        }
        finally
        {
            _writer.Release();
        }
    }

    public async Task<int[]> UpsertBatchAsync(IReadOnlyList<FloorSave> saves, CancellationToken ct)
    {
        await _writer.WaitAsync(ct);
        try
        {
            await using var transaction = await _connection.BeginTransactionAsync(ct);
            var versions = new int[saves.Count];
            for (var i = 0; i < saves.Count; i++)
            {
                _upsert.Parameters[0].Value = saves[i].Token;
                _upsert.Parameters[1].Value = saves[i].Part;
                _upsert.Parameters[2].Value = saves[i].AnswersJson;
                versions[i] = (int)(await _upsert.ExecuteScalarAsync(ct))!;
            }
            await transaction.CommitAsync(ct);
            return versions;
        }
        finally
        {
            _writer.Release();
        }
    }

    public async Task<IReadOnlyList<FloorRow>> ReadAllAsync(CancellationToken ct)
    {
        await _writer.WaitAsync(ct);
        try
        {
            await using var select = new NpgsqlCommand("SELECT token, part, answers, version FROM floor_saves", _connection);
            await using var reader = await select.ExecuteReaderAsync(ct);
            var rows = new List<FloorRow>();
            while (await reader.ReadAsync(ct))
            {
                rows.Add(new FloorRow(reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetInt32(3)));
            }
            return rows;
        }
        finally
        {
            _writer.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _upsert.DisposeAsync();
        await _connection.DisposeAsync();
        _writer.Dispose();
    }
}
