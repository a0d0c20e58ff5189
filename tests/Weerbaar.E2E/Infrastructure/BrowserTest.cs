using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Weerbaar.E2E.Infrastructure;

/// <summary>Base for browser tests: fresh browser contexts per test, closed (and checked) after the test.</summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(AppAndBrowserFixture fixture) : IAsyncLifetime
{
    private readonly List<BrowserSession> _sessions = [];

    protected AppAndBrowserFixture Fixture => fixture;

    /// <summary>A new browser context; screenshots are named after the calling test.</summary>
    protected Task<BrowserSession> OpenBrowserAsync(ViewportSize? viewport = null, string? suffix = null, [CallerMemberName] string test = "")
        => OpenAsync(viewport, suffix is null ? test : $"{test}-{suffix}", storageState: null);

    /// <summary>
    /// A new browser context, logged in, on <paramref name="startPath"/>. The first login of a user goes through the
    /// login page; later tests start with that login's cookies (LoginTests test the login page itself).
    /// </summary>
    protected async Task<BrowserSession> LogInAsync(
        TestUser user, string startPath = "/", string pageName = "overzicht", ViewportSize? viewport = null, [CallerMemberName] string test = "")
    {
        var saved = fixture.SavedLogin(user);
        var session = await OpenAsync(viewport, test, saved);
        if (saved is null)
        {
            await session.LogInAsync(user, startPath, pageName);
            fixture.SaveLogin(user, await session.StorageStateAsync());
        }
        else
        {
            await session.GoToAsync(startPath, pageName);
        }
        await Assertions.Expect(session.Page.Locator(".site-user")).ToContainTextAsync(user.DisplayName);
        return session;
    }

    /// <summary>A new browser context that sends a bearer token (from the API login) with every request instead of a cookie.</summary>
    protected async Task<BrowserSession> OpenWithBearerTokenAsync(TestUser user, [CallerMemberName] string test = "")
    {
        var token = await fixture.BearerTokenAsync(user);
        return await OpenAsync(null, test, storageState: null, token);
    }

    private async Task<BrowserSession> OpenAsync(ViewportSize? viewport, string name, string? storageState, string? bearerToken = null)
    {
        var session = await BrowserSession.OpenAsync(fixture.Browser, fixture.BaseUrl, name, viewport, storageState, bearerToken);
        _sessions.Add(session);
        return session;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var session in _sessions)
        {
            await session.DisposeAsync();
        }
        foreach (var session in _sessions)
        {
            session.AssertEveryPageChecked();
        }
    }
}
