using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.Responses;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Scan;

/// <summary>The research team's fieldwork pages post plain forms: import with preview, e-mail texts, and the respondent's opt-out.</summary>
[Collection(SqliteCollection.Name)]
public sealed class FieldworkPagesTests(SqliteAppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;
    private static readonly Instrument Scan = new InstrumentCatalog().Find("weerbaarheidsscan-2025")!;

    private static string Row(string respondent, string gemeente, string b1)
        => string.Join(",", new[] { respondent, gemeente, "2025-12-15" }.Concat(Scan.ColumnOrder.Select(c => c == "B1" ? b1 : "")));

    private static byte[] Csv(params string[] rows) => Encoding.UTF8.GetBytes(string.Join("\r\n", rows.Prepend(string.Join(",", ResponseCsv.Header(Scan)))) + "\r\n");

    private async Task<(HttpClient Client, Guid Round)> RoundAsync()
    {
        var client = await App.UserAsync(Roles.Onderzoeker);
        var created = await client.PostAsJsonAsync("/api/v1/rounds", new { instrument = "weerbaarheidsscan-2025", name = "Pagina " + Guid.NewGuid().ToString("N")[..6], opensOn = "2025-12-15", closesOn = "2099-01-15" });
        return (client, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    private Task<int> CountAsync(Guid round) => App.WithDbAsync(db => db.ScanResponses.IgnoreQueryFilters().CountAsync(r => r.RoundId == round));

    [Fact]
    public async Task Import_shows_every_error_in_Dutch_then_a_preview_and_stores_only_after_confirmation()
    {
        var (client, round) = await RoundAsync();
        var url = $"/onderzoek/rondes/{round}/importeren";

        var invalid = await HtmlForms.PostFileAsync(client, url, "uploaden", "bestand", "fout.csv", Csv(Row("r1", "GM0363", "9"), Row("r2", "GM9999", "3")));
        var html = WebUtility.HtmlDecode(await invalid.Content.ReadAsStringAsync());
        Assert.Contains("Het bestand bevat 2 fout(en); er is niets opgeslagen:", html, StringComparison.Ordinal);
        Assert.Contains("Rij 2, kolom B1:", html, StringComparison.Ordinal);
        Assert.Contains("Rij 3, kolom gemeentecode:", html, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(round));

        var preview = await HtmlForms.PostFileAsync(client, url, "uploaden", "bestand", "goed.csv", Csv(Row("r1", "GM0363", "4"), Row("r2", "GM0344", "3")));
        html = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        Assert.Contains("goed.csv bevat 2 geldige antwoorden van 2 gemeenten. Er is nog niets opgeslagen.", html, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(round));

        // Confirm with the draft the preview named.
        var draft = System.Text.RegularExpressions.Regex.Match(html, "name=\"concept\" value=\"([0-9a-f-]{36})\"").Groups[1].Value;
        var confirmed = await HtmlForms.PostFormAsync(client, url, "uploaden", new Dictionary<string, string>());
        Assert.NotEqual(HttpStatusCode.Redirect, confirmed.StatusCode); // no file: a Dutch message, nothing stored
        Assert.Contains("Kies een CSV-bestand", WebUtility.HtmlDecode(await confirmed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var stored = await PostConfirmAsync(client, url, draft);
        Assert.Equal(HttpStatusCode.Redirect, stored.StatusCode);
        Assert.Equal(2, await CountAsync(round));
        Assert.Equal(0, await App.WithDbAsync(db => db.ScanImportDrafts.CountAsync(d => d.RoundId == round)));

        // The same draft cannot be imported twice.
        var again = await PostConfirmAsync(client, url, draft);
        Assert.Contains("niet meer beschikbaar", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(2, await CountAsync(round));
    }

    /// <summary>The confirm form only appears on the preview, so its hidden fields come from a fresh preview's sibling form.</summary>
    private static async Task<HttpResponseMessage> PostConfirmAsync(HttpClient client, string url, string draft)
    {
        var page = await client.GetAsync(url);
        var html = await page.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var cookie = string.Join("; ", page.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';')[0]) : []);
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["_handler"] = "bevestigen", ["concept"] = draft }),
        };
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Mail_template_form_refuses_an_unknown_placeholder_and_keeps_what_was_typed()
    {
        var (client, round) = await RoundAsync();
        var url = $"/onderzoek/rondes/{round}/e-mailteksten";
        var response = await HtmlForms.PostFormAsync(client, url, "tekst-herinnering",
            new Dictionary<string, string> { ["subject"] = "Nog even {ronde}", ["body"] = "Beste {naam}, {lnk} {afmeldlink}", ["actie"] = "opslaan" });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Onbekende plaatshouder {lnk}", html, StringComparison.Ordinal);
        Assert.Contains("Beste {naam}, {lnk} {afmeldlink}</textarea>", html, StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.ScanMailTemplates.CountAsync(t => t.RoundId == round)));

        var saved = await HtmlForms.PostFormAsync(client, url, "tekst-herinnering",
            new Dictionary<string, string> { ["subject"] = "Nog even {ronde}", ["body"] = "Beste {naam}, {link} {afmeldlink}", ["actie"] = "opslaan" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Beste {naam}, {link} {afmeldlink}", await App.WithDbAsync(db => db.ScanMailTemplates.Where(t => t.RoundId == round).Select(t => t.Body).SingleAsync()));
    }

    [Fact]
    public async Task Opt_out_page_opts_out_and_back_in()
    {
        var (client, round) = await RoundAsync();
        var invited = await client.PostAsJsonAsync($"/api/v1/rounds/{round}/invitations", new[] { new { gemeentecode = "GM0150", name = "Contact", email = "c@deventer.test" } });
        var token = (await invited.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("token").GetString()!;
        var anonymous = App.Anonymous();
        Assert.Contains("Afmelden voor de", WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/scan/{token}/afmelden")), StringComparison.Ordinal);

        var optedOut = await HtmlForms.PostFormAsync(anonymous, $"/scan/{token}/afmelden", "afmelden", new Dictionary<string, string>());
        Assert.Contains("U bent afgemeld", WebUtility.HtmlDecode(await optedOut.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.NotNull(await App.WithDbAsync(db => db.ScanInvitations.IgnoreQueryFilters().Where(i => i.RoundId == round).Select(i => i.OptedOutAt).SingleAsync()));

        await HtmlForms.PostFormAsync(anonymous, $"/scan/{token}/afmelden", "aanmelden", new Dictionary<string, string>());
        Assert.Null(await App.WithDbAsync(db => db.ScanInvitations.IgnoreQueryFilters().Where(i => i.RoundId == round).Select(i => i.OptedOutAt).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/scan/onbekend/afmelden")).StatusCode);
    }
}
