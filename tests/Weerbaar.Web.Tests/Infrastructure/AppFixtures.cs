using Weerbaar.Web.Data;

namespace Weerbaar.Web.Tests.Infrastructure;

/// <summary>One running app per database provider, shared by the tests of a collection.</summary>
public abstract class AppFixture : IAsyncLifetime
{
    private WeerbaarFactory? _factory;
    public WeerbaarFactory Factory => _factory ?? throw new InvalidOperationException("Fixture niet gestart.");
    protected string TempDirectory { get; } = Path.Combine(Path.GetTempPath(), "weerbaar-test-" + Guid.NewGuid().ToString("N")[..8]);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(TempDirectory);
        var (provider, connectionString) = await CreateDatabaseAsync();
        _factory = new WeerbaarFactory(provider, connectionString, TempDirectory);
        _ = _factory.Server; // start the host: migrations, reference data, bootstrap admin
    }

    protected abstract Task<(DatabaseProvider, string)> CreateDatabaseAsync();

    public virtual async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(TempDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

public sealed class SqliteAppFixture : AppFixture
{
    protected override Task<(DatabaseProvider, string)> CreateDatabaseAsync()
        => Task.FromResult((DatabaseProvider.Sqlite, $"Data Source={Path.Combine(TempDirectory, "weerbaar.db")}"));
}

public sealed class PostgresAppFixture : AppFixture
{
    private PostgresCluster? _cluster;

    /// <summary>The running cluster, for a test that needs a database of its own (a first start on an empty one).</summary>
    public PostgresCluster Cluster => _cluster ?? throw new InvalidOperationException("Fixture niet gestart.");

    protected override async Task<(DatabaseProvider, string)> CreateDatabaseAsync()
    {
        _cluster = await PostgresCluster.StartAsync();
        await _cluster.CreateDatabaseAsync("weerbaar");
        return (DatabaseProvider.Postgres, _cluster.ConnectionString("weerbaar"));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Npgsql.NpgsqlConnection.ClearAllPools();
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteAppFixture>
{
    public const string Name = "SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresAppFixture>
{
    public const string Name = "PostgreSQL";
}
