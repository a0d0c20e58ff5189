using Microsoft.Playwright;
using Weerbaar.E2E.Infrastructure;
using Weerbaar.Web.Features.Demo;
using static Microsoft.Playwright.Assertions;

namespace Weerbaar.E2E.Journeys;

/// <summary>A researcher codes an open answer of the demo round with the keyboard only; every page is axe-checked.</summary>
public sealed class OpenAnswerCodingTests(AppAndBrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Researcher_codes_an_open_answer_with_the_keyboard_and_sees_the_confirmation()
    {
        await Fixture.EnsureDemoRoundAsync();
        var browser = await LogInAsync(TestUser.Admin, "/onderzoek/rondes", "rondes");
        var page = browser.Page;
        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = DemoSeeder.DemoRoundName }), "monitoring");
        await browser.FollowAsync(page.GetByRole(AriaRole.Navigation, new() { Name = "Onderdelen van de ronde" }).GetByRole(AriaRole.Link, new() { Name = "Open antwoorden" }), "open-antwoorden");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Open antwoorden: {DemoSeeder.DemoRoundName}");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Niet-lege antwoorden en hoeveel daarvan gecodeerd zijn" }).GetByRole(AriaRole.Row)).ToHaveCountAsync(5);

        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "O1 coderen" }), "o1-coderen");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"O1 coderen: {DemoSeeder.DemoRoundName}");
        var first = page.GetByRole(AriaRole.Group, new() { Name = "Thema's van antwoord 1", Exact = true });
        await Expect(first).ToBeVisibleAsync();
        await Expect(first.Locator("mark").First).ToBeVisibleAsync(); // every demo O1 answer has a keyword

        // Keyboard only: Tab to the first theme of answer 1, tick or untick it with Space, Tab to its save button, Enter.
        var checkbox = first.GetByRole(AriaRole.Checkbox).First;
        var wasChecked = await checkbox.IsCheckedAsync();
        await TabToAsync(page, checkbox);
        await page.Keyboard.PressAsync("Space");
        await Expect(checkbox).ToBeCheckedAsync(new() { Checked = !wasChecked });
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Codering opslaan voor antwoord 1", Exact = true });
        await TabToAsync(page, save);
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoaded(object? sender, IPage p) => loaded.TrySetResult();
        page.DOMContentLoaded += OnLoaded;
        try
        {
            await page.Keyboard.PressAsync("Enter");
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            page.DOMContentLoaded -= OnLoaded;
        }
        await browser.CheckPageAsync("o1-gecodeerd");

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "De codering van antwoord 1 is opgeslagen." })).ToBeVisibleAsync();
        var coded = page.GetByRole(AriaRole.Group, new() { Name = "Thema's van antwoord 1", Exact = true });
        await Expect(coded.GetByText($"Gecodeerd door {TestUser.Admin.Email} op ")).ToBeVisibleAsync();
        await Expect(coded.GetByRole(AriaRole.Checkbox).First).ToBeCheckedAsync(new() { Checked = !wasChecked });
    }

    /// <summary>Presses Tab until <paramref name="target"/> has the focus (at most 200 times).</summary>
    private static async Task TabToAsync(IPage page, ILocator target)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail("Het element kreeg geen focus met Tab.");
    }
}
