using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Weerbaar.Web.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL 15 cluster: initdb + pg_ctl in a temporary directory on a free port, no system
/// service and no Docker. As root it runs the server as the 'postgres' user (PostgreSQL refuses root).
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private const string BinDir = "/usr/lib/postgresql/15/bin";
    private readonly string _dir;
    private readonly bool _asPostgresUser;

    public int Port { get; }

    private PostgresCluster(string dir, int port, bool asPostgresUser)
    {
        _dir = dir;
        Port = port;
        _asPostgresUser = asPostgresUser;
    }

    public string ConnectionString(string database)
        => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Include Error Detail=true";

    public static async Task<PostgresCluster> StartAsync()
    {
        if (!File.Exists(Path.Combine(BinDir, "initdb")))
        {
            throw new InvalidOperationException($"PostgreSQL 15 ontbreekt ({BinDir}); ./test.sh installeert het pakket 'postgresql'.");
        }
        var asPostgres = Environment.UserName == "root";
        var dir = Path.Combine(Path.GetTempPath(), "weerbaar-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        if (asPostgres)
        {
            await RunAsync("chown", ["postgres:postgres", dir], asPostgres: false);
        }
        var port = FreePort();
        var cluster = new PostgresCluster(dir, port, asPostgres);
        var data = Path.Combine(dir, "data");
        await cluster.Pg("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"]);
        await cluster.Pg("pg_ctl", ["-D", data, "-l", Path.Combine(dir, "server.log"), "-w", "-t", "60",
            "-o", $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200", "start"]);
        return cluster;
    }

    public async Task CreateDatabaseAsync(string name)
    {
        await using var conn = new Npgsql.NpgsqlConnection(ConnectionString("postgres"));
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"CREATE DATABASE \"{name}\"";
        await cmd.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Pg("pg_ctl", ["-D", Path.Combine(_dir, "data"), "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            try
            {
                Directory.Delete(_dir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private Task Pg(string tool, string[] args) => RunAsync(Path.Combine(BinDir, tool), args, _asPostgresUser);

    private static async Task RunAsync(string file, string[] args, bool asPostgres)
    {
        var psi = asPostgres
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", file, .. args])
            : new ProcessStartInfo(file, args);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} faalde ({process.ExitCode}): {await stderr}{await stdout}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
