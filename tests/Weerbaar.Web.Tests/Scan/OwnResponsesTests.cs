using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.Responses;
using Weerbaar.Web.Tests.Accounts;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Scan;

/// <summary>Issue acceptance "a coordinator sees only their own gemeente's response": API and page, per role.</summary>
public abstract class OwnResponsesTests(AppFixture fixture)
{
    // Each test uses its own pair of gemeenten that no other test imports responses for, so "exactly one response"
    // holds on the database the tests of a collection share.
    private const string Password = "Eigen-antwoorden-wachtwoord-7";

    private WeerbaarFactory App => fixture.Factory;
    private static readonly Instrument Scan = new InstrumentCatalog().Find("weerbaarheidsscan-2025")!;
    private static readonly string Header = string.Join(",", ResponseCsv.Header(Scan));

    private static string Row(string respondent, string gemeente, params (string Column, string Value)[] answers)
        => string.Join(",", new[] { respondent, gemeente, "2025-12-15" }.Concat(Scan.ColumnOrder.Select(c => answers.FirstOrDefault(a => a.Column == c).Value ?? "")));

    private static string File(params string[] rows) => string.Join("\r\n", rows.Prepend(Header)) + "\r\n";

    private static async Task<Guid> NewRoundAsync(HttpClient onderzoeker, string name, string opensOn = "2025-12-15")
    {
        var response = await onderzoeker.PostAsJsonAsync("/api/v1/rounds", new { instrument = "weerbaarheidsscan-2025", name, opensOn, closesOn = "2099-01-15" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task ImportAsync(HttpClient onderzoeker, Guid round, string csv)
    {
        var response = await onderzoeker.PostAsync($"/api/v1/rounds/{round}/responses/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Logs in through the login page, as a browser would, and returns the auth cookie.</summary>
    private async Task<string> CookieAsync(string role, string gemeente)
    {
        var email = $"eigen-{role}-{gemeente}@test.weerbaar.nl".ToLowerInvariant();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await AccountSeeder.EnsureUserAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), email, $"Eigen {role}", role, gemeente, null, Password, TimeProvider.System);
        }
        var login = await HtmlForms.PostFormAsync(App.Anonymous(), "/inloggen", "inloggen",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("weerbaar.auth=", StringComparison.Ordinal)).Split(';')[0];
    }

    private async Task<HttpResponseMessage> PageAsync(string cookie, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await App.Anonymous().SendAsync(request);
    }

    private sealed record Scenario(HttpClient Onderzoeker, Guid Round, string RoundName, string SecretA, string SecretB);

    private async Task<Scenario> TwoGemeentenAsync(string a, string b)
    {
        var onderzoeker = await App.UserAsync(Roles.Onderzoeker);
        var name = "Eigen antwoorden " + Guid.NewGuid().ToString("N")[..6];
        var round = await NewRoundAsync(onderzoeker, name);
        var secretA = "Knelpunt-A-" + Guid.NewGuid().ToString("N")[..8];
        var secretB = "Knelpunt-B-" + Guid.NewGuid().ToString("N")[..8];
        await ImportAsync(onderzoeker, round, File(
            Row("eigen-a", a, ("B1", "4"), ("I4", "OOV|CRISIS"), ("EC_score", "7"), ("EC_rank", "1"), ("CO_rank", "2"), ("VV_rank", "3"), ("SW_rank", "4"), ("ZR_rank", "5"), ("SO_rank", "6"), ("O1", secretA)),
            Row("eigen-b", b, ("B1", "2"), ("B2", "WN"), ("O1", secretB))));
        return new Scenario(onderzoeker, round, name, secretA, secretB);
    }

    [Fact]
    public async Task Coordinator_gets_exactly_her_own_gemeentes_response_from_the_api()
    {
        const string A = "GM0153", B = "GM0599"; // Enschede, Rotterdam
        var s = await TwoGemeentenAsync(A, B);
        var coordinator = await App.UserAsync(Roles.Coordinator, A);

        var response = await coordinator.GetAsync($"/api/v1/gemeenten/{A}/scan-responses");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("API-Version"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(s.SecretB, body, StringComparison.Ordinal);
        var own = Assert.Single(JsonDocument.Parse(body).RootElement.EnumerateArray());
        Assert.Equal(s.Round, own.GetProperty("roundId").GetGuid());
        Assert.Equal(s.RoundName, own.GetProperty("roundName").GetString());
        Assert.Equal("weerbaarheidsscan-2025", own.GetProperty("instrument").GetString());
        Assert.Equal("submitted", own.GetProperty("status").GetString());
        Assert.Equal(new DateOnly(2025, 12, 15), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(own.GetProperty("submittedAt").GetDateTimeOffset(), Weerbaar.Web.Shared.Format.Amsterdam).DateTime));
        var answers = own.GetProperty("answers");
        Assert.Equal("4", answers.GetProperty("B1").GetString());
        Assert.Equal("OOV|CRISIS", answers.GetProperty("I4").GetString());
        Assert.Equal(s.SecretA, answers.GetProperty("O1").GetString());
    }

    [Fact]
    public async Task Coordinator_sees_her_answers_in_words_on_the_page()
    {
        const string A = "GM0193", B = "GM0202"; // Zwolle, Arnhem
        var s = await TwoGemeentenAsync(A, B);
        var cookie = await CookieAsync(Roles.Coordinator, A);

        var page = await PageAsync(cookie, $"/gemeenten/{A}/scan");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("<title>Weerbaarheidsscan Zwolle · Weerbaar</title>", html, StringComparison.Ordinal);
        Assert.Contains(s.RoundName, html, StringComparison.Ordinal);
        Assert.Contains("Verstuurd op 15 december 2025.", html, StringComparison.Ordinal);
        Assert.Contains("Deel 1: ", html, StringComparison.Ordinal);
        Assert.Contains("<dd>In grote mate</dd>", html, StringComparison.Ordinal);
        var i4 = Scan.Questions.Single(q => q.Id == "I4");
        Assert.Contains($"<dd>{AnswerText.Display(Scan, i4, "OOV|CRISIS")}</dd>", html, StringComparison.Ordinal);
        Assert.Contains(s.SecretA, html, StringComparison.Ordinal);
        Assert.DoesNotContain(s.SecretB, html, StringComparison.Ordinal);

        // The gemeente page links to it.
        var gemeente = await (await PageAsync(cookie, $"/gemeenten/{A}")).Content.ReadAsStringAsync();
        Assert.Contains($"href=\"/gemeenten/{A}/scan\"", gemeente, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coordinator_is_refused_another_gemeentes_responses_and_never_receives_them()
    {
        const string A = "GM0200", B = "GM0268"; // Apeldoorn, Nijmegen
        var s = await TwoGemeentenAsync(A, B);
        var coordinator = await App.UserAsync(Roles.Coordinator, A);

        // The GemeenteLezen policy refuses before anything is read: 403 problem+json from the API.
        var api = await coordinator.GetAsync($"/api/v1/gemeenten/{B}/scan-responses");
        var problem = await LoginTests.AssertProblem(api, HttpStatusCode.Forbidden);
        Assert.DoesNotContain(s.SecretB, problem.ToString(), StringComparison.Ordinal);

        // The page with a bearer token: 403; with the login cookie: to the access-denied page.
        var bearerPage = await coordinator.GetAsync($"/gemeenten/{B}/scan");
        Assert.Equal(HttpStatusCode.Forbidden, bearerPage.StatusCode);
        Assert.DoesNotContain(s.SecretB, await bearerPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var cookie = await CookieAsync(Roles.Coordinator, A);
        var page = await PageAsync(cookie, $"/gemeenten/{B}/scan");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/geen-toegang", new Uri(new Uri("http://localhost"), page.Headers.Location!).AbsolutePath);
        Assert.DoesNotContain(s.SecretB, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Nothing A can read carries B's answers, whatever gemeente A asks for.
        foreach (var path in new[] { $"/api/v1/gemeenten/{A}/scan-responses", $"/gemeenten/{A}/scan", $"/gemeenten/{A}" })
        {
            Assert.DoesNotContain(s.SecretB, await (await coordinator.GetAsync(path)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain(s.SecretB, await (await PageAsync(cookie, path)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        // The research files stay with the research team.
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync($"/api/v1/rounds/{s.Round}/responses/export")).StatusCode);
    }

    [Fact]
    public async Task Lezer_reads_her_own_gemeente_only_and_onderzoeker_reads_both()
    {
        const string A = "GM0307", B = "GM0402"; // Amersfoort, Hilversum
        var s = await TwoGemeentenAsync(A, B);

        var lezer = await App.UserAsync(Roles.Lezer, A);
        var own = await lezer.GetAsync($"/api/v1/gemeenten/{A}/scan-responses");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains(s.SecretA, await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await lezer.GetAsync($"/api/v1/gemeenten/{B}/scan-responses")).StatusCode);
        var lezerPage = await PageAsync(await CookieAsync(Roles.Lezer, A), $"/gemeenten/{A}/scan");
        Assert.Equal(HttpStatusCode.OK, lezerPage.StatusCode);
        Assert.Contains(s.SecretA, await lezerPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        foreach (var (gemeente, secret, other) in new[] { (A, s.SecretA, s.SecretB), (B, s.SecretB, s.SecretA) })
        {
            var body = await s.Onderzoeker.GetStringAsync($"/api/v1/gemeenten/{gemeente}/scan-responses");
            Assert.Contains(secret, body, StringComparison.Ordinal);
            Assert.DoesNotContain(other, body, StringComparison.Ordinal);
            var page = await s.Onderzoeker.GetStringAsync($"/gemeenten/{gemeente}/scan");
            Assert.Contains(secret, page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Unknown_gemeente_is_404_and_a_gemeente_without_responses_gets_a_note()
    {
        var onderzoeker = await App.UserAsync(Roles.Onderzoeker);
        var problem = await LoginTests.AssertProblem(await onderzoeker.GetAsync("/api/v1/gemeenten/GM9999/scan-responses"), HttpStatusCode.NotFound);
        Assert.Contains("GM9999", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await onderzoeker.GetAsync("/gemeenten/GM9999/scan")).StatusCode);

        const string none = "GM0772"; // Eindhoven: no test imports responses for it
        var coordinator = await App.UserAsync(Roles.Coordinator, none);
        Assert.Equal("[]", await coordinator.GetStringAsync($"/api/v1/gemeenten/{none}/scan-responses"));
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/gemeenten/{none}/scan"));
        Assert.Contains("Er zijn nog geen antwoorden van Eindhoven op de Weerbaarheidsscan ontvangen.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Newest_round_comes_first()
    {
        const string gemeente = "GM0518"; // 's-Gravenhage: no other test imports responses for it
        var onderzoeker = await App.UserAsync(Roles.Onderzoeker);
        var older = await NewRoundAsync(onderzoeker, "Eerdere ronde " + Guid.NewGuid().ToString("N")[..6], "2024-11-01");
        var newer = await NewRoundAsync(onderzoeker, "Latere ronde " + Guid.NewGuid().ToString("N")[..6], "2025-12-01");
        await ImportAsync(onderzoeker, older, File(Row("ouder", gemeente, ("B1", "1"))));
        await ImportAsync(onderzoeker, newer, File(Row("nieuwer", gemeente, ("B1", "5"))));

        var lezer = await App.UserAsync(Roles.Lezer, gemeente);
        var rounds = (await lezer.GetFromJsonAsync<JsonElement>($"/api/v1/gemeenten/{gemeente}/scan-responses"))
            .EnumerateArray().Select(r => r.GetProperty("roundId").GetGuid()).ToList();
        Assert.Equal([newer, older], rounds);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteOwnResponsesTests(SqliteAppFixture fixture) : OwnResponsesTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresOwnResponsesTests(PostgresAppFixture fixture) : OwnResponsesTests(fixture);
