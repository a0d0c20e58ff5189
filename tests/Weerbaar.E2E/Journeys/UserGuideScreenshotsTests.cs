using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Weerbaar.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Weerbaar.E2E.Journeys;

/// <summary>
/// Makes the screenshots of the user guide (docs/gebruikershandleiding) from the running app, each page axe-checked,
/// then checks that the guide links exactly the images this run made. With WEERBAAR_GUIDE_SCREENSHOTS=1 the images
/// overwrite the committed ones; otherwise they go to TestResults/gebruikershandleiding/afbeeldingen.
/// </summary>
public sealed class UserGuideScreenshotsTests(AppAndBrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Utrecht = "GM0344";
    private const long MaxImageBytes = 250_000;
    private static readonly string GuideDirectory = Path.Combine(ScreenshotFolder.RepositoryRoot(), "docs", "gebruikershandleiding");

    private readonly List<string> _produced = [];
    private readonly List<string> _tooLarge = [];
    private string _imageDirectory = "";

    [Fact]
    public async Task The_guide_screenshots_come_from_the_app_and_every_image_the_guide_links_was_made()
    {
        _imageDirectory = Environment.GetEnvironmentVariable("WEERBAAR_GUIDE_SCREENSHOTS") == "1"
            ? Path.Combine(GuideDirectory, "afbeeldingen")
            : Path.Combine(ScreenshotFolder.RepositoryRoot(), "TestResults", "gebruikershandleiding", "afbeeldingen");
        Directory.CreateDirectory(_imageDirectory);
        await Fixture.EnsureFotoDataAsync();
        await Fixture.EnsureRiskAssessmentsAsync(Utrecht);
        var round = await Fixture.WithDbAsync(db => db.ScanRounds.IgnoreQueryFilters()
            .Where(r => r.CreatedBy == Weerbaar.Web.Features.Demo.DemoSeeder.DemoCreatedBy).Select(r => r.Id).SingleAsync());

        await ResearchTeamAsync(round);
        await CoordinatorAsync();
        await RegioAsync();

        Assert.True(_tooLarge.Count == 0, $"Afbeeldingen groter dan {MaxImageBytes:N0} bytes: {string.Join(", ", _tooLarge)}");
        var linked = LinkedImages();
        var missing = linked.Keys.Except(_produced).Select(i => $"{i} (in {string.Join(", ", linked[i])})").ToList();
        var unused = _produced.Except(linked.Keys).ToList();
        Assert.True(missing.Count == 0, "De handleiding linkt afbeeldingen die deze test niet maakte: " + string.Join("; ", missing));
        Assert.True(unused.Count == 0, "Deze test maakte afbeeldingen die geen pagina van de handleiding gebruikt: " + string.Join(", ", unused));
    }

    private async Task ResearchTeamAsync(Guid round)
    {
        var browser = await LogInAsync(TestUser.Admin, "/beheer/gebruikers", "gebruikers", test: "UserGuide-beheerder");
        await ShotAsync(browser, "gebruikers");
        await ShootAsync(browser, "/onderzoek/rondes", "scanronde-rondes");
        await ShootAsync(browser, "/onderzoek/rondes/nieuw", "scanronde-nieuwe-ronde");
        await ShootAsync(browser, $"/onderzoek/rondes/{round}/uitnodigingen", "scanronde-uitnodigingen");
        await ShootAsync(browser, $"/onderzoek/rondes/{round}", "scanronde-respons");
        await ShootAsync(browser, $"/onderzoek/rondes/{round}/rapport", "scanronde-rapport");
    }

    private async Task CoordinatorAsync()
    {
        var coordinator = TestUser.Coordinator(Utrecht);
        await Fixture.EnsureUserAsync(coordinator);
        var browser = await LogInAsync(coordinator, $"/gemeenten/{Utrecht}", "mijn-gemeente", test: "UserGuide-coordinator");
        var page = browser.Page;
        await ShotAsync(browser, "mijn-gemeente");
        var g = $"/gemeenten/{Utrecht}";
        await ShootAsync(browser, $"{g}/foto", "foto-kaart", async () =>
        {
            await Expect(page.Locator("#foto-kaart path.buurt-vlak")).ToHaveCountAsync(3);
            await page.GetByRole(AriaRole.Heading, new() { Name = "Kaart", Exact = true }).EvaluateAsync("h => h.scrollIntoView()");
        });
        await ShootAsync(browser, $"{g}/zelfredzaamheid", "foto-zelfredzaamheid");
        await ShootAsync(browser, $"{g}/scanpositie", "foto-scanpositie");
        await ShootAsync(browser, $"{g}/noodsteunpunten", "noodsteunpunten-register");
        await ShootAsync(browser, $"{g}/noodsteunpunten/dekking", "noodsteunpunten-dekking");
        await ShootAsync(browser, $"{g}/noodsteunpunten/locatiekeuze", "noodsteunpunten-locatiekeuze");
        await ShootAsync(browser, $"{g}/afwegingskader", "afwegingskader-overzicht");
        await ShootAsync(browser, $"{g}/afwegingskader/prioriteit", "afwegingskader-prioriteit");
        await ShootAsync(browser, $"{g}/schaarste", "afwegingskader-schaarste");
        await ShootAsync(browser, $"{g}/programma", "programmaplan-overzicht");
        await ShootAsync(browser, $"{g}/programma/voorstellen", "programmaplan-voorstellen");
        await ShootAsync(browser, $"{g}/programma/planning", "programmaplan-planning");
        await ShootAsync(browser, $"{g}/crisiskit", "crisiskit-overzicht");
        await ShootAsync(browser, $"{g}/crisiskit/uitgifte", "crisiskit-uitgifte");
        await ShootAsync(browser, $"{g}/crisiskit/contacten", "crisiskit-contacten");

        // The guide itself, reached through the app's own links: the header leads to the role's page, a task page's help
        // link to that task. Both pages (and the images they load) pass the same checks.
        await browser.FollowAsync(page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Handleiding" }), "handleiding-rol");
        Assert.Equal(browser.Url("/handleiding/rollen/coordinator").ToString(), page.Url);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Coördinator");
        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Handleiding", Exact = true }).Last, "handleiding-index");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Handleiding Weerbaar");
        await browser.GoToAsync($"{g}/crisiskit", "crisiskit-hulp");
        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Hulp bij deze pagina" }), "handleiding-crisiskit");
        Assert.Equal(browser.Url("/handleiding/taken/crisiskit").ToString(), page.Url);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("De crisiskit maken");
    }

    private async Task RegioAsync()
    {
        var regio = TestUser.Regio("VR09");
        await Fixture.EnsureUserAsync(regio);
        var browser = await LogInAsync(regio, "/noodsteunpunten", "regio-noodsteunpunten", test: "UserGuide-regio");
        await ShotAsync(browser, "regio-noodsteunpunten");
    }

    /// <summary>Opens a page (checked with axe like every journey page) and saves its screenshot for the guide.</summary>
    private async Task ShootAsync(BrowserSession browser, string path, string name, Func<Task>? ready = null)
    {
        await browser.GoToAsync(path, name);
        if (ready is not null)
        {
            await ready();
        }
        await ShotAsync(browser, name);
    }

    /// <summary>The viewport (1280×800) as PNG under a fixed name.</summary>
    private async Task ShotAsync(BrowserSession browser, string name)
    {
        var file = Path.Combine(_imageDirectory, name + ".png");
        await browser.Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, Type = ScreenshotType.Png, FullPage = false, Animations = ScreenshotAnimations.Disabled });
        var size = new FileInfo(file).Length;
        if (size >= MaxImageBytes)
        {
            _tooLarge.Add($"{name}.png ({size:N0} bytes)");
        }
        _produced.Add(name + ".png");
    }

    /// <summary>Every image each Markdown page of the guide links (file name → pages), each with an alt text.</summary>
    private static Dictionary<string, List<string>> LinkedImages()
    {
        var linked = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var withoutAlt = new List<string>();
        foreach (var file in Directory.EnumerateFiles(GuideDirectory, "*.md", SearchOption.AllDirectories))
        {
            var page = Path.GetRelativePath(GuideDirectory, file);
            foreach (var image in Markdown.Parse(File.ReadAllText(file)).Descendants<LinkInline>().Where(l => l.IsImage))
            {
                var name = Path.GetFileName(image.Url ?? "");
                if (!linked.TryGetValue(name, out var pages))
                {
                    linked[name] = pages = [];
                }
                pages.Add(page);
                if (string.IsNullOrWhiteSpace(string.Concat(image.Descendants<LiteralInline>().Select(l => l.Content.ToString()))))
                {
                    withoutAlt.Add($"{page}: {name}");
                }
            }
        }
        Assert.True(withoutAlt.Count == 0, "Afbeeldingen zonder alt-tekst: " + string.Join(", ", withoutAlt));
        return linked;
    }
}
