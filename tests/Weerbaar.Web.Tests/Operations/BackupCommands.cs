namespace Weerbaar.Web.Tests.Operations;

/// <summary>
/// The backup and restore commands of docs/operations.md ("Backups and restore"), word for word: the tests run exactly
/// these lines in a shell, and <see cref="OperationsDocTests"/> fails when the document no longer quotes one of them.
/// </summary>
public static class BackupCommands
{
    /// <summary>Where the operations guide lives, relative to the repository root.</summary>
    public const string Document = "docs/operations.md";

    /// <summary>PostgreSQL, online: a consistent snapshot while every node keeps running (PGHOST, PGPORT, PGUSER set).</summary>
    public const string PostgresBackup = "pg_dump --format=custom --file=weerbaar.dump weerbaar";

    /// <summary>PostgreSQL restore, step 1: a new, empty database owned by the role the app connects with.</summary>
    public const string PostgresCreateDatabase = "createdb --template=template0 --owner=weerbaar weerbaar_restored";

    /// <summary>PostgreSQL restore, step 2: everything from the dump, owned by the app's role; stops at the first error.</summary>
    public const string PostgresRestore = "pg_restore --exit-on-error --no-owner --role=weerbaar --dbname=weerbaar_restored weerbaar.dump";

    /// <summary>The SQL of the SQLite backup: a consistent copy while the app runs (readers and the writer go on).</summary>
    public const string SqliteBackupStatement = "VACUUM INTO 'weerbaar-backup.db'";

    /// <summary>SQLite, online, in the data directory.</summary>
    public const string SqliteBackup = "sqlite3 weerbaar.db \"" + SqliteBackupStatement + "\"";

    /// <summary>SQLite restore with the app stopped, in the data directory: the old write-ahead log must not survive.</summary>
    public const string SqliteRestore = "rm -f weerbaar.db-wal weerbaar.db-shm && cp weerbaar-backup.db weerbaar.db";

    public static IReadOnlyList<string> All { get; } =
        [PostgresBackup, PostgresCreateDatabase, PostgresRestore, SqliteBackup, SqliteRestore];
}
