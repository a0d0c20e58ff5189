using Microsoft.Playwright;

namespace Weerbaar.E2E.Infrastructure;

/// <summary>Starts the Debian chromium package; Playwright never downloads a browser of its own here.</summary>
public static class ChromiumLauncher
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} ontbreekt; installeer het pakket met 'apt-get install -y chromium' (./test.sh doet dat).");
        }
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Arguments,
        });
    }
}
