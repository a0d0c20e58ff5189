using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.Report;
using Weerbaar.Web.Features.Scan.Responses;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Report;

/// <summary>The report page over real HTTP: generated from imported responses, with the research team's texts.</summary>
public abstract class ReportPageTests(AppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;
    private static readonly Instrument Scan = new InstrumentCatalog().Find("weerbaarheidsscan-2025")!;

    private static string Row(string respondent, string gemeente, params (string Column, string Value)[] answers)
        => string.Join(",", new[] { respondent, gemeente, "2025-12-15" }.Concat(Scan.ColumnOrder.Select(c => answers.FirstOrDefault(a => a.Column == c).Value ?? "")));

    private async Task<(HttpClient Client, Guid Round)> RoundAsync(IEnumerable<string> rows)
    {
        var client = await App.UserAsync(Roles.Onderzoeker);
        var created = await client.PostAsJsonAsync("/api/v1/rounds", new { instrument = "weerbaarheidsscan-2025", name = "Rapport " + Guid.NewGuid().ToString("N")[..6], opensOn = "2025-12-15", closesOn = "2099-01-15" });
        var round = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var list = rows.ToList();
        if (list.Count > 0)
        {
            var csv = string.Join("\r\n", list.Prepend(string.Join(",", ResponseCsv.Header(Scan)))) + "\r\n";
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/rounds/{round}/responses/import", new StringContent(csv, Encoding.UTF8, "text/csv"))).StatusCode);
        }
        return (client, round);
    }

    private static readonly string[] Urban = ["GM0363", "GM0344", "GM0599", "GM0758", "GM0855"];
    private static readonly string[] Rural = ["GM0088", "GM0093", "GM0096", "GM0060", "GM1680"];

    [Fact]
    public async Task Urban_rural_sentence_says_no_significant_difference_only_when_the_tests_say_so()
    {
        // Urban all 5 on B1, rural all 1: U = 25, two-sided p ≈ 0,005 (normal approximation with ties) — significant after Holm.
        // I4: urban all OOV, rural all NIET: Fisher exact per code, p = 2/252 = 0,0079 for both codes, Holm over the two: 0,016.
        var (client, differ) = await RoundAsync(Urban.Select((g, i) => Row($"s{i}", g, ("B1", "5"), ("I4", "OOV"))).Concat(Rural.Select((g, i) => Row($"l{i}", g, ("B1", "1"), ("I4", "NIET")))));
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/onderzoek/rondes/{differ}/rapport"));
        Assert.Contains("verschillen de antwoorden significant op B1", html, StringComparison.Ordinal);
        Assert.Contains("verschillen de groepen significant bij openbare orde en veiligheid (Cramérs V = 1,00, p (Holm) 0,016) en nog niet belegd", html, StringComparison.Ordinal);
        Assert.DoesNotContain("geen significante verschillen", html, StringComparison.Ordinal);

        // The same answers in both groups: no difference.
        var (_, same) = await RoundAsync(Urban.Concat(Rural).Select((g, i) => Row($"r{i}", g, ("B1", (1 + (i % 5)).ToString(System.Globalization.CultureInfo.InvariantCulture)))));
        html = WebUtility.HtmlDecode(await client.GetStringAsync($"/onderzoek/rondes/{same}/rapport"));
        Assert.Contains("zijn geen significante verschillen gevonden", html, StringComparison.Ordinal);
        Assert.Contains("Figuur 1. Bewustzijn", html, StringComparison.Ordinal);
        Assert.Contains("3. Uitkomsten", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_round_below_the_threshold_shows_the_report_without_its_numbers()
    {
        var (client, round) = await RoundAsync([Row("a", "GM0363", ("B1", "4"), ("EC_score", "6"))]);
        var response = await client.GetAsync($"/onderzoek/rondes/{round}/rapport");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("zijn te weinig antwoorden (minder dan 5) om cijfers te publiceren", html, StringComparison.Ordinal);
        Assert.DoesNotContain("100,0%", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Texts_are_saved_shown_in_the_report_and_never_overwritten_unseen()
    {
        var (client, round) = await RoundAsync([]);
        var url = $"/onderzoek/rondes/{round}/rapport/teksten";
        var saved = await HtmlForms.PostFormAsync(client, url, "tekst-inleiding",
            new Dictionary<string, string> { ["tekst"] = "Onze **eigen** inleiding <script>alert(1)</script>", ["actie"] = "opslaan" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await App.WithDbAsync(db => db.ReportNarratives.SingleAsync(n => n.RoundId == round && n.Key == ReportNarrativeKeys.Inleiding));
        Assert.Equal(1, stored.Version);
        Assert.Contains("@", stored.UpdatedBy, StringComparison.Ordinal);
        var report = await client.GetStringAsync($"/onderzoek/rondes/{round}/rapport");
        Assert.Contains("Onze <strong>eigen</strong> inleiding &lt;script&gt;", report, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", report, StringComparison.Ordinal);

        // A second editor who loaded version 0 cannot overwrite version 1: a message, the typed text kept, nothing stored.
        var stale = await HtmlForms.PostFormAsync(client, url, "tekst-inleiding",
            new Dictionary<string, string> { ["tekst"] = "Andere inleiding", ["versie"] = "0", ["actie"] = "opslaan" });
        var html = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Contains("heeft deze tekst intussen ook gewijzigd", html, StringComparison.Ordinal);
        Assert.Contains("Andere inleiding</textarea>", html, StringComparison.Ordinal);
        Assert.StartsWith("Onze **eigen**", await App.WithDbAsync(db => db.ReportNarratives.Where(n => n.RoundId == round && n.Key == ReportNarrativeKeys.Inleiding).Select(n => n.Markdown).SingleAsync()), StringComparison.Ordinal);

        var tooLong = await HtmlForms.PostFormAsync(client, url, "tekst-conclusies",
            new Dictionary<string, string> { ["tekst"] = new string('a', ReportNarrative.MaxMarkdown + 1), ["actie"] = "opslaan" });
        Assert.Contains("het maximum is", WebUtility.HtmlDecode(await tooLong.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await App.WithDbAsync(db => db.ReportNarratives.AnyAsync(n => n.RoundId == round && n.Key == ReportNarrativeKeys.Conclusies)));

        var reset = await HtmlForms.PostFormAsync(client, url, "tekst-inleiding", new Dictionary<string, string> { ["actie"] = "standaard" });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.False(await App.WithDbAsync(db => db.ReportNarratives.AnyAsync(n => n.RoundId == round)));
    }

    [Fact]
    public async Task Only_researchers_see_the_report()
    {
        var (_, round) = await RoundAsync([]);
        var coordinator = await App.UserAsync(Roles.Coordinator, "GM0363");
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync($"/onderzoek/rondes/{round}/rapport")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync($"/onderzoek/rondes/{round}/rapport/teksten")).StatusCode);
        var researcher = await App.UserAsync(Roles.Onderzoeker);
        Assert.Equal(HttpStatusCode.NotFound, (await researcher.GetAsync($"/onderzoek/rondes/{Guid.NewGuid()}/rapport")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteReportPageTests(SqliteAppFixture fixture) : ReportPageTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresReportPageTests(PostgresAppFixture fixture) : ReportPageTests(fixture);
