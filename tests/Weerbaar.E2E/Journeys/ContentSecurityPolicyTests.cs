using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Weerbaar.E2E.Infrastructure;
using Weerbaar.Web.Features.Demo;
using static Microsoft.Playwright.Assertions;

namespace Weerbaar.E2E.Journeys;

/// <summary>
/// The strict Content-Security-Policy in Chromium: the map, the charts, the report, the API reference and a
/// respondent page work under it, and nothing is refused. Every journey also fails on a refusal (PageWatcher reads
/// the console); this test listens to the securitypolicyviolation events themselves as well.
/// </summary>
public sealed class ContentSecurityPolicyTests(AppAndBrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Listener = """
        window.__cspViolations = [];
        document.addEventListener("securitypolicyviolation", e => window.__cspViolations.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + (e.sourceFile || "") + ":" + e.lineNumber));
        """;

    private static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
        => await page.EvaluateAsync<string[]>("() => window.__cspViolations || []");

    private static async Task AssertNoViolationsAsync(IPage page)
    {
        var violations = await ViolationsAsync(page);
        Assert.True(violations.Count == 0, $"CSP-schendingen op {page.Url}:\n" + string.Join("\n", violations));
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string message)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(10); !await condition(); await Task.Delay(100))
        {
            Assert.True(DateTime.UtcNow < deadline, message);
        }
    }

    [Fact]
    public async Task Map_charts_report_api_reference_and_respondent_page_run_without_a_refusal()
    {
        await Fixture.EnsureFotoDataAsync();
        var coordinator = TestUser.Coordinator("GM0344");
        await Fixture.EnsureUserAsync(coordinator);
        var browser = await LogInAsync(coordinator);
        var page = browser.Page;
        await page.AddInitScriptAsync(Listener);

        await browser.GoToAsync("/gemeenten/GM0344", "gemeente");
        await Expect(page.Locator("#kaart path").First).ToBeAttachedAsync();
        await AssertNoViolationsAsync(page);

        var response = await browser.GoToAsync("/gemeenten/GM0344/foto", "foto");
        var policy = await response.HeaderValueAsync("content-security-policy");
        Assert.Matches("^default-src 'self'; script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}'; style-src 'self'; ", policy);
        var map = page.Locator("#foto-kaart");
        await Expect(map).ToHaveClassAsync(new Regex("leaflet-container"));
        await Expect(map.Locator("path.buurt-vlak")).ToHaveCountAsync(3);
        // The legend colours are set through the style property (style attributes would be refused): they show.
        var swatch = map.Locator(".site-map-legend__swatch").First;
        Assert.NotEqual("rgba(0, 0, 0, 0)", await swatch.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        await AssertNoViolationsAsync(page);

        await browser.GoToAsync("/gemeenten/GM0344/scanpositie", "scanpositie");
        await AssertNoViolationsAsync(page);

        // The check works: an inline script without the nonce is refused and seen.
        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.__ran = true'; document.body.append(s); }");
        await EventuallyAsync(async () => (await ViolationsAsync(page)).Count >= 1, "Geen securitypolicyviolation voor een inline script.");
        Assert.Null(await page.EvaluateAsync<bool?>("() => window.__ran"));
        // The refusal also reached the console, where every journey watches for it.
        var problems = new List<string>();
        await EventuallyAsync(() =>
        {
            problems.AddRange(browser.TakeProblems());
            return Task.FromResult(problems.Any(p => p.StartsWith("CSP: ", StringComparison.Ordinal)));
        }, "De weigering staat niet in de console.");

        var research = await LogInAsync(TestUser.Admin, "/onderzoek/rondes", "rondes");
        await research.Page.AddInitScriptAsync(Listener);
        await Fixture.EnsureDemoRoundAsync();
        await research.FollowAsync(research.Page.GetByRole(AriaRole.Link, new() { Name = DemoSeeder.DemoRoundName }), "monitoring");
        await research.FollowAsync(research.Page.GetByRole(AriaRole.Navigation, new() { Name = "Onderdelen van de ronde" }).GetByRole(AriaRole.Link, new() { Name = "Rapport" }), "rapport");
        // The charts: server-rendered SVG, drawn with presentation attributes (no style attributes).
        Assert.True(await research.Page.Locator("svg").CountAsync() >= 3, "Geen grafieken in het rapport.");
        await AssertNoViolationsAsync(research.Page);

        var anonymous = await OpenBrowserAsync(suffix: "anoniem");
        await anonymous.Page.AddInitScriptAsync(Listener);
        await anonymous.GoToAsync("/api/docs", "api-docs");
        await AssertNoViolationsAsync(anonymous.Page);
        // The reference without login: an operation opens with the keyboard; axe checks every operation and schema opened.
        var docs = anonymous.Page;
        await docs.Locator("details.site-api-operation summary").First.FocusAsync();
        await docs.Keyboard.PressAsync("Enter");
        await Expect(docs.Locator("details.site-api-operation").First).ToHaveAttributeAsync("open", "");
        await Expect(docs.Locator("details.site-api-operation").First.GetByRole(AriaRole.Table).First).ToBeVisibleAsync();
        Assert.True(await docs.Locator("details.site-api-schema").CountAsync() >= 5, "Geen schema's in de API-referentie.");
        await docs.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
        await AccessibilityCheck.AssertNoViolationsAsync(docs, "ContentSecurityPolicyTests/api-docs-alles-open");
        await AssertNoViolationsAsync(docs);
        await anonymous.GoToAsync("/scan/bestaat-niet-aaaaaaaaaaaaaaaaaaaa", "respondent-onbekende-link", 404);
        await AssertNoViolationsAsync(anonymous.Page);
    }
}
