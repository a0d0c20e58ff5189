using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.CrisisKit.Contacts;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.CrisisKit;

/// <summary>The crisis contact list over the API and the page: adding, ordering, changing with a version, deleting, validation,
/// a stale change refused, and only the gemeente's own editors may change it.</summary>
public abstract class CrisisContactTests(AppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;

    private const string G = "GM0262";     // Lochem
    private const string Other = "GM0267"; // Nijkerk
    private static string Api(string g = G) => $"/api/v1/gemeenten/{g}/crisis-contacts";
    private static string Page(string g = G) => $"/gemeenten/{g}/crisiskit/contacten";

    private Task<int> ClearAsync(string g = G) => App.WithDbAsync(db => db.CrisisContacts.IgnoreQueryFilters().Where(c => c.GemeenteCode == g).ExecuteDeleteAsync());

    private Task<int> CountAsync(string g = G) => App.WithDbAsync(db => db.CrisisContacts.IgnoreQueryFilters().CountAsync(c => c.GemeenteCode == g));

    private Task<CrisisContact> RowAsync(Guid id) => App.WithDbAsync(db => db.CrisisContacts.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == id));

    private static async Task<List<(string Field, string Message)>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. body.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("field").GetString()!, e.GetProperty("message").GetString()!))];
    }

    private static async Task<Guid> IdAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_contact_is_added_read_changed_with_its_version_and_deleted()
    {
        await ClearAsync();
        var coordinator = await App.UserAsync(Roles.Coordinator, G);
        var created = await coordinator.PostAsJsonAsync(Api(), new
        {
            category = "veiligheidsregio",
            organisation = " Veiligheidsregio Noord- en Oost-Gelderland ",
            name = "Officier van dienst",
            phone = "+31 (0)30 000-0001",
            email = "crisis@vnog.example.nl",
            available = "24/7",
            c2000 = "VNOG-BZ-01",
            satellite = "+870 000 000 001",
            radio = "Kanaal 3",
            otherMeans = "Bode naar de kazerne",
            notes = "Eerst bellen, dan C2000.",
            sortOrder = 2,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var c = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = c.GetProperty("id").GetGuid();
        Assert.Equal($"{Api()}/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal(("veiligheidsregio", "Veiligheidsregio", "Veiligheidsregio Noord- en Oost-Gelderland", 1),
            (c.GetProperty("category").GetString(), c.GetProperty("categoryLabel").GetString(), c.GetProperty("organisation").GetString(), c.GetProperty("version").GetInt32()));
        Assert.Equal(("VNOG-BZ-01", "+870 000 000 001", "Kanaal 3", "Bode naar de kazerne", 2),
            (c.GetProperty("c2000").GetString(), c.GetProperty("satellite").GetString(), c.GetProperty("radio").GetString(), c.GetProperty("otherMeans").GetString(), c.GetProperty("sortOrder").GetInt32()));
        var firstWrite = (await RowAsync(id)).UpdatedAt;
        Assert.True(DateTimeOffset.UtcNow - firstWrite < TimeSpan.FromMinutes(1));

        var lezer = await App.UserAsync(Roles.Lezer, G);
        Assert.Equal("Officier van dienst", (await lezer.GetFromJsonAsync<JsonElement>($"{Api()}/{id}")).GetProperty("name").GetString());

        await Task.Delay(20);
        var changed = await coordinator.PutAsJsonAsync($"{Api()}/{id}", new { version = 1, category = "veiligheidsregio", organisation = "VNOG", c2000 = "VNOG-BZ-02" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var ch = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((2, "VNOG", JsonValueKind.Null, 0), (ch.GetProperty("version").GetInt32(), ch.GetProperty("organisation").GetString(), ch.GetProperty("phone").ValueKind, ch.GetProperty("sortOrder").GetInt32()));
        Assert.True((await RowAsync(id)).UpdatedAt > firstWrite, "UpdatedAt moet bij elke wijziging worden bijgewerkt.");

        // Someone who read version 1 is refused with who changed it, and nothing changes.
        var stale = await coordinator.PutAsJsonAsync($"{Api()}/{id}", new { version = 1, category = "politie", organisation = "Oude tekst", phone = "030 000 0009" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Contains("coordinator-gm0262@test.weerbaar.nl heeft dit contact intussen gewijzigd", (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var after = await RowAsync(id);
        Assert.Equal(("VNOG", "veiligheidsregio", 2), (after.Organisation, after.Category, after.Version));
        Assert.Contains(await ErrorsAsync(await coordinator.PutAsJsonAsync($"{Api()}/{id}", new { category = "politie", organisation = "x", phone = "112" })), e => e.Field == "version");

        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.DeleteAsync($"{Api()}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"{Api()}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.DeleteAsync($"{Api()}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.PutAsJsonAsync($"{Api()}/{id}", new { version = 2, category = "politie", organisation = "x", phone = "112" })).StatusCode);
    }

    [Fact]
    public async Task The_list_is_in_category_order_then_sort_order_then_organisation()
    {
        await ClearAsync();
        var coordinator = await App.UserAsync(Roles.Coordinator, G);
        (string Category, string Organisation, int SortOrder)[] rows =
        [
            ("partner", "Rode Kruis", 0), ("anders", "Zwembad", 0), ("politie", "Politie", 0), ("drinkwater", "Vitens", 0),
            ("veiligheidsregio", "VNOG meldkamer", 2), ("veiligheidsregio", "VNOG crisisteam", 1), ("zorg", "huisartsenpost", 0), ("zorg", "Apotheek", 0),
        ];
        foreach (var (category, organisation, sortOrder) in rows)
        {
            await IdAsync(await coordinator.PostAsJsonAsync(Api(), new { category, organisation, phone = "030 000 0001", sortOrder }));
        }
        var list = await coordinator.GetFromJsonAsync<JsonElement>(Api());
        Assert.Equal(["VNOG crisisteam", "VNOG meldkamer", "Vitens", "Politie", "Apotheek", "huisartsenpost", "Rode Kruis", "Zwembad"],
            list.EnumerateArray().Select(c => c.GetProperty("organisation").GetString()));
    }

    [Fact]
    public async Task Every_invalid_field_gets_a_dutch_message_at_once_and_nothing_is_stored()
    {
        await ClearAsync();
        var coordinator = await App.UserAsync(Roles.Coordinator, G);

        var errors = await ErrorsAsync(await coordinator.PostAsJsonAsync(Api(), new
        {
            category = "ziekenhuis",
            organisation = " ",
            name = new string('n', 201),
            phone = "030-abc",
            email = "geen-adres",
            notes = new string('x', 1001),
            sortOrder = -1,
        }));
        Assert.Contains(("category", "‘ziekenhuis’ is geen bekende categorie; kies er een uit de lijst."), errors);
        Assert.Contains(("organisation", "Vul de naam van de organisatie in."), errors);
        Assert.Contains(("name", "De naam of rol is te lang (meer dan 200 tekens)."), errors);
        Assert.Contains(("phone", "Het telefoonnummer ‘030-abc’ is geen telefoonnummer: gebruik alleen cijfers, spaties, +, - en haakjes, bijvoorbeeld 030 000 0001."), errors);
        Assert.Contains(("email", "‘geen-adres’ is geen geldig e-mailadres; schrijf bijvoorbeeld crisis@gemeente.nl."), errors);
        Assert.Contains(("notes", "De notitie is te lang (meer dan 1000 tekens)."), errors);
        Assert.Contains(("sortOrder", "De volgorde kan niet negatief zijn; gebruik 0 of hoger."), errors);
        Assert.Equal(7, errors.Count);

        Assert.Contains(await ErrorsAsync(await coordinator.PostAsJsonAsync(Api(), new { organisation = new string('o', 201), phone = "030 000 0001" })),
            e => e == ("organisation", "De naam van de organisatie is te lang (meer dan 200 tekens)."));
        Assert.Contains(await ErrorsAsync(await coordinator.PostAsJsonAsync(Api(), new { organisation = "GGD", phone = "030 000 0001" })),
            e => e == ("category", "Kies een categorie."));
        Assert.Contains(await ErrorsAsync(await coordinator.PostAsJsonAsync(Api(), new { category = "ggd", organisation = "GGD", satellite = "sat-telefoon" })), e => e.Field == "satellite");
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task A_contact_without_any_means_to_reach_them_is_refused()
    {
        await ClearAsync();
        var coordinator = await App.UserAsync(Roles.Coordinator, G);
        var errors = await ErrorsAsync(await coordinator.PostAsJsonAsync(Api(), new { category = "ggd", organisation = "GGD", name = "Arts", available = "24/7", notes = "Alleen een naam" }));
        Assert.Equal([("means", CrisisContactRules.NoMeansMessage)], errors);
        Assert.Contains("minstens één manier", CrisisContactRules.NoMeansMessage, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync());

        // Any one means is enough, a radio channel as well as a telephone.
        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsJsonAsync(Api(), new { category = "ggd", organisation = "GGD", radio = "Kanaal 5" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsJsonAsync(Api(), new { category = "partner", organisation = "Buurthuis", otherMeans = "Langsgaan: Dorpsstraat 1" })).StatusCode);
    }

    [Fact]
    public async Task Only_the_gemeentes_own_editors_can_change_its_contacts()
    {
        await ClearAsync();
        var coordinator = await App.UserAsync(Roles.Coordinator, G);
        var id = await IdAsync(await coordinator.PostAsJsonAsync(Api(), new { category = "politie", organisation = "Alleen van deze gemeente", phone = "030 000 0005" }));
        var body = new { version = 1, category = "politie", organisation = "Overgenomen", phone = "030 000 0005" };

        var other = await App.UserAsync(Roles.Coordinator, Other);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(Api())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"{Api()}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync(Api(), body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PutAsJsonAsync($"{Api()}/{id}", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.DeleteAsync($"{Api()}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(Page())).StatusCode);
        // Through its own gemeente's routes the id of another gemeente's contact is simply not there.
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{Api(Other)}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync($"{Api(Other)}/{id}", body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"{Api(Other)}/{id}")).StatusCode);
        Assert.DoesNotContain(id.ToString(), await other.GetStringAsync(Api(Other)), StringComparison.Ordinal);

        // A lezer reads but cannot change, and sees no form.
        var lezer = await App.UserAsync(Roles.Lezer, G);
        Assert.Equal(HttpStatusCode.OK, (await lezer.GetAsync(Api())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lezer.GetAsync($"{Api()}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lezer.PostAsJsonAsync(Api(), body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lezer.PutAsJsonAsync($"{Api()}/{id}", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lezer.DeleteAsync($"{Api()}/{id}")).StatusCode);
        var page = WebUtility.HtmlDecode(await lezer.GetStringAsync($"{Page()}?bewerk={id}&verwijder={id}"));
        Assert.Contains("Alleen van deze gemeente", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Contact toevoegen", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"formulier-kop\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"verwijderen-kop\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">Bewerken<", page, StringComparison.Ordinal);
        Assert.DoesNotContain(HtmlForms.PostFormHandlers(page), f => f != "/uitloggen");

        // Anonymous: 401 on the API, the login page for the page.
        var anonymous = App.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Api())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"{Api()}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync(Api(), body)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsJsonAsync($"{Api()}/{id}", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.DeleteAsync($"{Api()}/{id}")).StatusCode);
        var login = await anonymous.GetAsync(Page());
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Contains("/inloggen", login.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal("Alleen van deze gemeente", (await RowAsync(id)).Organisation);
    }

    [Fact]
    public async Task The_page_adds_by_form_shows_dutch_errors_keeps_typed_text_refuses_a_stale_edit_and_deletes_after_confirmation()
    {
        await ClearAsync();
        var coordinator = await App.UserAsync(Roles.Coordinator, G);

        var refused = await HtmlForms.PostFormAsync(coordinator, Page(), "contact",
            [new("categorie", "drinkwater"), new("organisatie", ""), new("telefoon", "bel-me"), new("notities", "Tappunt bij het gemeentehuis"), new("volgorde", "eerst")]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Het contact is niet opgeslagen:", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Page()}#organisatie\">Vul de naam van de organisatie in.</a>", html, StringComparison.Ordinal);
        Assert.Contains("Het telefoonnummer ‘bel-me’ is geen telefoonnummer", html, StringComparison.Ordinal);
        Assert.Contains("‘eerst’ is geen geheel getal", html, StringComparison.Ordinal);
        Assert.Contains(">Tappunt bij het gemeentehuis</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"bel-me\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"drinkwater\" selected", html, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync());

        var noMeans = WebUtility.HtmlDecode(await (await HtmlForms.PostFormAsync(coordinator, Page(), "contact",
            [new("categorie", "drinkwater"), new("organisatie", "Vitens")])).Content.ReadAsStringAsync());
        Assert.Contains($"href=\"{Page()}#middelen\">{CrisisContactRules.NoMeansMessage}</a>", noMeans, StringComparison.Ordinal);

        var added = await HtmlForms.PostFormAsync(coordinator, Page(), "contact",
            [new("categorie", "drinkwater"), new("organisatie", "Vitens"), new("naam", "Storingsdienst"), new("telefoon", "030 000 0002"),
             new("bereikbaar", "24/7"), new("c2000", "VIT-01"), new("notities", "Tappunten")]);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.EndsWith("?melding=opgeslagen", added.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var row = await App.WithDbAsync(db => db.CrisisContacts.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.GemeenteCode == G));
        Assert.Equal(("drinkwater", "Vitens", "030 000 0002", "VIT-01", 1), (row.Category, row.Organisation, row.Phone, row.C2000, row.Version));

        var list = WebUtility.HtmlDecode(await coordinator.GetStringAsync(Page()));
        Assert.Contains("Drinkwaterbedrijf (1 contact)</caption>", list, StringComparison.Ordinal);
        Assert.Contains("<th class=\"utrecht-table__header-cell\" scope=\"row\">Vitens</th>", list, StringComparison.Ordinal);
        Assert.Contains("<th class=\"utrecht-table__header-cell\" scope=\"col\">Organisatie</th>", list, StringComparison.Ordinal);
        Assert.Contains("C2000: VIT-01", list, StringComparison.Ordinal);
        Assert.Contains($"href=\"/gemeenten/{G}/crisiskit\">Crisiskit</a>", list, StringComparison.Ordinal);

        var edit = $"{Page()}?bewerk={row.Id}";
        var form = WebUtility.HtmlDecode(await coordinator.GetStringAsync(edit));
        Assert.Contains("Vitens bewerken", form, StringComparison.Ordinal);
        Assert.Contains("value=\"030 000 0002\"", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await HtmlForms.PostFormAsync(coordinator, edit, "contact",
            [new("categorie", "drinkwater"), new("organisatie", "Vitens"), new("telefoon", "030 000 0022")])).StatusCode);

        // A form loaded at version 2, while a colleague saves version 3 in between: refused, the typed text stays.
        var staleForm = await coordinator.GetStringAsync(edit);
        await App.WithDbAsync(async db =>
        {
            var c = await db.CrisisContacts.IgnoreQueryFilters().SingleAsync(x => x.Id == row.Id);
            (c.Organisation, c.Version, c.UpdatedBy) = ("Vitens (collega)", 3, "collega@test.weerbaar.nl");
            return await db.SaveChangesAsync();
        });
        Assert.Equal("2", HtmlForms.HiddenFields(staleForm, "contact")["versie"]);
        var conflict = await HtmlForms.PostFormAsync(coordinator, edit, "contact",
            [new("versie", "2"), new("categorie", "drinkwater"), new("organisatie", "Mijn eigen naam"), new("telefoon", "030 000 0099")]);
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var conflictHtml = WebUtility.HtmlDecode(await conflict.Content.ReadAsStringAsync());
        Assert.Contains("collega@test.weerbaar.nl heeft dit contact intussen gewijzigd", conflictHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"Mijn eigen naam\"", conflictHtml, StringComparison.Ordinal);
        Assert.Equal("Vitens (collega)", (await RowAsync(row.Id)).Organisation);

        // Deleting asks first; only the confirmation deletes.
        var confirm = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"{Page()}?verwijder={row.Id}"));
        Assert.Contains("Contact Vitens (collega) verwijderen?", confirm, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync());
        var deleted = await HtmlForms.PostFormAsync(coordinator, $"{Page()}?verwijder={row.Id}", "verwijderen", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(0, await CountAsync());
        Assert.Contains("Er zijn nog geen crisiscontacten vastgelegd.", WebUtility.HtmlDecode(await coordinator.GetStringAsync(Page())), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_contacts_for_utrecht_are_valid_marked_as_demo_and_seeded_once()
    {
        var inputs = DemoCrisisContacts.Inputs();
        Assert.All(inputs, i =>
        {
            Assert.Empty(CrisisContactRules.Check(i).Errors);
            Assert.Contains("demonstratiegegevens", i.Notes, StringComparison.OrdinalIgnoreCase);
            Assert.StartsWith("030 000 00", i.Phone, StringComparison.Ordinal);
        });
        Assert.Contains(inputs, i => i.Category == "veiligheidsregio" && i.C2000 is not null);

        for (var run = 0; run < 2; run++)
        {
            await App.WithDbAsync(async db => { await DemoCrisisContacts.SeedAsync(db, TimeProvider.System); return 0; });
        }
        var lezer = await App.UserAsync(Roles.Lezer, DemoCrisisContacts.Gemeente);
        var list = await lezer.GetFromJsonAsync<JsonElement>(Api(DemoCrisisContacts.Gemeente));
        Assert.Equal(["Veiligheidsregio Utrecht", "Vitens", "Stedin", "GGD regio Utrecht", "Politie Midden-Nederland", "Brandweer Utrecht", "Huisartsenpost Utrecht Stad", "Rode Kruis Utrecht"],
            list.EnumerateArray().Select(c => c.GetProperty("organisation").GetString()));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteCrisisContactTests(SqliteAppFixture fixture) : CrisisContactTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresCrisisContactTests(PostgresAppFixture fixture) : CrisisContactTests(fixture);
