using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Weerbaar.Bench.Http;

/// <summary>
/// A second opinion from Debian's <c>hey</c> (a separate Go process) against the same 127.0.0.1 server,
/// bounded by <c>-z</c> and killed if it overruns.
/// </summary>
public static class HeyCrossCheck
{
    public static async Task<string?> RunAsync(Uri url, string token, int clients, int seconds)
    {
        if (!IPAddress.TryParse(url.Host, out var ip) || !IPAddress.IsLoopback(ip))
        {
            throw new InvalidOperationException($"Refusing to load-test {url}: only 127.0.0.1 is allowed.");
        }
        var hey = FindOnPath("hey");
        if (hey is null)
        {
            return null;
        }
        var start = new ProcessStartInfo(hey)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-z", $"{seconds}s", "-c", clients.ToString(CultureInfo.InvariantCulture), "-H", $"Authorization: Bearer {token}", url.ToString() })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("hey did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds + 60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("hey overran its time limit and was stopped.");
        }
        return $"$ hey -z {seconds}s -c {clients} -H \"Authorization: Bearer <token>\" {url}\n{(await stdout).Trim()}\n{(await stderr).Trim()}".Trim();
    }

    private static string? FindOnPath(string name)
        => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
