using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.Monitoring;
using Weerbaar.Web.Features.Scan.Responses;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Scan;

[Collection(SqliteCollection.Name)]
public sealed class ResponseMonitorTests(SqliteAppFixture fixture)
{
    private static GemeenteInfo G(string code, string provincie, int residents, int urbanity) => new(code, code, provincie, provincie, "VR01", "R", residents, 100, urbanity);

    [Fact]
    public void Groups_count_population_invitations_and_responses_by_hand()
    {
        var population = new[] { G("A", "P1", 10_000, 5), G("B", "P1", 60_000, 2), G("C", "P2", 200_000, 1), G("D", "P2", 30_000, 4) };
        var invited = new HashSet<string> { "A", "B", "C" };
        var status = new Dictionary<string, ResponseStatus> { ["A"] = ResponseStatus.Submitted, ["C"] = ResponseStatus.InProgress };

        var byProvince = ResponseMonitor.By("provincie", population, invited, status);
        Assert.Equal([new GroupResponse("P1", "P1", 2, 2, 1, 0), new GroupResponse("P2", "P2", 2, 1, 0, 1)], byProvince);
        Assert.Equal(0.5, byProvince[0].Rate);

        var byUrbanity = ResponseMonitor.By("stedelijkheid", population, invited, status);
        Assert.Equal([2, 2], byUrbanity.Select(g => g.Population));
        Assert.Equal(1, byUrbanity.Single(g => g.Key == "2").Submitted); // A is class 5: rural

        Assert.Equal(["1", "2", "3", "4"], ResponseMonitor.By("grootteklasse", population, invited, status).Select(g => g.Key));
        Assert.Equal(["B", "C", "D"], ResponseMonitor.NonResponders(population, invited, status).Select(n => n.Gemeentecode));
    }

    [Fact]
    public async Task The_monitoring_page_shows_the_response_of_a_round()
    {
        var research = await fixture.Factory.UserAsync(Roles.Onderzoeker);
        var created = await research.PostAsJsonAsync("/api/v1/rounds", new { instrument = "weerbaarheidsscan-2025", name = "Monitor", opensOn = "2025-12-15", closesOn = "2099-01-15" });
        var round = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var scan = new InstrumentCatalog().Find("weerbaarheidsscan-2025")!;
        var csv = string.Join(",", ResponseCsv.Header(scan)) + "\r\n"
                  + string.Join("\r\n", new[] { "GM0344", "GM0363", "GM0014" }.Select((g, i) => $"m{i},{g},2025-12-20" + new string(',', scan.ColumnOrder.Count))) + "\r\n";
        Assert.Equal(HttpStatusCode.OK, (await research.PostAsync($"/api/v1/rounds/{round}/responses/import", new StringContent(csv, Encoding.UTF8, "text/csv"))).StatusCode);

        var html = await research.GetStringAsync($"/onderzoek/rondes/{round}");
        Assert.Contains("<dd>3 (0,9%)</dd>", html, StringComparison.Ordinal);
        Assert.Contains("Nog niet verstuurd (339)", html, StringComparison.Ordinal);
        // Charts are images with a title and description; the tables with the same numbers and the exports are on the page.
        Assert.Contains("<svg role=\"img\" aria-labelledby=\"grafiek-respons-titel\" aria-describedby=\"grafiek-respons-beschrijving\"", html, StringComparison.Ordinal);
        Assert.Contains("<title id=\"grafiek-respons-titel\">Respons per provincie</title>", html, StringComparison.Ordinal);
        Assert.Contains("<title id=\"grafiek-tijd-titel\">Respons in de tijd</title>", html, StringComparison.Ordinal);
        Assert.Contains("Item-nonrespons per vraag", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Verstuurd met lege vragen</dt><dd>3</dd>", html, StringComparison.Ordinal);
        Assert.Contains($"/api/v1/rounds/{round}/monitoring/non-responders.csv", html, StringComparison.Ordinal);
        Assert.Contains($"/api/v1/rounds/{round}/monitoring/item-nonresponse.csv", html, StringComparison.Ordinal);
        Assert.Contains($"/api/v1/rounds/{round}/monitoring/timeline.csv", html, StringComparison.Ordinal);
        var byRegion = await research.GetStringAsync($"/onderzoek/rondes/{round}?indeling=veiligheidsregio");
        Assert.Contains("<title id=\"grafiek-respons-titel\">Respons per veiligheidsregio</title>", byRegion, StringComparison.Ordinal);
        Assert.Contains("<option value=\"veiligheidsregio\" selected", byRegion, StringComparison.Ordinal);
        Assert.Contains("Respons per provincie</title>", await research.GetStringAsync($"/onderzoek/rondes/{round}?indeling=onzin"), StringComparison.Ordinal);
        Assert.Contains("Monitor", await research.GetStringAsync("/onderzoek/rondes"), StringComparison.Ordinal);

        var lezer = await fixture.Factory.UserAsync(Roles.Lezer, "GM0344");
        Assert.Equal(HttpStatusCode.Forbidden, (await lezer.GetAsync($"/onderzoek/rondes/{round}")).StatusCode);
    }
}
