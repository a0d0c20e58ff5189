using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Weerbaar.Bench.Scan;

/// <summary>
/// A throwaway PostgreSQL 15 cluster for one bench run, as tests/…/PostgresCluster.cs starts it (initdb + pg_ctl in
/// a temporary folder, 127.0.0.1 on a free port, as user 'postgres' when run as root), but with PostgreSQL's
/// durable defaults (fsync and synchronous_commit on): a save is on disk before the app answers, as with SQLite.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private const string BinDir = "/usr/lib/postgresql/15/bin";
    private readonly string _dir;
    private readonly bool _asPostgresUser;

    private ThrowawayPostgres(string dir, int port, bool asPostgresUser)
    {
        _dir = dir;
        Port = port;
        _asPostgresUser = asPostgresUser;
    }

    public int Port { get; }

    public string Version { get; private set; } = "";

    /// <summary>The app creates the database itself (EF Core migrations).</summary>
    public string ConnectionString(string database)
        => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true";

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        if (!File.Exists(Path.Combine(BinDir, "initdb")))
        {
            throw new InvalidOperationException($"PostgreSQL 15 is missing ({BinDir}); install the Debian package 'postgresql'.");
        }
        var asPostgres = Environment.UserName == "root";
        var dir = Path.Combine(Path.GetTempPath(), "weerbaar-bench-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        if (asPostgres)
        {
            await RunAsync("chown", ["postgres:postgres", dir], asPostgres: false);
        }
        var cluster = new ThrowawayPostgres(dir, FreePort(), asPostgres);
        var data = Path.Combine(dir, "data");
        await cluster.Pg("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"]);
        await cluster.Pg("pg_ctl", ["-D", data, "-l", Path.Combine(dir, "server.log"), "-w", "-t", "60",
            "-o", $"-p {cluster.Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={dir} -c max_connections=200", "start"]);
        cluster.Version = (await RunAsync(Path.Combine(BinDir, "postgres"), ["--version"], asPostgres: false)).Trim();
        return cluster;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Pg("pg_ctl", ["-D", Path.Combine(_dir, "data"), "-m", "fast", "-w", "-t", "60", "stop"]);
        }
        finally
        {
            Http.HttpLoadCommand.TryDelete(_dir);
        }
    }

    private Task<string> Pg(string tool, string[] args) => RunAsync(Path.Combine(BinDir, tool), args, _asPostgresUser);

    private static async Task<string> RunAsync(string file, string[] args, bool asPostgres)
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
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode == 0
            ? await stdout
            : throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}{await stdout}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
