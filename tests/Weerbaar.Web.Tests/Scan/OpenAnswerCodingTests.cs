using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.OpenAnswers;
using Weerbaar.Web.Features.Scan.Responses;
using Weerbaar.Web.Tests.Accounts;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Scan;

/// <summary>Coding the open answers: suggestion, who and when, replacing, bulk accept, κ, theme summary with de-identified quotes.</summary>
public abstract class OpenAnswerCodingTests(AppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;
    private static readonly Instrument Scan = new InstrumentCatalog().Find("weerbaarheidsscan-2025")!;
    private const string Password = "Test-wachtwoord-789";

    private sealed record Researcher(HttpClient Client, string Id, string Email);

    private async Task<Researcher> ResearcherAsync(string name, string role = Roles.Onderzoeker)
    {
        var email = $"codeur-{name}@test.weerbaar.nl";
        string id;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await AccountSeeder.EnsureUserAsync(users, email, $"Codeur {name}", role, null, null, Password, TimeProvider.System);
            id = (await users.FindByEmailAsync(email))!.Id;
        }
        return new Researcher(await App.BearerClientAsync(email, Password), id, email);
    }

    private static string Field(string value) => value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    private static string Row(string respondent, string gemeente, string o1)
        => string.Join(",", new[] { respondent, gemeente, "2025-12-15" }.Concat(Scan.ColumnOrder.Select(c => c == "O1" ? Field(o1) : "")));

    /// <summary>A new round with one submitted response per (gemeente, O1 answer); returns the round and the response ids in row order.</summary>
    private async Task<(Guid Round, List<Guid> Responses)> RoundAsync(HttpClient client, params (string Gemeente, string O1)[] answers)
    {
        var created = await client.PostAsJsonAsync("/api/v1/rounds", new { instrument = "weerbaarheidsscan-2025", name = "Open " + Guid.NewGuid().ToString("N")[..6], opensOn = "2025-12-15", closesOn = "2099-01-15" });
        var round = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var csv = string.Join("\r\n", answers.Select((a, i) => Row($"r{i:D2}", a.Gemeente, a.O1)).Prepend(string.Join(",", ResponseCsv.Header(Scan)))) + "\r\n";
        var imported = await client.PostAsync($"/api/v1/rounds/{round}/responses/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var ids = await App.WithDbAsync(db => db.ScanResponses.IgnoreQueryFilters().Where(r => r.RoundId == round).OrderBy(r => r.RespondentId).Select(r => r.Id).ToListAsync());
        return (round, ids);
    }

    private static string CodingUrl(Guid round, string question = "O1") => $"/onderzoek/rondes/{round}/open-antwoorden/{question}";

    private static Task<HttpResponseMessage> CodeAsync(Researcher who, Guid round, Guid response, params string[] themes)
        => HtmlForms.PostFormAsync(who.Client, CodingUrl(round), $"codeer-{response:N}", themes.Select(t => KeyValuePair.Create("thema", t)).ToList());

    private Task<List<OpenAnswerCoding>> CodingsAsync(Guid round)
        => App.WithDbAsync(db => db.OpenAnswerCodings.Where(c => c.RoundId == round).ToListAsync());

    [Fact]
    public async Task Uncoded_answer_shows_the_suggestion_and_a_save_keeps_who_coded_it_and_when()
    {
        var a = await ResearcherAsync("a");
        var (round, responses) = await RoundAsync(a.Client, ("GM0363", "De inrichting van noodsteunpunten is nog niet geregeld."));
        var html = await a.Client.GetStringAsync(CodingUrl(round));
        Assert.Contains("<mark>noodsteunpunten</mark><span class=\"site-visually-hidden\"> (trefwoord voor Noodsteunpunten)</span>", html, StringComparison.Ordinal);
        var id = $"t-{responses[0]:N}-NOODSTEUNPUNT";
        Assert.Matches($"<input id=\"{id}\"[^>]*checked", html);
        Assert.Contains($"for=\"{id}\">Noodsteunpunten (voorgesteld)</label>", html, StringComparison.Ordinal);
        Assert.DoesNotMatch($"<input id=\"t-{responses[0]:N}-CAPACITEIT\"[^>]*checked", html);
        Assert.Empty(await CodingsAsync(round)); // a suggestion is not a coding

        var before = DateTimeOffset.UtcNow;
        var saved = await CodeAsync(a, round, responses[0], "NOODSTEUNPUNT", "CAPACITEIT");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var coding = Assert.Single(await CodingsAsync(round));
        Assert.Equal((a.Id, a.Email, "O1", responses[0]), (coding.CoderId, coding.CoderName, coding.QuestionId, coding.ResponseId));
        Assert.Equal(["CAPACITEIT", "NOODSTEUNPUNT"], coding.Themes); // codebook order
        Assert.Equal(["NOODSTEUNPUNT"], coding.Suggested);
        Assert.InRange(coding.CodedAt, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));

        var after = WebUtility.HtmlDecode(await a.Client.GetStringAsync(saved.Headers.Location!.OriginalString));
        Assert.Contains("role=\"status\"><p class=\"utrecht-paragraph\">De codering van antwoord 1 is opgeslagen.", after, StringComparison.Ordinal);
        Assert.Contains($"Gecodeerd door {a.Email} op ", after, StringComparison.Ordinal);
        Assert.Matches($"<input id=\"t-{responses[0]:N}-CAPACITEIT\"[^>]*checked", after);
    }

    [Fact]
    public async Task Saving_again_replaces_the_researchers_own_coding_and_not_anothers()
    {
        var a = await ResearcherAsync("a");
        var b = await ResearcherAsync("b", Roles.Beheerder);
        var (round, responses) = await RoundAsync(a.Client, ("GM0363", "Te weinig capaciteit en geen budget."));
        await CodeAsync(a, round, responses[0], "CAPACITEIT");
        await CodeAsync(b, round, responses[0], "REGIE");
        var first = (await CodingsAsync(round)).Single(c => c.CoderId == a.Id).CodedAt;
        await Task.Delay(20);
        Assert.Equal(HttpStatusCode.Redirect, (await CodeAsync(a, round, responses[0], "PLANVORMING", "KWETSBAAR")).StatusCode);

        var codings = await CodingsAsync(round);
        Assert.Equal(2, codings.Count);
        var mine = codings.Single(c => c.CoderId == a.Id);
        Assert.Equal(["KWETSBAAR", "PLANVORMING"], mine.Themes);
        Assert.True(mine.CodedAt > first);
        Assert.Equal(["REGIE"], codings.Single(c => c.CoderId == b.Id).Themes);

        // A double-clicked save: both requests succeed, one row remains.
        var twice = await Task.WhenAll(CodeAsync(a, round, responses[0], "VITAAL"), CodeAsync(a, round, responses[0], "VITAAL"));
        Assert.All(twice, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(["VITAAL"], (await CodingsAsync(round)).Single(c => c.CoderId == a.Id).Themes);

        // No theme at all is a coding too ("geen thema").
        await CodeAsync(a, round, responses[0]);
        Assert.Empty((await CodingsAsync(round)).Single(c => c.CoderId == a.Id).Themes);
    }

    [Fact]
    public async Task An_unknown_theme_code_is_refused_in_Dutch_and_nothing_changes()
    {
        var a = await ResearcherAsync("a");
        var (round, responses) = await RoundAsync(a.Client, ("GM0363", "Communicatie met inwoners over het noodpakket."));
        await CodeAsync(a, round, responses[0], "COMMUNICATIE");
        var before = Assert.Single(await CodingsAsync(round));

        var refused = await CodeAsync(a, round, responses[0], "COMMUNICATIE", "ONBEKEND");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Het thema ‘ONBEKEND’ staat niet in het codeboek; de codering is niet opgeslagen.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var after = Assert.Single(await CodingsAsync(round));
        Assert.Equal(before.Themes, after.Themes);
        Assert.Equal(before.CodedAt, after.CodedAt);
    }

    [Fact]
    public async Task Accepting_all_suggestions_codes_only_the_researchers_uncoded_answers_that_have_a_suggestion()
    {
        var a = await ResearcherAsync("a");
        var b = await ResearcherAsync("b", Roles.Beheerder);
        var (round, responses) = await RoundAsync(a.Client,
            ("GM0363", "Structureel budget ontbreekt."),
            ("GM0344", "Afspraken met zorgaanbieders over kwetsbare inwoners."),
            ("GM0014", "Niets bijzonders te melden."),
            ("GM0599", "Meer geld voor noodsteunpunten."));
        await CodeAsync(a, round, responses[0], "REGIE"); // A disagrees with the suggestion; accepting must not overwrite this
        await CodeAsync(b, round, responses[1], "VITAAL"); // B's coding does not count as A's

        var accepted = await HtmlForms.PostFormAsync(a.Client, CodingUrl(round), "voorstellen-overnemen", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.EndsWith("?overgenomen=2&zonder=1", accepted.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var mine = (await CodingsAsync(round)).Where(c => c.CoderId == a.Id).ToDictionary(c => c.ResponseId);
        Assert.Equal(3, mine.Count);
        Assert.Equal(["REGIE"], mine[responses[0]].Themes);
        Assert.Equal(["KWETSBAAR"], mine[responses[1]].Themes);
        Assert.Equal(mine[responses[1]].Suggested, mine[responses[1]].Themes);
        Assert.False(mine.ContainsKey(responses[2])); // no keywords: left for a researcher to read
        Assert.Equal(["CAPACITEIT", "NOODSTEUNPUNT"], mine[responses[3]].Themes);
        Assert.Equal(["VITAAL"], (await CodingsAsync(round)).Single(c => c.CoderId == b.Id).Themes);
        Assert.Contains("2 antwoorden gecodeerd volgens het voorstel; 1 antwoorden zonder voorstel zijn niet gecodeerd.",
            WebUtility.HtmlDecode(await a.Client.GetStringAsync(accepted.Headers.Location!.OriginalString)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kappa_of_two_coders_matches_a_hand_worked_example()
    {
        var a = await ResearcherAsync("a");
        var (round, responses) = await RoundAsync(a.Client, Enumerable.Range(0, 11).Select(i => ("GM0363", $"Antwoord nummer {i}.")).ToArray());
        // Ten answers coded by both A and B, the eleventh by A only (not in common, so not counted).
        // CAPACITEIT: A present on answers 0–3, B on 0–2 and 4. 2×2 table (A rows, B columns):
        //                 B present  B absent
        //   A present         3          1       4
        //   A absent          1          5       6
        //                     4          6      10
        //   p_o = (3 + 5)/10 = 0.8; p_e = 0.4·0.4 + 0.6·0.6 = 0.52; κ = (0.8 − 0.52)/(1 − 0.52) = 0.28/0.48 = 7/12 ≈ 0.5833.
        // KWETSBAAR: both present on answers 0–1, absent elsewhere: p_o = 1, p_e = 0.2² + 0.8² = 0.68, κ = 1.
        // Other eight themes: both absent everywhere: p_e = 1, κ undefined, agreement 100%.
        // Mean κ over the two defined themes = (7/12 + 1)/2 = 19/24; percent agreement = (80 + 9 × 100)/10 = 98.
        List<string> ThemesOf(char coder, int i)
        {
            var themes = new List<string>();
            if (coder == 'A' ? i <= 3 : i <= 2 || i == 4)
            {
                themes.Add("CAPACITEIT");
            }
            if (i <= 1)
            {
                themes.Add("KWETSBAAR");
            }
            return themes;
        }
        var at = DateTimeOffset.UtcNow;
        await App.WithDbAsync(db =>
        {
            for (var i = 0; i < 11; i++)
            {
                db.OpenAnswerCodings.Add(new OpenAnswerCoding { RoundId = round, ResponseId = responses[i], QuestionId = "O1", CoderId = "coder-a", CoderName = "a@test", Themes = ThemesOf('A', i), CodedAt = at });
                if (i < 10)
                {
                    db.OpenAnswerCodings.Add(new OpenAnswerCoding { RoundId = round, ResponseId = responses[i], QuestionId = "O1", CoderId = "coder-b", CoderName = "b@test", Themes = ThemesOf('B', i), CodedAt = at });
                }
            }
            return db.SaveChangesAsync();
        });

        var agreement = await a.Client.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{round}/open-answers/agreement");
        var questions = agreement.EnumerateArray().ToDictionary(q => q.GetProperty("questionId").GetString()!);
        Assert.Equal(["O1", "O2", "O3", "O4"], questions.Keys);
        Assert.Equal(0, questions["O2"].GetProperty("pairs").GetArrayLength());
        var pair = Assert.Single(questions["O1"].GetProperty("pairs").EnumerateArray());
        Assert.Equal(("a@test", "b@test", 10), (pair.GetProperty("coder1").GetString(), pair.GetProperty("coder2").GetString(), pair.GetProperty("n").GetInt32()));
        Assert.Equal(19.0 / 24, pair.GetProperty("meanKappa").GetDouble(), 12);
        Assert.Equal(2, pair.GetProperty("themesWithKappa").GetInt32());
        Assert.Equal(98.0, pair.GetProperty("percentAgreement").GetDouble(), 12);
        var themes = pair.GetProperty("themes").EnumerateArray().ToDictionary(t => t.GetProperty("code").GetString()!);
        Assert.Equal(10, themes.Count);
        var capaciteit = themes["CAPACITEIT"];
        Assert.Equal(7.0 / 12, capaciteit.GetProperty("kappa").GetDouble(), 12);
        Assert.Equal(80.0, capaciteit.GetProperty("percentAgreement").GetDouble(), 12);
        Assert.Equal((3, 1, 1, 5), (capaciteit.GetProperty("both").GetInt32(), capaciteit.GetProperty("coder1Only").GetInt32(), capaciteit.GetProperty("coder2Only").GetInt32(), capaciteit.GetProperty("neither").GetInt32()));
        Assert.Equal(1.0, themes["KWETSBAAR"].GetProperty("kappa").GetDouble(), 12);
        Assert.Equal(JsonValueKind.Null, themes["REGIE"].GetProperty("kappa").ValueKind);
        Assert.Equal(100.0, themes["REGIE"].GetProperty("percentAgreement").GetDouble());

        var page = WebUtility.HtmlDecode(await a.Client.GetStringAsync($"/onderzoek/rondes/{round}/open-antwoorden"));
        Assert.Contains("a@test en b@test", page, StringComparison.Ordinal);
        Assert.Contains("0,79 (2 thema's)", page, StringComparison.Ordinal);
        await LoginTests.AssertProblem(await a.Client.GetAsync($"/api/v1/rounds/{Guid.NewGuid()}/open-answers/agreement"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Theme_summary_counts_the_first_coders_codings_and_quotes_without_names_or_contact_details()
    {
        var a = await ResearcherAsync("a");
        var b = await ResearcherAsync("b", Roles.Beheerder);
        var longAnswer = "Het budget is te klein. " + string.Concat(Enumerable.Repeat("We hebben structureel te weinig capaciteit voor alle taken die op ons afkomen. ", 6));
        var (round, responses) = await RoundAsync(a.Client,
            ("GM0344", "In Utrecht ontbreekt capaciteit, budget en personeel; in Kanaleneiland-Noord merken we het meest. Bel 06-12345678 of mail jan.jansen@utrecht.nl."),
            ("GM0363", "Geen geld."),
            ("GM0014", "Te weinig fte."),
            ("GM0599", longAnswer),
            ("GM0150", "Geen geld."),
            ("GM0153", "De werkdruk is hoog."),
            ("GM0034", "Kwetsbare inwoners zijn niet in beeld."),
            ("GM0307", "Nog niet gecodeerd: budget."));
        for (var i = 0; i < 7; i++)
        {
            await CodeAsync(a, round, responses[i], i == 6 ? "KWETSBAAR" : "CAPACITEIT");
        }
        // B codes later and differently: A started first, so A's codings count.
        await CodeAsync(b, round, responses[6], "REGIE");
        await App.WithDbAsync(db =>
        {
            db.ScanResponses.Add(new ScanResponse
            {
                RoundId = round,
                GemeenteCode = "GM0200",
                RespondentId = "bezig",
                Status = ResponseStatus.InProgress,
                Version = 1,
                Answers = new() { ["O1"] = "Nog bezig: budget en capaciteit in Apeldoorn." },
                CreatedAt = DateTimeOffset.UtcNow,
                UpdatedAt = DateTimeOffset.UtcNow,
                Source = "web",
                Position = 99,
            });
            return db.SaveChangesAsync();
        });

        var summary = await a.Client.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{round}/open-answers/themes");
        var o1 = summary.EnumerateArray().Single(q => q.GetProperty("questionId").GetString() == "O1");
        Assert.Equal((8, 7), (o1.GetProperty("answers").GetInt32(), o1.GetProperty("coded").GetInt32())); // the in-progress answer is not counted
        var themes = o1.GetProperty("themes").EnumerateArray().ToList();
        Assert.Equal(10, themes.Count);
        Assert.Equal(("CAPACITEIT", 6), (themes[0].GetProperty("code").GetString(), themes[0].GetProperty("count").GetInt32()));
        Assert.Equal(("KWETSBAAR", 1), (themes[1].GetProperty("code").GetString(), themes[1].GetProperty("count").GetInt32()));
        Assert.Equal(0, themes.Single(t => t.GetProperty("code").GetString() == "REGIE").GetProperty("count").GetInt32());
        Assert.Equal(0, themes[1].GetProperty("quotes").GetArrayLength()); // below the disclosure threshold of 5: no quotes

        var quotes = themes[0].GetProperty("quotes").EnumerateArray().Select(q => q.GetString()!).ToList();
        // Most capaciteit keywords first (Utrecht answer: capaciteit, budget, personeel; long answer: budget + 6 × capaciteit), then the shortest.
        Assert.Equal(3, quotes.Count);
        Assert.StartsWith("Het budget is te klein.", quotes[0], StringComparison.Ordinal);
        Assert.EndsWith("…", quotes[0], StringComparison.Ordinal);
        Assert.InRange(quotes[0].Length, 250, 300);
        Assert.Equal("In [gemeente] ontbreekt capaciteit, budget en personeel; in [plaats] merken we het meest. Bel [verwijderd] of mail [verwijderd].", quotes[1]);
        Assert.Equal("Geen geld.", quotes[2]); // one match each for the rest: the shortest first; the second "Geen geld." is the same quote
        Assert.All(quotes, q => Assert.DoesNotContain("Utrecht", q, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(quotes, q => q.Contains("Apeldoorn", StringComparison.Ordinal));

        var page = WebUtility.HtmlDecode(await a.Client.GetStringAsync($"/onderzoek/rondes/{round}/open-antwoorden"));
        Assert.Contains("Een antwoord telt als gecodeerd zodra één onderzoeker het heeft gecodeerd.", page, StringComparison.Ordinal);
        Assert.Contains("7 van 8 antwoorden gecodeerd.", page, StringComparison.Ordinal);
        var coding = WebUtility.HtmlDecode(await a.Client.GetStringAsync(CodingUrl(round)));
        Assert.DoesNotContain("Nog bezig", coding, StringComparison.Ordinal);
        Assert.Contains("8 verstuurde antwoorden; u codeerde er 7.", coding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coding_pages_of_an_unknown_question_or_round_are_404_and_a_gemeente_coordinator_is_refused()
    {
        var a = await ResearcherAsync("a");
        var (round, _) = await RoundAsync(a.Client, ("GM0344", "Budget."));
        Assert.Equal(HttpStatusCode.NotFound, (await a.Client.GetAsync(CodingUrl(round, "B1"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.Client.GetAsync($"/onderzoek/rondes/{Guid.NewGuid()}/open-antwoorden")).StatusCode);
        await LoginTests.AssertProblem(await a.Client.GetAsync($"/api/v1/rounds/{Guid.NewGuid()}/open-answers/themes"), HttpStatusCode.NotFound);

        var coordinator = await App.UserAsync(Roles.Coordinator, "GM0344");
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync($"/onderzoek/rondes/{round}/open-antwoorden")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync(CodingUrl(round))).StatusCode);
        await LoginTests.AssertProblem(await coordinator.GetAsync($"/api/v1/rounds/{round}/open-answers/themes"), HttpStatusCode.Forbidden);
        await LoginTests.AssertProblem(await coordinator.GetAsync($"/api/v1/rounds/{round}/open-answers/agreement"), HttpStatusCode.Forbidden);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteOpenAnswerCodingTests(SqliteAppFixture fixture) : OpenAnswerCodingTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresOpenAnswerCodingTests(PostgresAppFixture fixture) : OpenAnswerCodingTests(fixture);
