using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Scan;

/// <summary>The HTML respondent pages work without JavaScript: plain forms, server-side saves, redirects.</summary>
[Collection(SqliteCollection.Name)]
public sealed class RespondentPagesTests(SqliteAppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;

    private async Task<string> OpenInvitationAsync()
    {
        var research = await App.UserAsync(Roles.Onderzoeker);
        var created = await research.PostAsJsonAsync("/api/v1/rounds", new { instrument = "weerbaarheidsscan-2025", name = "Pagina's " + Guid.NewGuid().ToString("N")[..6], opensOn = "2025-12-15", closesOn = "2099-01-15" });
        var round = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var invited = await research.PostAsJsonAsync($"/api/v1/rounds/{round}/invitations", new[] { new { gemeentecode = "GM0014", name = "Burgemeester", email = "bm@groningen.test" } });
        await research.PatchAsJsonAsync($"/api/v1/rounds/{round}", new { status = "open" });
        return (await invited.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("token").GetString()!;
    }

    private static KeyValuePair<string, string> F(string k, string v) => new(k, v);

    [Fact]
    public async Task Answer_a_part_resume_and_submit_through_the_pages()
    {
        var token = await OpenInvitationAsync();
        var client = App.Anonymous();
        var intro = await client.GetStringAsync($"/scan/{token}");
        Assert.Contains("Wie ziet uw antwoorden", intro, StringComparison.Ordinal);
        Assert.Contains("Groningen", intro, StringComparison.Ordinal);

        var saved = await HtmlForms.PostFormAsync(client, $"/scan/{token}/deel/1", "deel",
            [F("B1", "4"), F("I4", "OOV"), F("I4", "ANDERS"), F("I4_anders", "Griffie"), F("_action", "volgende")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.EndsWith($"/scan/{token}/deel/2", saved.Headers.Location!.ToString(), StringComparison.Ordinal);

        var api = await client.GetFromJsonAsync<JsonElement>($"/api/v1/invitations/{token}/response");
        Assert.Equal("OOV|ANDERS", api.GetProperty("answers").GetProperty("I4").GetString());

        // Resume: part 1 shows the stored answers checked.
        var part1 = await client.GetStringAsync($"/scan/{token}/deel/1");
        Assert.Matches("id=\"B1-4\"[^>]*checked|checked[^>]*id=\"B1-4\"", part1);
        Assert.Contains("Griffie</textarea>", part1, StringComparison.Ordinal);

        var invalid = await HtmlForms.PostFormAsync(client, $"/scan/{token}/deel/2", "deel", [F("EC_score", "12"), F("EC_rank", "1"), F("CO_rank", "1"), F("_action", "volgende")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        var html = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("van 1 tot en met 10", html, StringComparison.Ordinal);
        Assert.Contains("Niet opgeslagen", html, StringComparison.Ordinal);

        var review = await client.GetStringAsync($"/scan/{token}/controle");
        Assert.Contains("In grote mate", review, StringComparison.Ordinal);
        var submitted = await HtmlForms.PostFormAsync(client, $"/scan/{token}/controle", "versturen", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Contains("Hartelijk dank", await client.GetStringAsync($"/scan/{token}/controle?verzonden=1"), StringComparison.Ordinal);
        Assert.Equal("submitted", (await client.GetFromJsonAsync<JsonElement>($"/api/v1/invitations/{token}/response")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_second_tab_does_not_silently_overwrite_the_first()
    {
        var token = await OpenInvitationAsync();
        var client = App.Anonymous();
        // Both tabs load part 1 at version 0; the first saves; the second (still at version 0) is refused with an explanation.
        var first = await HtmlForms.PostFormAsync(client, $"/scan/{token}/deel/1", "deel", [F("B1", "2"), F("_action", "volgende")]);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var stale = await HtmlForms.PostFormAsync(client, $"/scan/{token}/deel/1", "deel", [F("B1", "5"), F("_version", "0"), F("_action", "volgende")]);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("ander tabblad", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("2", (await client.GetFromJsonAsync<JsonElement>($"/api/v1/invitations/{token}/response")).GetProperty("answers").GetProperty("B1").GetString());
    }

    [Fact]
    public async Task Unknown_link_is_a_Dutch_404()
    {
        var response = await App.Anonymous().GetAsync("/scan/onbekende-link");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("link naar de vragenlijst is onbekend", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
