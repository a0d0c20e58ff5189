using Microsoft.Playwright;
using Weerbaar.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Weerbaar.E2E.Journeys;

/// <summary>
/// The crisis kit page, and a noodsteunpunt pack as the volunteer gets it on a USB stick: opened from a file:// URL in a
/// browser with no network and no server to ask, readable, and axe-clean.
/// </summary>
public sealed class CrisisKitTests(AppAndBrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Utrecht = "GM0344";
    private const string Point = "Buurthuis Lunetten (demo)";

    [Fact]
    public async Task Coordinator_downloads_a_pack_that_opens_offline_from_a_file()
    {
        await Fixture.EnsureFotoDataAsync();
        var coordinator = TestUser.Coordinator(Utrecht);
        await Fixture.EnsureUserAsync(coordinator);
        var browser = await LogInAsync(coordinator, $"/gemeenten/{Utrecht}/crisiskit", "crisiskit");
        var page = browser.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Crisiskit: Utrecht");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Noodsteunpunten met hun pack" })).ToContainTextAsync(Point);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = $"offline HTML van {Point}", Exact = true }).ClickAsync());
        Assert.Equal("noodsteunpunt-buurthuis-lunetten-demo.html", download.SuggestedFilename);
        await OpenOfflineAsync(download, "pack offline", async pack =>
        {
            await Expect(pack.GetByRole(AriaRole.Heading, new() { Level = 1, Name = $"Noodsteunpunt {Point}" })).ToBeVisibleAsync();
            await Expect(pack.GetByRole(AriaRole.Table, new() { Name = "Buurten in het verzorgingsgebied" })).ToBeVisibleAsync();
            await Expect(pack.GetByRole(AriaRole.Img, new() { Name = $"Noodsteunpunt {Point}: verzorgingsgebied" })).ToBeVisibleAsync();
            await Expect(pack.GetByRole(AriaRole.Table, new() { Name = "Logboek (in te vullen)" })).ToBeVisibleAsync();
        });

        var pdf = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = $"PDF van {Point}", Exact = true }).ClickAsync());
        Assert.Equal("noodsteunpunt-buurthuis-lunetten-demo.pdf", pdf.SuggestedFilename);
        await browser.CheckPageAsync("crisiskit-na-download");

        // Handing it out makes version 1; the row then offers that version and says it is current.
        await browser.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = $"Versie maken van het pack van {Point}" }), "crisiskit-versie-gemaakt");
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Versie 1 van het pack is gemaakt");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = Point, Exact = true }) });
        await Expect(row).ToContainTextAsync("Versie 1 van");
        await Expect(row.GetByRole(AriaRole.Cell).Last).ToHaveTextAsync("ja");
        var handedOut = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = $"PDF van versie 1 van {Point}", Exact = true }).ClickAsync());
        Assert.Equal("noodsteunpunt-buurthuis-lunetten-demo-versie-1.pdf", handedOut.SuggestedFilename);
    }

    [Fact]
    public async Task Coordinator_downloads_the_crisis_team_pack_that_opens_offline_and_hands_it_out()
    {
        await Fixture.EnsureFotoDataAsync();
        var coordinator = TestUser.Coordinator(Utrecht);
        await Fixture.EnsureUserAsync(coordinator);
        var browser = await LogInAsync(coordinator, $"/gemeenten/{Utrecht}/crisiskit", "crisiskit-crisisteam");
        var page = browser.Page;
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "offline HTML van het crisisteampack", Exact = true }).ClickAsync());
        Assert.Equal("crisisteam-utrecht.html", download.SuggestedFilename);
        await OpenOfflineAsync(download, "crisisteampack offline", async pack =>
        {
            await Expect(pack.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Crisisteam Utrecht" })).ToBeVisibleAsync();
            await Expect(pack.GetByRole(AriaRole.Img, new() { Name = "Utrecht: noodsteunpunten en hun verzorgingsgebieden" })).ToBeVisibleAsync();
            await Expect(pack.GetByRole(AriaRole.Table, new() { Name = "Noodsteunpunten (het nummer staat ook op de kaart)" })).ToContainTextAsync(Point);
            await Expect(pack.GetByRole(AriaRole.Table, new() { Name = "Kwetsbare locaties, wie het eerst in de problemen komt bovenaan" })).ToBeVisibleAsync();
            // The contents are links within the file, usable with the keyboard.
            await pack.GetByRole(AriaRole.Link, new() { Name = "Wie bel je" }).FocusAsync();
            await pack.Keyboard.PressAsync("Enter");
            Assert.EndsWith("#contacten", pack.Url, StringComparison.Ordinal);
        });

        await browser.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Versie maken van het crisisteampack" }), "crisiskit-crisisteam-versie");
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Versie 1 van het pack is gemaakt");
        var handedOut = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "PDF van versie 1 van het crisisteampack", Exact = true }).ClickAsync());
        Assert.Equal("crisisteam-utrecht-versie-1.pdf", handedOut.SuggestedFilename);
    }

    /// <summary>Saves a download and opens it from a file:// URL in a browser context with the network off; any request out fails the test.</summary>
    private async Task OpenOfflineAsync(IDownload download, string name, Func<IPage, Task> check)
    {
        var file = Path.Combine(Path.GetTempPath(), $"weerbaar-pack-{Guid.NewGuid():N}.html");
        await download.SaveAsAsync(file);
        try
        {
            await using var offline = await Fixture.Browser.NewContextAsync(new() { Offline = true, Locale = "nl-NL" });
            var requests = new List<string>();
            await offline.RouteAsync("**/*", async route =>
            {
                if (route.Request.Url.StartsWith("file:", StringComparison.Ordinal))
                {
                    await route.ContinueAsync();
                    return;
                }
                requests.Add(route.Request.Url);
                await route.AbortAsync();
            });
            var pack = await offline.NewPageAsync();
            await pack.GotoAsync(new Uri(file).AbsoluteUri);
            await check(pack);
            await AccessibilityCheck.AssertNoViolationsAsync(pack, name);
            Assert.Empty(requests);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_lezer_makes_all_packs_as_one_zip_and_sees_its_progress_and_download()
    {
        await Fixture.EnsureFotoDataAsync();
        var lezer = TestUser.Lezer(Utrecht);
        await Fixture.EnsureUserAsync(lezer);
        var browser = await LogInAsync(lezer, $"/gemeenten/{Utrecht}/crisiskit", "crisiskit-lezer");
        var page = browser.Page;
        await browser.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Alle packs als ZIP maken" }), "crisiskit-zip-gestart");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Voortgang van het ZIP-bestand" })).ToBeVisibleAsync();
        // job-poll.js reloads the page when the job ends; then the download link is there.
        var link = page.GetByRole(AriaRole.Link, new() { Name = "Download het ZIP-bestand met alle packs" });
        await Expect(link).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await Expect(page.Locator("[data-job-field='status']")).ToHaveTextAsync("Klaar");
        await browser.CheckPageAsync("crisiskit-zip-klaar");
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Matches(@"^crisiskit-utrecht-\d{4}-\d{2}-\d{2}\.zip$", download.SuggestedFilename);
    }
}
