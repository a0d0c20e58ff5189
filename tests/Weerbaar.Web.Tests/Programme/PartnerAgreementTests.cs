using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Tests.Infrastructure;
using static Weerbaar.Web.Tests.Programme.PlanningSeed;

namespace Weerbaar.Web.Tests.Programme;

/// <summary>Agreements with chain partners, over the API and the page: adding, changing with a version, deleting, validation,
/// a stale change refused, and only the gemeente's own editors may change them.</summary>
public abstract class PartnerAgreementTests(AppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;

    private const string G = "GM0074";
    private const string Other = "GM0080";
    private static string Api(string g = G) => $"/api/v1/gemeenten/{g}/programme/partner-agreements";
    private static string Page(string g = G) => $"/gemeenten/{g}/programma/afspraken";

    /// <summary>Two actions and no agreements, whatever an earlier test left.</summary>
    private async Task SeedActionsAsync()
    {
        await App.WithDbAsync(db => db.PartnerAgreements.IgnoreQueryFilters().Where(a => a.GemeenteCode == G).ExecuteDeleteAsync());
        await ReplaceAsync(App, NewProgramme(G, new DateOnly(2027, 1, 1), 2),
            NewAction(G, 1, "Noodstroom regelen", "VV", new DateOnly(2027, 1, 1), new DateOnly(2027, 6, 30)),
            NewAction(G, 2, "Drinkwater bij uitval", "VV", new DateOnly(2027, 1, 1), new DateOnly(2027, 9, 30)));
    }

    private Task<int> CountAsync(string g = G) => App.WithDbAsync(db => db.PartnerAgreements.IgnoreQueryFilters().CountAsync(a => a.GemeenteCode == g));

    private static async Task<List<(string Field, string Message)>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. body.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("field").GetString()!, e.GetProperty("message").GetString()!))];
    }

    [Fact]
    public async Task An_agreement_is_added_read_changed_with_its_version_and_deleted()
    {
        await SeedActionsAsync();
        var coordinator = await App.UserAsync(Roles.Coordinator, G);
        var created = await coordinator.PostAsJsonAsync(Api(), new { partner = "ggd", subject = "GGD levert een verpleegkundige voor het noodsteunpunt.", contact = "J. Jansen", agreedOn = "2026-11-01", reviewDate = "2027-11-01", actionNumbers = new[] { 2, 1, 2 } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var a = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = a.GetProperty("id").GetGuid();
        Assert.Equal($"{Api()}/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal(("ggd", "GGD", 1), (a.GetProperty("partner").GetString(), a.GetProperty("partnerName").GetString(), a.GetProperty("version").GetInt32()));
        Assert.Equal([1, 2], a.GetProperty("actionNumbers").EnumerateArray().Select(n => n.GetInt32()));
        Assert.False(a.GetProperty("reviewOverdue").GetBoolean());

        // A name from the catalogue is stored as its code; anything else as the own name.
        var own = await (await coordinator.PostAsJsonAsync(Api(), new { partner = "Buurtvereniging De Linde", subject = "Sleutel van het buurthuis", reviewDate = "2020-01-01" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Buurtvereniging De Linde", own.GetProperty("partnerName").GetString());
        Assert.True(own.GetProperty("reviewOverdue").GetBoolean());
        var byName = await (await coordinator.PostAsJsonAsync(Api(), new { partner = "netbeheerder (elektriciteit en gas)", subject = "Prioriteit bij herstel", reviewDate = "2027-06-01" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("netbeheerder", byName.GetProperty("partner").GetString());

        var list = await coordinator.GetFromJsonAsync<JsonElement>(Api());
        Assert.Equal(3, list.GetArrayLength());
        Assert.Equal("Buurtvereniging De Linde", list[0].GetProperty("partner").GetString());

        var lezer = await App.UserAsync(Roles.Lezer, G);
        Assert.Equal("J. Jansen", (await lezer.GetFromJsonAsync<JsonElement>($"{Api()}/{id}")).GetProperty("contact").GetString());

        var changed = await coordinator.PutAsJsonAsync($"{Api()}/{id}", new { version = 1, partner = "ggd", subject = "GGD levert twee verpleegkundigen.", reviewDate = "2027-12-01", actionNumbers = new[] { 1 } });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var c = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((2, "2027-12-01", JsonValueKind.Null), (c.GetProperty("version").GetInt32(), c.GetProperty("reviewDate").GetString(), c.GetProperty("contact").ValueKind));

        // Someone who read version 1 is refused, and nothing changes.
        var stale = await coordinator.PutAsJsonAsync($"{Api()}/{id}", new { version = 1, partner = "ggd", subject = "Oude tekst", reviewDate = "2027-12-01" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Contains("intussen gewijzigd", (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("GGD levert twee verpleegkundigen.", (await coordinator.GetFromJsonAsync<JsonElement>($"{Api()}/{id}")).GetProperty("subject").GetString());
        Assert.Contains(await ErrorsAsync(await coordinator.PutAsJsonAsync($"{Api()}/{id}", new { partner = "ggd", subject = "x", reviewDate = "2027-12-01" })), e => e.Field == "version");

        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.DeleteAsync($"{Api()}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"{Api()}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.DeleteAsync($"{Api()}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.PutAsJsonAsync($"{Api()}/{id}", new { version = 2, partner = "ggd", subject = "x", reviewDate = "2027-12-01" })).StatusCode);
    }

    [Fact]
    public async Task Every_invalid_field_gets_a_dutch_message_and_nothing_is_stored()
    {
        await SeedActionsAsync();
        var coordinator = await App.UserAsync(Roles.Coordinator, G);
        var before = await CountAsync();

        var errors = await ErrorsAsync(await coordinator.PostAsJsonAsync(Api(), new { partner = " ", subject = "", actionNumbers = new[] { 1, 99 } }));
        Assert.Contains(("partner", "Vul de partner in: een partner uit de lijst of een eigen naam."), errors);
        Assert.Contains(("subject", "Vul in wat er is afgesproken."), errors);
        Assert.Contains(("reviewDate", "Vul de datum in waarop de afspraak opnieuw wordt bekeken."), errors);
        Assert.Contains(("actionNumbers", "Actie A-99 bestaat niet in het programma."), errors);
        Assert.Equal(4, errors.Count);
        Assert.Contains(await ErrorsAsync(await coordinator.PostAsJsonAsync(Api(), new { partner = "ggd", subject = "x", agreedOn = "2027-05-01", reviewDate = "2027-01-01" })),
            e => e == ("reviewDate", "De herzieningsdatum ligt vóór de datum waarop de afspraak is gemaakt."));
        Assert.Contains(await ErrorsAsync(await coordinator.PostAsJsonAsync(Api(), new { partner = new string('p', 201), subject = "x", reviewDate = "2027-01-01" })), e => e.Field == "partner");
        Assert.Equal(before, await CountAsync());

        // The form gives the same messages, linked to their fields, and keeps what was typed.
        var refused = await HtmlForms.PostFormAsync(coordinator, Page(), "afspraak",
            [new("partner", ""), new("onderwerp", "Noodwater uitdelen"), new("herzien-op", "31-02-2027"), new("acties", "A-1, A-7, x")]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("De afspraak is niet opgeslagen:", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Page()}#partner\"", html, StringComparison.Ordinal);
        Assert.Contains("‘31-02-2027’ is geen datum; schrijf bijvoorbeeld 15-3-2027.", html, StringComparison.Ordinal);
        Assert.Contains("Actie A-7 bestaat niet in het programma.", html, StringComparison.Ordinal);
        Assert.Contains("‘x’ is geen actienummer; schrijf bijvoorbeeld A-3 of 3.", html, StringComparison.Ordinal);
        Assert.Contains(">Noodwater uitdelen</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"A-1, A-7, x\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task The_page_lists_adds_edits_refuses_a_stale_edit_and_deletes_after_confirmation()
    {
        await SeedActionsAsync();
        var coordinator = await App.UserAsync(Roles.Coordinator, G);
        var added = await HtmlForms.PostFormAsync(coordinator, Page(), "afspraak",
            [new("partner", "Drinkwaterbedrijf"), new("onderwerp", "Tappunten bij langdurige uitval"), new("contactpersoon", "P. de Vries"),
             new("afgesproken-op", "2026-10-01"), new("herzien-op", "2026-11-01"), new("acties", "A-2")]);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.EndsWith("?melding=opgeslagen", added.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var row = await App.WithDbAsync(db => db.PartnerAgreements.IgnoreQueryFilters().AsNoTracking().SingleAsync(a => a.GemeenteCode == G && a.Subject == "Tappunten bij langdurige uitval"));
        Assert.Equal(("drinkwaterbedrijf", new DateOnly(2026, 11, 1), 1), (row.Partner, row.ReviewDate, row.Version));
        Assert.Equal([2], row.ActionNumbers);

        var html = WebUtility.HtmlDecode(await coordinator.GetStringAsync(Page()));
        Assert.Contains("<th class=\"utrecht-table__header-cell\" scope=\"row\">Drinkwaterbedrijf</th>", html, StringComparison.Ordinal);
        Assert.Matches("1 november 2026\\s*<strong>\\(verlopen: opnieuw bekijken\\)</strong>", html);
        Assert.Contains($"<a class=\"utrecht-link\" href=\"/gemeenten/{G}/programma/acties/2\">A-2 Drinkwater bij uitval</a>", html, StringComparison.Ordinal);

        var edit = $"{Page()}?bewerken={row.Id}";
        var form = WebUtility.HtmlDecode(await coordinator.GetStringAsync(edit));
        Assert.Contains("value=\"Drinkwaterbedrijf\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-11-01\"", form, StringComparison.Ordinal);
        var saved = await HtmlForms.PostFormAsync(coordinator, edit, "afspraak",
            [new("partner", "Drinkwaterbedrijf"), new("onderwerp", "Tappunten en flessen"), new("herzien-op", "2027-11-01"), new("acties", "2")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // A form loaded at version 2, while someone else saves version 3 in between: refused, the typed text stays.
        var staleForm = await coordinator.GetAsync(edit);
        await App.WithDbAsync(async db =>
        {
            var a = await db.PartnerAgreements.IgnoreQueryFilters().SingleAsync(x => x.Id == row.Id);
            (a.Subject, a.Version, a.UpdatedBy) = ("Iemand anders was eerder", 3, "collega@test.weerbaar.nl");
            return await db.SaveChangesAsync();
        });
        var hidden = HtmlForms.HiddenFields(await staleForm.Content.ReadAsStringAsync(), "afspraak");
        Assert.Equal("2", hidden["versie"]);
        var refused = await HtmlForms.PostFormAsync(coordinator, edit, "afspraak",
            [new("versie", "2"), new("partner", "Drinkwaterbedrijf"), new("onderwerp", "Mijn eigen nieuwe tekst"), new("herzien-op", "2027-11-01")]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("collega@test.weerbaar.nl heeft deze afspraak intussen gewijzigd", refusedHtml, StringComparison.Ordinal);
        Assert.Contains(">Mijn eigen nieuwe tekst</textarea>", refusedHtml, StringComparison.Ordinal);
        Assert.Equal("Iemand anders was eerder", (await App.WithDbAsync(db => db.PartnerAgreements.IgnoreQueryFilters().AsNoTracking().SingleAsync(x => x.Id == row.Id))).Subject);

        // Deleting asks first; only the confirmation deletes.
        var confirm = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"{Page()}?verwijderen={row.Id}"));
        Assert.Contains("Afspraak met Drinkwaterbedrijf verwijderen?", confirm, StringComparison.Ordinal);
        Assert.Equal(1, await App.WithDbAsync(db => db.PartnerAgreements.IgnoreQueryFilters().CountAsync(x => x.Id == row.Id)));
        var deleted = await HtmlForms.PostFormAsync(coordinator, $"{Page()}?verwijderen={row.Id}", "verwijderen", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(0, await App.WithDbAsync(db => db.PartnerAgreements.IgnoreQueryFilters().CountAsync(x => x.Id == row.Id)));
    }

    [Fact]
    public async Task Only_the_gemeentes_own_editors_can_change_its_agreements()
    {
        await SeedActionsAsync();
        var coordinator = await App.UserAsync(Roles.Coordinator, G);
        var id = (await (await coordinator.PostAsJsonAsync(Api(), new { partner = "ggd", subject = "Alleen van deze gemeente", reviewDate = "2027-03-01" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var body = new { version = 1, partner = "ggd", subject = "Overgenomen", reviewDate = "2027-03-01" };

        var other = await App.UserAsync(Roles.Coordinator, Other);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(Api())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"{Api()}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync(Api(), body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PutAsJsonAsync($"{Api()}/{id}", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.DeleteAsync($"{Api()}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(Page())).StatusCode);
        // Through its own gemeente's routes the id of another gemeente's agreement is simply not there.
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{Api(Other)}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync($"{Api(Other)}/{id}", body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"{Api(Other)}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await other.PostAsJsonAsync(Api(Other), new { partner = "ggd", subject = "Eigen", reviewDate = "2027-03-01" })).StatusCode);
        Assert.DoesNotContain(id.ToString(), await other.GetStringAsync(Api(Other)), StringComparison.Ordinal);

        // A lezer reads but cannot change, and sees no form.
        var lezer = await App.UserAsync(Roles.Lezer, G);
        Assert.Equal(HttpStatusCode.OK, (await lezer.GetAsync($"{Api()}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lezer.PostAsJsonAsync(Api(), body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lezer.PutAsJsonAsync($"{Api()}/{id}", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lezer.DeleteAsync($"{Api()}/{id}")).StatusCode);
        var page = WebUtility.HtmlDecode(await lezer.GetStringAsync($"{Page()}?bewerken={id}"));
        Assert.Contains("Alleen van deze gemeente", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Afspraak toevoegen", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"formulier-kop\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("?verwijderen=", page, StringComparison.Ordinal);
        Assert.Equal("Alleen van deze gemeente", (await App.WithDbAsync(db => db.PartnerAgreements.IgnoreQueryFilters().AsNoTracking().SingleAsync(x => x.Id == id))).Subject);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqlitePartnerAgreementTests(SqliteAppFixture fixture) : PartnerAgreementTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresPartnerAgreementTests(PostgresAppFixture fixture) : PartnerAgreementTests(fixture);
