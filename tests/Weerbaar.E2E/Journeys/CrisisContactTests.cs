using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Weerbaar.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Weerbaar.E2E.Journeys;

/// <summary>The crisis contact list in a browser: a contact added with the keyboard only, errors first; axe-clean.</summary>
public sealed class CrisisContactTests(AppAndBrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Gemeente = "GM0262"; // Lochem

    [Fact]
    public async Task Coordinator_adds_a_contact_by_keyboard_and_sees_it_in_the_table()
    {
        await Fixture.WithDbAsync(db => db.CrisisContacts.IgnoreQueryFilters().Where(c => c.GemeenteCode == Gemeente).ExecuteDeleteAsync());
        var coordinator = TestUser.Coordinator(Gemeente);
        await Fixture.EnsureUserAsync(coordinator);
        var browser = await LogInAsync(coordinator, $"/gemeenten/{Gemeente}/crisiskit/contacten", "contacten");
        var page = browser.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Crisiscontacten: Lochem");
        await Expect(page.GetByText("Er zijn nog geen crisiscontacten vastgelegd.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Kruimelpad" }).GetByRole(AriaRole.Link, new() { Name = "Crisiskit" }))
            .ToHaveAttributeAsync("href", $"/gemeenten/{Gemeente}/crisiskit");

        // An empty form is refused with the reasons, linked to their fields.
        await page.GetByRole(AriaRole.Button, new() { Name = "Contact toevoegen" }).FocusAsync();
        await SubmitWithEnterAsync(browser, "contact-fouten");
        var alert = page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("Kies een categorie.");
        await Expect(alert).ToContainTextAsync("Vul de naam van de organisatie in.");
        await Expect(alert).ToContainTextAsync("Vul minstens één manier in om hen te bereiken");

        var category = page.GetByLabel("Categorie", new() { Exact = true });
        await category.FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(category).ToHaveValueAsync("drinkwater");
        await TabAndTypeAsync(page, page.GetByLabel("Organisatie", new() { Exact = true }), "Vitens");
        await TabAndTypeAsync(page, page.GetByLabel("Naam of rol (niet verplicht)"), "Storingsdienst");
        await TabAndTypeAsync(page, page.GetByLabel("Bereikbaar (niet verplicht)"), "24/7");
        await TabAndTypeAsync(page, page.GetByLabel("Telefoon", new() { Exact = true }), "030 000 0002");
        await page.Keyboard.PressAsync("Tab");
        await TabAndTypeAsync(page, page.GetByLabel("C2000-gespreksgroep"), "VIT-01");
        await SubmitWithEnterAsync(browser, "contact-opgeslagen");

        await Expect(page.GetByText("Het contact is opgeslagen.")).ToBeVisibleAsync();
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Drinkwaterbedrijf (1 contact)" });
        await Expect(table.GetByRole(AriaRole.Rowheader)).ToHaveTextAsync("Vitens");
        await Expect(table.GetByRole(AriaRole.Row, new() { Name = "Vitens", Exact = false })).ToContainTextAsync("030 000 0002");
        await Expect(table).ToContainTextAsync("C2000: VIT-01");
    }

    private static async Task TabAndTypeAsync(IPage page, ILocator field, string text)
    {
        await page.Keyboard.PressAsync("Tab");
        await Expect(field).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(text);
    }

    /// <summary>Enter in a text field or on the button submits the form; waits for the answer and checks it.</summary>
    private static async Task SubmitWithEnterAsync(BrowserSession browser, string pageName)
    {
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoaded(object? sender, IPage p) => loaded.TrySetResult();
        browser.Page.DOMContentLoaded += OnLoaded;
        try
        {
            await browser.Page.Keyboard.PressAsync("Enter");
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            browser.Page.DOMContentLoaded -= OnLoaded;
        }
        await browser.CheckPageAsync(pageName);
    }
}
