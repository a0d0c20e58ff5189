using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Weerbaar.Web.Data;

namespace Weerbaar.Web.Tests.Durability;

/// <summary>
/// The built app as a child process (<c>dotnet Weerbaar.Web.dll</c>) on 127.0.0.1, so that a test can kill it with
/// SIGKILL and start it again on the same database. Settings go in as environment variables; stdout and stderr go to
/// a log file that a failing test prints.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    public const string AdminEmail = "beheerder@duurzaamheid.weerbaar.nl";
    public const string AdminPassword = "Duurzaam-wachtwoord-2026";

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logLock = new();

    public Uri BaseAddress { get; }
    public int ProcessId => _process.Id;
    public string LogFile { get; }

    /// <summary>The folder with Weerbaar.Web.dll and its runtimeconfig/deps files.</summary>
    public static string AppDirectory { get; } = FindAppDirectory();

    private AppProcess(Process process, StreamWriter log, string logFile, Uri baseAddress)
    {
        _process = process;
        _log = log;
        LogFile = logFile;
        BaseAddress = baseAddress;
    }

    /// <summary>Starts the app and waits until GET /health answers 200.</summary>
    public static async Task<AppProcess> StartAsync(DatabaseProvider provider, string connectionString, string dataDirectory, string logFile, TimeSpan healthTimeout)
    {
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var psi = new ProcessStartInfo(DotnetHost(), ["exec", Path.Combine(AppDirectory, "Weerbaar.Web.dll"), "--urls", baseAddress.ToString().TrimEnd('/')])
        {
            WorkingDirectory = AppDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Nothing of the test host's own ASP.NET Core or Weerbaar settings may leak into the child.
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("Weerbaar__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
            || k.Equals("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            psi.Environment.Remove(key);
        }
        foreach (var (key, value) in Settings(provider, connectionString, dataDirectory))
        {
            psi.Environment[key] = value;
        }

        var log = new StreamWriter(new FileStream(logFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        await log.WriteLineAsync($"==== {DateTime.UtcNow:O} start {psi.FileName} {string.Join(' ', psi.ArgumentList)} ({provider})");
        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        var app = new AppProcess(process, log, logFile, baseAddress);
        process.OutputDataReceived += (_, e) => app.Log(e.Data);
        process.ErrorDataReceived += (_, e) => app.Log(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await app.WaitHealthyAsync(healthTimeout);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    private static Dictionary<string, string> Settings(DatabaseProvider provider, string connectionString, string dataDirectory) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Weerbaar__Database__Provider"] = provider.ToString(),
        ["ConnectionStrings__Weerbaar"] = connectionString,
        ["Weerbaar__DataDirectory"] = dataDirectory,
        ["Weerbaar__Demo__Seed"] = "false",
        ["Weerbaar__Admin__Email"] = AdminEmail,
        ["Weerbaar__Admin__Password"] = AdminPassword,
        ["Weerbaar__Accounts__LoginRequestsPerMinute"] = "100000",
        // All clients come from 127.0.0.1; the per-address limit of the respondent links would refuse them.
        ["Weerbaar__Scan__RespondentRequestsPerMinute"] = "100000000",
        ["Weerbaar__Map__TileUrl"] = "",
        ["Weerbaar__DataProtection__AllowUnencryptedKeys"] = "true",
        ["Weerbaar__Scan__ReminderIntervalMinutes"] = "0",
        ["Weerbaar__Jobs__Enabled"] = "false",
        ["Weerbaar__Programme__Digest__IntervalMinutes"] = "0",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    /// <summary>
    /// SIGKILL: Process.Kill() without the process tree sends SIGKILL on Unix, so the app gets no chance to finish
    /// anything. Returns the exit code (128 + 9 = 137 when the signal killed it).
    /// </summary>
    public async Task<int> KillAsync()
    {
        Log($"==== {DateTime.UtcNow:O} SIGKILL {_process.Id}");
        _process.Kill();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public static string LogTail(string logFile, int lines = 80)
    {
        using var stream = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var all = reader.ReadToEnd().Split('\n');
        return string.Join('\n', all.TakeLast(lines));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await _process.WaitForExitAsync(timeout.Token);
            }
        }
        catch (InvalidOperationException)
        {
            // never started
        }
        finally
        {
            _process.Dispose();
            lock (_logLock)
            {
                _log.Dispose();
            }
        }
    }

    private void Log(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_logLock)
        {
            try
            {
                _log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var watch = Stopwatch.StartNew();
        string last = "no answer yet";
        while (watch.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app stopped with exit code {_process.ExitCode} before /health answered.\n{LogTail(LogFile)}");
            }
            try
            {
                using var response = await http.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
                last = $"{(int)response.StatusCode}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                last = ex.GetType().Name;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"GET {BaseAddress}health did not answer 200 within {timeout.TotalSeconds:F0} s (last: {last}).\n{LogTail(LogFile)}");
    }

    /// <summary>
    /// The test project references Weerbaar.Web, so the build copies the app next to the test assembly; when that copy
    /// lacks its runtimeconfig/deps files, the app's own output src/Weerbaar.Web/bin/&lt;Configuration&gt;/&lt;tfm&gt;/ is used.
    /// </summary>
    private static string FindAppDirectory()
    {
        var here = AppContext.BaseDirectory;
        if (IsApp(here))
        {
            return here;
        }
        var tfm = new DirectoryInfo(here.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = tfm.Parent?.Name ?? "Debug";
        for (var dir = tfm; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Weerbaar.slnx")))
            {
                var candidate = Path.Combine(dir.FullName, "src", "Weerbaar.Web", "bin", configuration, tfm.Name);
                return IsApp(candidate)
                    ? candidate
                    : throw new InvalidOperationException($"Weerbaar.Web.dll with its runtimeconfig and deps files is neither in {here} nor in {candidate}: build the solution first.");
            }
        }
        throw new InvalidOperationException($"Weerbaar.Web.dll with its runtimeconfig and deps files is not in {here}, and no Weerbaar.slnx was found above it.");
    }

    private static bool IsApp(string dir)
        => File.Exists(Path.Combine(dir, "Weerbaar.Web.dll"))
            && File.Exists(Path.Combine(dir, "Weerbaar.Web.runtimeconfig.json"))
            && File.Exists(Path.Combine(dir, "Weerbaar.Web.deps.json"));

    /// <summary>The dotnet host that runs these tests (testhost runs under it), else DOTNET_HOST_PATH, else dotnet on the PATH.</summary>
    private static string DotnetHost()
    {
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet")
        {
            return current;
        }
        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
