using Microsoft.Playwright;

namespace Weerbaar.Web.Features.Scan.Report.Pdf;

/// <summary>
/// One headless Chromium for the whole app, started on first use (the Debian package, never a Playwright download)
/// and started again when it died. Every job gets its own browser context; at most two print at once.
/// </summary>
public sealed class ChromiumHost(IConfiguration configuration, ILogger<ChromiumHost> logger) : IAsyncDisposable, IDisposable
{
    public const string DefaultPath = "/usr/bin/chromium";
    public const int MaxConcurrentJobs = 2;

    // The same switches the E2E tests use; --no-sandbox only where the sandbox cannot work (running as root).
    private static readonly string[] Arguments =
    [
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    private readonly SemaphoreSlim _jobs = new(MaxConcurrentJobs, MaxConcurrentJobs);
    private readonly SemaphoreSlim _launch = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private bool _disposed;
    private volatile bool _launchFailed;

    public string ExecutablePath => configuration["Weerbaar:Report:ChromiumPath"] is { Length: > 0 } path ? path : DefaultPath;

    /// <summary>The browser is started and connected (it starts on the first print, not with the app).</summary>
    public bool IsRunning => _browser is { IsConnected: true };

    /// <summary>The last start failed and none has succeeded since; the next print tries again.</summary>
    public bool LastStartFailed => _launchFailed;

    /// <summary>Runs <paramref name="job"/> on a fresh page in its own context (no JavaScript, no network).</summary>
    /// <exception cref="ChromiumUnavailableException">Chromium is missing, does not start or fails during the job.</exception>
    public async Task<T> RunAsync<T>(Func<IPage, Task<T>> job, CancellationToken ct)
    {
        await _jobs.WaitAsync(ct);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var browser = await BrowserAsync(ct);
                try
                {
                    var (context, page) = await TakeSpareAsync(browser) ?? await NewPageAsync(browser);
                    try
                    {
                        return await job(page);
                    }
                    finally
                    {
                        await DisposeQuietlyAsync(context);
                        PrepareSpare(browser);
                    }
                }
                catch (PlaywrightException e) when (!browser.IsConnected && attempt == 1)
                {
                    logger.LogWarning(e, "Chromium is weggevallen; opnieuw starten.");
                }
                catch (PlaywrightException e)
                {
                    throw new ChromiumUnavailableException("Chromium faalde tijdens het afdrukken.", e);
                }
            }
        }
        finally
        {
            _jobs.Release();
        }
    }

    // A new context starts a renderer process, the slowest step of a warm print: keep one ready for the next job.
    // Each context still serves one job only.
    private Task<(IBrowserContext Context, IPage Page)?>? _spare;

    private static async Task<(IBrowserContext Context, IPage Page)> NewPageAsync(IBrowser browser)
    {
        // The report is self-contained: anything it would fetch (an image in a narrative) is not fetched.
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, Offline = true });
        try
        {
            return (context, await context.NewPageAsync());
        }
        catch
        {
            await context.DisposeAsync();
            throw;
        }
    }

    private async Task<(IBrowserContext Context, IPage Page)?> TakeSpareAsync(IBrowser browser)
    {
        if (Interlocked.Exchange(ref _spare, null) is not { } task || await task is not { } spare)
        {
            return null;
        }
        if (spare.Context.Browser == browser && browser.IsConnected && !spare.Page.IsClosed)
        {
            return spare;
        }
        await DisposeQuietlyAsync(spare.Context);
        return null;
    }

    private void PrepareSpare(IBrowser browser)
    {
        if (_disposed || !browser.IsConnected || Volatile.Read(ref _spare) is not null)
        {
            return;
        }
        var task = PrepareAsync();
        if (Interlocked.CompareExchange(ref _spare, task, null) is not null)
        {
            _ = DiscardAsync(task);
        }

        static async Task DiscardAsync(Task<(IBrowserContext Context, IPage Page)?> extra)
        {
            if (await extra is { } unused)
            {
                await DisposeQuietlyAsync(unused.Context);
            }
        }

        async Task<(IBrowserContext Context, IPage Page)?> PrepareAsync()
        {
            try
            {
                return await NewPageAsync(browser);
            }
            catch (Exception e)
            {
                logger.LogDebug(e, "Reservepagina niet gemaakt.");
                return null;
            }
        }
    }

    private static async Task DisposeQuietlyAsync(IBrowserContext context)
    {
        try
        {
            await context.DisposeAsync();
        }
        catch (PlaywrightException)
        {
        }
    }

    private async Task<IBrowser> BrowserAsync(CancellationToken ct)
    {
        if (_browser is { IsConnected: true } running)
        {
            return running;
        }
        await _launch.WaitAsync(ct);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_browser is { IsConnected: true } started)
            {
                return started;
            }
            if (_browser is not null)
            {
                await _browser.DisposeAsync();
                _browser = null;
            }
            var path = ExecutablePath;
            if (!File.Exists(path))
            {
                _launchFailed = true;
                throw new ChromiumUnavailableException($"Chromium ontbreekt op {path} (instelling Weerbaar:Report:ChromiumPath).");
            }
            try
            {
                _playwright ??= await Playwright.CreateAsync();
                _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = path,
                    Headless = true,
                    Args = Environment.UserName == "root" ? [.. Arguments, "--no-sandbox"]
                        : Arguments,
                });
                logger.LogInformation("Chromium {Version} gestart ({Path}).", _browser.Version, path);
                _launchFailed = false;
                return _browser;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _launchFailed = true;
                throw new ChromiumUnavailableException($"Chromium op {path} start niet.", e);
            }
        }
        finally
        {
            _launch.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _launch.WaitAsync();
        try
        {
            _disposed = true;
            if (Interlocked.Exchange(ref _spare, null) is { } spare && await spare is { } prepared)
            {
                await DisposeQuietlyAsync(prepared.Context);
            }
            if (_browser is not null)
            {
                await _browser.DisposeAsync();
                _browser = null;
            }
            _playwright?.Dispose();
            _playwright = null;
        }
        finally
        {
            _launch.Release();
        }
    }

    /// <summary>For a container disposed synchronously: ending the Playwright driver ends the browser it started.</summary>
    public void Dispose()
    {
        _disposed = true;
        _playwright?.Dispose();
        _playwright = null;
    }
}
