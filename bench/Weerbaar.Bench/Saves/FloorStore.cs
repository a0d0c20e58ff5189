namespace Weerbaar.Bench.Saves;

/// <summary>
/// The floor's storage: one table of (token, part, answers JSON, version) written through a single connection, one
/// statement at a time, each committed (durably, as the database is configured) before the save is answered.
/// Two implementations: SQLite and PostgreSQL.
/// </summary>
public interface IFloorStore : IAsyncDisposable
{
    /// <summary>What the floor stores in, for the report.</summary>
    string Describe();

    /// <summary>Inserts or replaces the answers of one part and returns its new version (1 for the first save).</summary>
    Task<int> UpsertAsync(string token, int part, string answersJson, CancellationToken ct);

    /// <summary>Upserts several saves in one transaction (one commit for all) and returns their new versions in order.</summary>
    Task<int[]> UpsertBatchAsync(IReadOnlyList<FloorSave> saves, CancellationToken ct);

    /// <summary>Every stored row, for the check after the run.</summary>
    Task<IReadOnlyList<FloorRow>> ReadAllAsync(CancellationToken ct);
}

public sealed record FloorSave(string Token, int Part, string AnswersJson);

public sealed record FloorRow(string Token, int Part, string AnswersJson, int Version);
