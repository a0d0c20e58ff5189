using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using Weerbaar.Web.Data;
using Weerbaar.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Weerbaar.Web.Tests.Operations;

/// <summary>
/// docs/operations.md, "Backups and restore", done as an operator would: a running installation with data is backed up
/// online with the documented command, a change after the backup is made, the backup is restored with the documented
/// commands, and the app started on the restored database passes the smoke check and does not hold the later change.
/// </summary>
public abstract class BackupRestoreTests(ITestOutputHelper output) : IAsyncLifetime
{
    protected string Directory { get; } = Path.Combine(Path.GetTempPath(), "weerbaar-backup-" + Guid.NewGuid().ToString("N")[..8]);

    protected abstract string Gemeente { get; }
    protected abstract string GemeenteName { get; }

    /// <summary>An empty database for the installation; its data directory is <see cref="Directory"/>.</summary>
    protected abstract Task<(DatabaseProvider Provider, string ConnectionString)> InstallAsync();

    /// <summary>Takes the backup while the app runs.</summary>
    protected abstract Task BackupAsync();

    /// <summary>Restores the backup (the app is stopped) and returns the connection string of the restored database.</summary>
    protected abstract Task<string> RestoreAsync();

    /// <summary>The size of the backup file the documented command wrote.</summary>
    protected abstract long BackupFileBytes();

    [Fact]
    public async Task A_backup_restored_with_the_documented_commands_passes_the_smoke_check()
    {
        var (provider, connectionString) = await InstallAsync();
        SmokeCheck.Seeded seeded;
        const string afterBackup = "Gebouw na de back-up";
        await using (var app = new WeerbaarFactory(provider, connectionString, Directory))
        {
            seeded = await SmokeCheck.SeedAsync(app, Gemeente, GemeenteName);
            var watch = Stopwatch.StartNew();
            await BackupAsync();
            output.WriteLine($"backup: {watch.ElapsedMilliseconds} ms");
            var later = await SmokeCheck.Bearer(app, seeded.BearerToken).PostAsJsonAsync($"/api/v1/gemeenten/{Gemeente}/noodsteunpunten", new { name = afterBackup });
            Assert.Equal(HttpStatusCode.Created, later.StatusCode);
        }
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();

        var restoreWatch = Stopwatch.StartNew();
        var restored = await RestoreAsync();
        output.WriteLine($"restore: {restoreWatch.ElapsedMilliseconds} ms; backup file {BackupFileBytes() / 1024 / 1024.0:F1} MB");
        var logs = new CapturedLogs();
        await using var restoredApp = new WeerbaarFactory(provider, restored, Directory, logs: logs);
        _ = restoredApp.Server;
        var loud = logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning).ToList();
        Assert.True(loud.Count == 0, "The start on the restored database logged: " + string.Join(" | ", loud.Select(e => $"{e.Level} {e.Category}: {e.Message}")));
        await SmokeCheck.RunAsync(restoredApp, seeded);
        var names = await SmokeCheck.NoodsteunpuntNamesAsync(restoredApp, seeded);
        Assert.Equal([seeded.Noodsteunpunt], names);
        Assert.DoesNotContain(afterBackup, names);
    }

    /// <summary>Runs one documented command line in a shell in <see cref="Directory"/>, as an operator would type it.</summary>
    protected async Task ShellAsync(string commandLine, IReadOnlyDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo("/bin/sh", ["-c", commandLine])
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[key] = value;
        }
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = (await stderr) + (await stdout);
        output.WriteLine($"$ {commandLine}\n{text}");
        Assert.True(process.ExitCode == 0, $"'{commandLine}' ended with {process.ExitCode}: {text}");
    }

    public Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        return Task.CompletedTask;
    }

    public virtual Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
        return Task.CompletedTask;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteBackupRestoreTests(ITestOutputHelper output) : BackupRestoreTests(output)
{
    protected override string Gemeente => "GM0230";
    protected override string GemeenteName => "Elburg";

    private string ConnectionString => $"Data Source={Path.Combine(Directory, "weerbaar.db")}";

    protected override Task<(DatabaseProvider, string)> InstallAsync() => Task.FromResult((DatabaseProvider.Sqlite, ConnectionString));

    protected override async Task BackupAsync()
    {
        if (File.Exists("/usr/bin/sqlite3"))
        {
            await ShellAsync(BackupCommands.SqliteBackup);
            return;
        }
        // Without the sqlite3 program the same statement runs through the app's own driver.
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = BackupCommands.SqliteBackupStatement;
        await command.ExecuteNonQueryAsync();
    }

    protected override async Task<string> RestoreAsync()
    {
        await ShellAsync(BackupCommands.SqliteRestore);
        return ConnectionString;
    }

    protected override long BackupFileBytes() => new FileInfo(Path.Combine(Directory, "weerbaar-backup.db")).Length;
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresBackupRestoreTests(ITestOutputHelper output) : BackupRestoreTests(output)
{
    /// <summary>The client programs of the PostgreSQL 15 that <see cref="PostgresCluster"/> runs, first on the PATH.</summary>
    private const string PostgresBin = "/usr/lib/postgresql/15/bin";

    private PostgresCluster? _cluster;

    protected override string Gemeente => "GM0232";
    protected override string GemeenteName => "Epe";

    private PostgresCluster Cluster => _cluster ?? throw new InvalidOperationException("Cluster niet gestart.");

    /// <summary>The environment the documented commands expect: which server, as which (super)user.</summary>
    private Dictionary<string, string> Environment => new()
    {
        ["PGHOST"] = "127.0.0.1",
        ["PGPORT"] = Cluster.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["PGUSER"] = "postgres",
        ["PATH"] = PostgresBin + ":" + System.Environment.GetEnvironmentVariable("PATH"),
    };

    /// <summary>The app connects as its own role 'weerbaar', owner of its database, not as a superuser.</summary>
    private string AppConnectionString(string database)
        => new NpgsqlConnectionStringBuilder(Cluster.ConnectionString(database)) { Username = "weerbaar" }.ConnectionString;

    protected override async Task<(DatabaseProvider, string)> InstallAsync()
    {
        // A cluster of its own, so the databases carry the names the document uses.
        _cluster = await PostgresCluster.StartAsync();
        await using var connection = new NpgsqlConnection(Cluster.ConnectionString("postgres"));
        await connection.OpenAsync();
        foreach (var sql in new[] { "CREATE ROLE weerbaar LOGIN", "CREATE DATABASE weerbaar OWNER weerbaar" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
        return (DatabaseProvider.Postgres, AppConnectionString("weerbaar"));
    }

    protected override Task BackupAsync() => ShellAsync(BackupCommands.PostgresBackup, Environment);

    protected override async Task<string> RestoreAsync()
    {
        await ShellAsync(BackupCommands.PostgresCreateDatabase, Environment);
        await ShellAsync(BackupCommands.PostgresRestore, Environment);
        return AppConnectionString("weerbaar_restored");
    }

    protected override long BackupFileBytes() => new FileInfo(Path.Combine(Directory, "weerbaar.dump")).Length;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
