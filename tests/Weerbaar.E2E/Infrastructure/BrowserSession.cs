using Microsoft.Playwright;

namespace Weerbaar.E2E.Infrastructure;

/// <summary>
/// One test's browser context and page. Every page the test reaches is screenshotted and checked with axe-core
/// (<see cref="CheckPageAsync"/>); what the page loads must load and its scripts may not throw (<see cref="PageWatcher"/>).
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly Uri _baseUrl;
    private readonly string _test;
    private readonly PageWatcher _watcher;
    private volatile TaskCompletionSource? _checking;

    private BrowserSession(IBrowserContext context, IPage page, Uri baseUrl, string test)
    {
        _context = context;
        _baseUrl = baseUrl;
        _test = test;
        _watcher = new PageWatcher(page);
        Page = page;
    }

    public IPage Page { get; }

    public static async Task<BrowserSession> OpenAsync(
        IBrowser browser, Uri baseUrl, string test, ViewportSize? viewport = null, string? storageState = null, string? bearerToken = null)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            Locale = "nl-NL",
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 800 },
            StorageState = storageState,
            ExtraHTTPHeaders = bearerToken is null ? null : new Dictionary<string, string> { ["Authorization"] = $"Bearer {bearerToken}" },
        });
        // Generous: the suite must also pass on a busy two-core build machine.
        context.SetDefaultTimeout(30_000);
        var session = new BrowserSession(context, await context.NewPageAsync(), baseUrl, test);
        await session.Page.RouteAsync("**/api/v1/jobs/*", session.HoldWhileCheckingAsync);
        return session;
    }

    /// <summary>
    /// A job page reloads itself when its poll sees the job move on; a reload in the middle of an axe run destroys
    /// the document under it. So a poll's answer waits until the check of the current document has finished.
    /// </summary>
    private async Task HoldWhileCheckingAsync(IRoute route)
    {
        var response = await route.FetchAsync();
        if (_checking is { } checking) await checking.Task;
        try
        {
            await route.FulfillAsync(new RouteFulfillOptions { Response = response });
        }
        catch (PlaywrightException)
        {
            // The page navigated away meanwhile; nobody waits for this answer.
        }
    }

    /// <summary>Opens a path, expects the HTTP status and checks the page.</summary>
    public async Task<IResponse> GoToAsync(string path, string pageName, int expectedStatus = 200)
    {
        var response = await Page.GotoAsync(path) ?? throw new InvalidOperationException($"Geen antwoord op {path}.");
        Assert.True(response.Status == expectedStatus, $"{path} gaf HTTP {response.Status}, verwacht {expectedStatus}.");
        await CheckPageAsync(pageName);
        return response;
    }

    /// <summary>Clicks a link or submit button that loads a new page, waits for it and checks it.</summary>
    public async Task FollowAsync(ILocator target, string pageName)
    {
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoaded(object? sender, IPage page) => loaded.TrySetResult();
        Page.DOMContentLoaded += OnLoaded;
        try
        {
            await target.ClickAsync();
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            Page.DOMContentLoaded -= OnLoaded;
        }
        await CheckPageAsync(pageName);
    }

    /// <summary>Saves a full-page screenshot, then fails on axe-core violations or resources that did not load.</summary>
    public async Task CheckPageAsync(string pageName)
    {
        var checking = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _checking = checking;
        try
        {
            await CheckCurrentPageAsync(pageName);
        }
        finally
        {
            _checking = null;
            checking.SetResult();
        }
    }

    private async Task CheckCurrentPageAsync(string pageName)
    {
        // The document's own state, polled: independent of which lifecycle events the driver saw and when.
        await Page.WaitForFunctionAsync("() => document.readyState === 'complete'", null, new PageWaitForFunctionOptions { PollingInterval = 50 });
        await ScreenshotAsync(pageName);
        var skipped = _watcher.CheckCurrentDocument();
        Assert.True(skipped.Count == 0, $"Pagina's zonder toegankelijkheidscontrole voor '{pageName}': {string.Join(", ", skipped)}");
        var problems = _watcher.TakeProblems();
        Assert.True(problems.Count == 0, $"Problemen op '{pageName}' ({Page.Url}):\n" + string.Join("\n", problems));
        await AccessibilityCheck.AssertNoViolationsAsync(Page, $"{_test}/{pageName}");
    }

    public Task ScreenshotAsync(string name)
        => Page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotFolder.For(_test, name), FullPage = true });

    /// <summary>
    /// Opens a page that needs a login, logs in on the login page it leads to and checks both pages.
    /// </summary>
    public async Task LogInAsync(TestUser user, string startPath, string pageName)
    {
        await GoToAsync(startPath, "inloggen");
        Assert.StartsWith(Url("/inloggen?ReturnUrl=").ToString(), Page.Url, StringComparison.Ordinal);
        await Page.GetByLabel("E-mailadres").FillAsync(user.Email);
        await Page.GetByLabel("Wachtwoord").FillAsync(user.Password);
        await FollowAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }), pageName);
        Assert.Equal(Url(startPath).ToString(), Page.Url);
    }

    public Task<string> StorageStateAsync() => _context.StorageStateAsync();

    public Uri Url(string path) => new(_baseUrl, path);

    /// <summary>The problems seen since the last check, taken away (for a test that provokes one on purpose).</summary>
    public IReadOnlyList<string> TakeProblems() => _watcher.TakeProblems();

    /// <summary>Fails when the last page loaded was never checked.</summary>
    public void AssertEveryPageChecked()
    {
        var missed = _watcher.UncheckedDocuments();
        Assert.True(missed.Count == 0, $"Pagina's zonder toegankelijkheidscontrole: {string.Join(", ", missed)}");
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();

}
