using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Weerbaar.Web.Features.Scan.Responses;

/// <summary>
/// One part of one respondent's answers, ready to write: the token hash finds the invitation inside the statement,
/// which also checks that the round is open, the gemeente has not opted out and (with a version) that it is current.
/// </summary>
/// <param name="AnswersJson">The part's answers, for a response that does not exist yet.</param>
/// <param name="PatchJson">A JSON merge patch (RFC 7396): the part's answers, null for its questions left empty.</param>
public sealed record PartWrite(byte[] TokenHash, string AnswersJson, string PatchJson, int? ExpectedVersion, DateTimeOffset Now, DateOnly Today);

/// <summary>
/// The statements of a part save, per database. The common case is one UPDATE that merges the part into the stored
/// answers inside the database (no read-modify-write of the document); only a respondent's first save, or a save
/// the UPDATE refused, runs the INSERT … ON CONFLICT, whose MAX(Position) then numbers a new response.
/// Both return the new version, or no row when the save may not apply. "Now" is taken on the request thread, so a
/// batch may commit an earlier moment after a later one: UpdatedAt keeps the latest and never falls before CreatedAt.
/// </summary>
public abstract class PartWriteSql
{
    public static PartWriteSql For(string provider, string connectionString) => provider.Contains("Sqlite", StringComparison.Ordinal)
        ? new SqlitePartWriteSql(connectionString)
        : new PostgresPartWriteSql(connectionString);

    public abstract Task<DbConnection> OpenAsync(CancellationToken ct);

    /// <summary>Runs the writes in order inside <paramref name="transaction"/>; a null entry means "not applied".</summary>
    public abstract Task<int?[]> ExecuteAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<PartWrite> writes, CancellationToken ct);

    protected const string Conditions = """
        i."TokenHash" = @hash AND i."OptedOutAt" IS NULL AND r."Status" = 'Open' AND r."ClosesOn" >= @today
        """;
}

internal sealed class SqlitePartWriteSql(string connectionString) : PartWriteSql
{
    private const string Update = $"""
        UPDATE "ScanResponses" AS s
        SET "Answers" = json_patch(s."Answers", @patch), "Version" = s."Version" + 1, "UpdatedAt" = max(s."UpdatedAt", @now)
        FROM "ScanInvitations" AS i JOIN "ScanRounds" AS r ON r."Id" = i."RoundId"
        WHERE {Conditions}
          AND s."RoundId" = i."RoundId" AND s."GemeenteCode" = i."GemeenteCode" AND s."InvitationId" = i."Id"
          AND (@expected IS NULL OR s."Version" = @expected)
          AND (s."Status" <> 'Submitted' OR r."AllowChangesAfterSubmit")
        RETURNING "Version"
        """;

    private const string Insert = $"""
        INSERT INTO "ScanResponses" ("Id", "RoundId", "GemeenteCode", "RespondentId", "InvitationId", "Status", "Version", "Answers", "CreatedAt", "UpdatedAt", "Source", "Position")
        SELECT @id, i."RoundId", i."GemeenteCode", lower(i."Id"), i."Id", 'InProgress', 1, @answers, @now, @now, 'web',
               COALESCE((SELECT MAX(p."Position") FROM "ScanResponses" AS p WHERE p."RoundId" = i."RoundId"), 0) + 1
        FROM "ScanInvitations" AS i JOIN "ScanRounds" AS r ON r."Id" = i."RoundId"
        WHERE {Conditions} AND (@expected IS NULL OR @expected = 0)
        ON CONFLICT ("RoundId", "RespondentId") DO UPDATE
        SET "Answers" = json_patch("ScanResponses"."Answers", @patch), "Version" = "ScanResponses"."Version" + 1, "UpdatedAt" = max("ScanResponses"."UpdatedAt", @now)
        WHERE (@expected IS NULL OR "ScanResponses"."Version" = @expected)
          AND ("ScanResponses"."Status" <> 'Submitted'
               OR (SELECT r2."AllowChangesAfterSubmit" FROM "ScanRounds" AS r2 WHERE r2."Id" = "ScanResponses"."RoundId"))
        RETURNING "Version"
        """;

    private static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter TimeConverter = new();

    // Prepared once per connection and reused: SQLite then skips parsing on every save.
    private SqliteCommand? _update;
    private SqliteCommand? _insert;

    public override async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        _update?.Dispose();
        _insert?.Dispose();
        _update = _insert = null;
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var pragma = connection.CreateCommand();
        // FULL: the WAL is synced at every commit, so an acknowledged save survives a power cut, not only a killed process.
        pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000;";
        await pragma.ExecuteNonQueryAsync(ct);
        return connection;
    }

    public override async Task<int?[]> ExecuteAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<PartWrite> writes, CancellationToken ct)
    {
        var sqlite = (SqliteConnection)connection;
        _update ??= Command(sqlite, Update, withInsertParameters: false);
        _insert ??= Command(sqlite, Insert, withInsertParameters: true);
        var results = new int?[writes.Count];
        for (var n = 0; n < writes.Count; n++)
        {
            results[n] = await RunAsync(_update, (SqliteTransaction)transaction, writes[n], ct)
                ?? await RunAsync(_insert, (SqliteTransaction)transaction, writes[n], ct);
        }
        return results;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, bool withInsertParameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add("@hash", SqliteType.Blob);
        command.Parameters.Add("@patch", SqliteType.Text);
        command.Parameters.Add("@now", SqliteType.Integer);
        command.Parameters.Add("@today", SqliteType.Text);
        command.Parameters.Add("@expected", SqliteType.Integer);
        if (withInsertParameters)
        {
            command.Parameters.Add("@id", SqliteType.Text);
            command.Parameters.Add("@answers", SqliteType.Text);
        }
        return command;
    }

    private static async Task<int?> RunAsync(SqliteCommand command, SqliteTransaction transaction, PartWrite write, CancellationToken ct)
    {
        command.Transaction = transaction;
        var p = command.Parameters;
        p["@hash"].Value = write.TokenHash;
        p["@patch"].Value = write.PatchJson;
        // The forms the model stores on SQLite (AppDbContext.ConfigureConventions), so EF reads these rows as its own.
        p["@now"].Value = TimeConverter.ConvertToProvider(write.Now.ToUniversalTime());
        p["@today"].Value = write.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        p["@expected"].Value = write.ExpectedVersion is { } v ? v : DBNull.Value;
        if (p.Contains("@id"))
        {
            p["@id"].Value = Guid.NewGuid().ToString().ToUpperInvariant();
            p["@answers"].Value = write.AnswersJson;
        }
        var result = await command.ExecuteScalarAsync(ct);
        return result is null or DBNull ? null : Convert.ToInt32(result, CultureInfo.InvariantCulture);
    }
}

internal sealed class PostgresPartWriteSql(string connectionString) : PartWriteSql
{
    private const string Update = $"""
        UPDATE "ScanResponses" AS s
        SET "Answers" = jsonb_strip_nulls(s."Answers"::jsonb || @patch::jsonb)::text, "Version" = s."Version" + 1, "UpdatedAt" = GREATEST(s."UpdatedAt", @now)
        FROM "ScanInvitations" AS i JOIN "ScanRounds" AS r ON r."Id" = i."RoundId"
        WHERE {Conditions}
          AND s."RoundId" = i."RoundId" AND s."GemeenteCode" = i."GemeenteCode" AND s."InvitationId" = i."Id"
          AND (@expected IS NULL OR s."Version" = @expected)
          AND (s."Status" <> 'Submitted' OR r."AllowChangesAfterSubmit")
        RETURNING s."Version"
        """;

    private const string Insert = $"""
        INSERT INTO "ScanResponses" AS s ("Id", "RoundId", "GemeenteCode", "RespondentId", "InvitationId", "Status", "Version", "Answers", "CreatedAt", "UpdatedAt", "Source", "Position")
        SELECT @id, i."RoundId", i."GemeenteCode", i."Id"::text, i."Id", 'InProgress', 1, @answers, @now, @now, 'web',
               COALESCE((SELECT MAX(p."Position") FROM "ScanResponses" AS p WHERE p."RoundId" = i."RoundId"), 0) + 1
        FROM "ScanInvitations" AS i JOIN "ScanRounds" AS r ON r."Id" = i."RoundId"
        WHERE {Conditions} AND (@expected IS NULL OR @expected = 0)
        ON CONFLICT ("RoundId", "RespondentId") DO UPDATE
        SET "Answers" = jsonb_strip_nulls(s."Answers"::jsonb || @patch::jsonb)::text, "Version" = s."Version" + 1, "UpdatedAt" = GREATEST(s."UpdatedAt", @now)
        WHERE (@expected IS NULL OR s."Version" = @expected)
          AND (s."Status" <> 'Submitted' OR (SELECT r2."AllowChangesAfterSubmit" FROM "ScanRounds" AS r2 WHERE r2."Id" = s."RoundId"))
        RETURNING s."Version"
        """;

    public override async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    /// <summary>All UPDATEs in one round trip; then the INSERTs for those that found no row, in a second.</summary>
    public override async Task<int?[]> ExecuteAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<PartWrite> writes, CancellationToken ct)
    {
        var results = await RunAsync((NpgsqlConnection)connection, (NpgsqlTransaction)transaction, Update, writes, insert: false, ct);
        var missing = Enumerable.Range(0, writes.Count).Where(n => results[n] is null).ToList();
        if (missing.Count > 0)
        {
            var inserted = await RunAsync((NpgsqlConnection)connection, (NpgsqlTransaction)transaction, Insert, [.. missing.Select(n => writes[n])], insert: true, ct);
            for (var k = 0; k < missing.Count; k++)
            {
                results[missing[k]] = inserted[k];
            }
        }
        return results;
    }

    private static async Task<int?[]> RunAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, IReadOnlyList<PartWrite> writes, bool insert, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var write in writes)
        {
            var command = new NpgsqlBatchCommand(sql);
            var p = command.Parameters;
            p.Add(new NpgsqlParameter("hash", NpgsqlDbType.Bytea) { Value = write.TokenHash });
            p.Add(new NpgsqlParameter("patch", NpgsqlDbType.Text) { Value = write.PatchJson });
            p.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = write.Now.ToUniversalTime() });
            p.Add(new NpgsqlParameter("today", NpgsqlDbType.Date) { Value = write.Today });
            p.Add(new NpgsqlParameter("expected", NpgsqlDbType.Integer) { Value = write.ExpectedVersion is { } v ? v : DBNull.Value });
            if (insert)
            {
                p.Add(new NpgsqlParameter("id", NpgsqlDbType.Uuid) { Value = Guid.NewGuid() });
                p.Add(new NpgsqlParameter("answers", NpgsqlDbType.Text) { Value = write.AnswersJson });
            }
            batch.BatchCommands.Add(command);
        }
        var results = new int?[writes.Count];
        await using var reader = await batch.ExecuteReaderAsync(ct);
        for (var n = 0; n < writes.Count; n++)
        {
            if (await reader.ReadAsync(ct))
            {
                results[n] = reader.GetInt32(0);
            }
            await reader.NextResultAsync(ct);
        }
        return results;
    }
}
