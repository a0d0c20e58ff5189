namespace Weerbaar.Web.Tests.Operations;

/// <summary>A fresh SQLite database in a temporary folder for a test that runs an app of its own; deleted afterwards.</summary>
internal sealed class OwnHost : IDisposable
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "weerbaar-ownhost-" + Guid.NewGuid().ToString("N")[..8]);

    public OwnHost() => System.IO.Directory.CreateDirectory(Directory);

    public string SqliteConnectionString => $"Data Source={Path.Combine(Directory, "weerbaar.db")}";

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
