using Microsoft.Data.Sqlite;

namespace Weerbaar.Bench.Saves;

/// <summary>The floor on SQLite: its own database file in WAL mode with <c>synchronous = FULL</c> (every commit syncs the WAL).</summary>
public sealed class SqliteFloorStore : IFloorStore
{
    private const string Upsert = """
        INSERT INTO floor_saves (token, part, answers, version) VALUES ($token, $part, $answers, 1)
        ON CONFLICT (token, part) DO UPDATE SET answers = excluded.answers, version = floor_saves.version + 1
        RETURNING version
        """;

    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _upsert;
    private readonly string _pragmas;

    public SqliteFloorStore(string file)
    {
        _connection = new SqliteConnection($"Data Source={file};Pooling=False");
        _connection.Open();
        Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
        Execute("CREATE TABLE floor_saves (token TEXT NOT NULL, part INTEGER NOT NULL, answers TEXT NOT NULL, version INTEGER NOT NULL, PRIMARY KEY (token, part))");
        _pragmas = $"journal_mode={Scalar("PRAGMA journal_mode")}, synchronous={Scalar("PRAGMA synchronous")}";
        _upsert = _connection.CreateCommand();
        _upsert.CommandText = Upsert;
        _upsert.Parameters.Add("$token", SqliteType.Text);
        _upsert.Parameters.Add("$part", SqliteType.Integer);
        _upsert.Parameters.Add("$answers", SqliteType.Text);
        _upsert.Prepare();
    }

    public string Describe() => $"SQLite {_connection.ServerVersion}, its own file in the same temporary folder, one connection, {_pragmas} (2 = FULL)";

    public async Task<int> UpsertAsync(string token, int part, string answersJson, CancellationToken ct)
    {
        await _writer.WaitAsync(ct);
        try
        {
            _upsert.Parameters[0].Value = token;
            _upsert.Parameters[1].Value = part;
            _upsert.Parameters[2].Value = answersJson;
            // Autocommit: the statement is its own transaction, committed before it returns.
            return Convert.ToInt32(await _upsert.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
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
            using var transaction = _connection.BeginTransaction();
            _upsert.Transaction = transaction;
            var versions = new int[saves.Count];
            for (var i = 0; i < saves.Count; i++)
            {
                _upsert.Parameters[0].Value = saves[i].Token;
                _upsert.Parameters[1].Value = saves[i].Part;
                _upsert.Parameters[2].Value = saves[i].AnswersJson;
                versions[i] = Convert.ToInt32(await _upsert.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            }
            transaction.Commit();
            return versions;
        }
        finally
        {
            _upsert.Transaction = null;
            _writer.Release();
        }
    }

    public async Task<IReadOnlyList<FloorRow>> ReadAllAsync(CancellationToken ct)
    {
        await _writer.WaitAsync(ct);
        try
        {
            using var select = _connection.CreateCommand();
            select.CommandText = "SELECT token, part, answers, version FROM floor_saves";
            using var reader = await select.ExecuteReaderAsync(ct);
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

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private string Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}
