using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.Responses;
using Weerbaar.Web.Tests.Accounts;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Foto;

/// <summary>
/// GET /api/v1/gemeenten/{code}/scan-position and the page /gemeenten/{code}/scanpositie over two imported rounds,
/// checked against a hand calculation. The gemeenten below are used by no other test, so "the newest round in which
/// the gemeente submitted" and the trend are exactly the two rounds made here.
/// </summary>
public abstract class ScanPositionTests(AppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;
    private static readonly Instrument Scan = new InstrumentCatalog().Find("weerbaarheidsscan-2025")!;

    /// <summary>Bergen op Zoom: VR20 Midden- en West-Brabant, 69.694 inwoners (size class 3), stedelijkheid modal 2 (urban).</summary>
    private const string Target = "GM0748";

    // VR20, urban, size class 2 except GM0826 (Oosterhout, class 3).
    private static readonly string[] Regio = ["GM0766", "GM0777", "GM0779", "GM0785", "GM0826"];
    // VR22: GM0794 Helmond (urban, class 3); the rest rural (class 4–5), size class 2 or 1 (GM0823, GM0866).
    private static readonly string[] Elsewhere = ["GM0794", "GM0762", "GM0770", "GM0823", "GM0847", "GM0866"];
    private static string[] Others => [.. Regio, .. Elsewhere];

    private const string OwnO1 = "Onze grootste zorg is de waterveiligheid in de polders";

    private static readonly ConcurrentDictionary<WeerbaarFactory, Lazy<Task<Scenario>>> Scenarios = new();

    private sealed record Scenario(Guid Old, string OldName, Guid New, string NewName);

    private static string Row(string respondent, string gemeente, params (string Column, string Value)[] answers)
        => string.Join(",", new[] { respondent, gemeente, "2025-12-15" }.Concat(Scan.ColumnOrder.Select(c => answers.FirstOrDefault(a => a.Column == c).Value ?? "")));

    private static string Secret(string gemeente) => $"GEHEIM-ANTWOORD-{gemeente}";

    private Task<Scenario> ScenarioAsync() => Scenarios.GetOrAdd(App, _ => new Lazy<Task<Scenario>>(CreateAsync)).Value;

    private async Task<Scenario> CreateAsync()
    {
        var onderzoeker = await App.UserAsync(Roles.Onderzoeker);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var oldName = "Positie 2024 " + suffix;
        var newName = "Positie 2025 " + suffix;
        var old = await NewRoundAsync(onderzoeker, oldName, "2024-12-15");
        // Old round: Bergen op Zoom EC 4, five regio gemeenten EC 6.
        await ImportAsync(onderzoeker, old, [Row("o-t", Target, ("EC_score", "4")), .. Regio.Select(g => Row($"o-{g}", g, ("EC_score", "6")))]);

        var ec = new Dictionary<string, string>
        {
            [Target] = "5",
            ["GM0766"] = "7",
            ["GM0777"] = "6",
            ["GM0779"] = "5",
            ["GM0785"] = "8",
            ["GM0826"] = "4",
            ["GM0794"] = "9",
            ["GM0762"] = "3",
            ["GM0770"] = "5",
            ["GM0823"] = "6",
            ["GM0847"] = "7",
            ["GM0866"] = "2",
        };
        // EC bewustzijn only from the urban gemeenten; Bergen op Zoom answers 'weet niet'.
        var ecB = new Dictionary<string, string> { [Target] = "WN", ["GM0766"] = "4", ["GM0777"] = "3", ["GM0779"] = "4", ["GM0785"] = "5", ["GM0826"] = "2", ["GM0794"] = "3" };
        var rows = new[] { Target }.Concat(Others).Select(g => Row($"n-{g}", g,
            ("EC_score", ec[g]),
            ("EC_bewustzijn", ecB.GetValueOrDefault(g, "")),
            ("CO_score", g == Target ? "8" : g == "GM0866" ? "" : "6"),
            ("O1", g == Target ? OwnO1 : Secret(g)),
            ("O3", g == Target ? "" : Secret(g)))).ToArray();
        var @new = await NewRoundAsync(onderzoeker, newName, "2025-12-15");
        await ImportAsync(onderzoeker, @new, rows);
        return new Scenario(old, oldName, @new, newName);
    }

    private static async Task<Guid> NewRoundAsync(HttpClient onderzoeker, string name, string opensOn)
    {
        var response = await onderzoeker.PostAsJsonAsync("/api/v1/rounds", new { instrument = "weerbaarheidsscan-2025", name, opensOn, closesOn = "2099-01-15" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task ImportAsync(HttpClient onderzoeker, Guid round, string[] rows)
    {
        var csv = string.Join("\r\n", rows.Prepend(string.Join(",", ResponseCsv.Header(Scan)))) + "\r\n";
        var response = await onderzoeker.PostAsync($"/api/v1/rounds/{round}/responses/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static JsonElement Pillar(JsonElement position, string code)
        => position.GetProperty("pillars").EnumerateArray().Single(p => p.GetProperty("pillar").GetString() == code);

    private static void AssertMean(JsonElement group, int n, double mean)
    {
        Assert.False(group.GetProperty("suppressed").GetBoolean());
        Assert.Equal(n, group.GetProperty("n").GetInt32());
        Assert.Equal(mean, group.GetProperty("mean").GetDouble(), 12);
    }

    private static void AssertWithheld(JsonElement group, string reason)
    {
        Assert.True(group.GetProperty("suppressed").GetBoolean());
        Assert.Equal(reason, group.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, group.GetProperty("n").ValueKind);
        Assert.Equal(JsonValueKind.Null, group.GetProperty("mean").ValueKind);
    }

    [Fact]
    public async Task Position_shows_own_scores_beside_protected_peer_means_as_calculated_by_hand()
    {
        var s = await ScenarioAsync();
        var coordinator = await App.UserAsync(Roles.Coordinator, Target);
        var position = await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/gemeenten/{Target}/scan-position");

        // Default: the newest round in which Bergen op Zoom submitted.
        Assert.Equal(s.New, position.GetProperty("roundId").GetGuid());
        Assert.Equal(s.NewName, position.GetProperty("roundName").GetString());
        // The report's 5, plus the gemeente itself: every mean it sees covers at least 5 other gemeenten.
        Assert.Equal(6, position.GetProperty("minimumGroupSize").GetInt32());
        Assert.True(position.GetProperty("peerMeansIncludeGemeente").GetBoolean());
        var groups = position.GetProperty("groups");
        Assert.Equal("VR20", groups.GetProperty("veiligheidsregio").GetProperty("key").GetString());
        Assert.Equal("3", groups.GetProperty("sizeClass").GetProperty("key").GetString());
        Assert.Equal("1", groups.GetProperty("urbanity").GetProperty("key").GetString());
        Assert.Equal(["EC", "CO", "VV", "SW", "ZR", "SO"], position.GetProperty("pillars").EnumerateArray().Select(p => p.GetProperty("pillar").GetString()));

        // EC scores of the 12 gemeenten: 5 (own) 7 6 5 8 4 | 9 3 5 6 7 2, sum 67.
        var ec = Pillar(position, "EC");
        Assert.Equal("Eigen continuïteit", ec.GetProperty("name").GetString());
        Assert.Equal(5.0, ec.GetProperty("own").GetDouble());
        AssertMean(ec.GetProperty("national"), 12, 67.0 / 12);
        // VR20: 5 7 6 5 8 4 (sum 35); VR22 has 6 as well, so neither is withheld.
        AssertMean(ec.GetProperty("veiligheidsregio"), 6, 35.0 / 6);
        // Size class 3 (50.000–100.000): Bergen op Zoom, Oosterhout, Helmond = 3 < 5.
        AssertWithheld(ec.GetProperty("sizeClass"), "small-group");
        // Urban: 5 7 6 5 8 4 9 (7 answers); rural 5 < 6 is withheld, and so is urban: national minus urban would give rural away.
        AssertWithheld(ec.GetProperty("urbanity"), "complementary");
        // Below 5: 4, 3, 2 (three); equal to 5: three (Bergen op Zoom itself included): (3 + 3/2) / 12 = 37.5%.
        Assert.Equal(37.5, ec.GetProperty("percentile").GetDouble(), 12);

        // EC bewustzijn: own 'weet niet' → no own answer, no percentile. Answered: VR20 4 3 4 5 2 and Helmond 3.
        var ecB = ec.GetProperty("bewustzijn");
        Assert.Equal(JsonValueKind.Null, ecB.GetProperty("own").ValueKind);
        Assert.Equal(JsonValueKind.Null, ecB.GetProperty("percentile").ValueKind);
        AssertMean(ecB.GetProperty("national"), 6, 21.0 / 6);
        // VR20 holds 5 answers: the gemeente and 4 others, too few (and VR22's single answer would follow from the national mean anyway).
        AssertWithheld(ecB.GetProperty("veiligheidsregio"), "small-group");
        AssertWithheld(ecB.GetProperty("sizeClass"), "small-group");
        AssertMean(ecB.GetProperty("urbanity"), 6, 21.0 / 6);

        // CO: own 8, ten others 6, one skipped: n = 11, mean 68/11, ten below and one tie: (10 + 1/2) / 11.
        var co = Pillar(position, "CO");
        Assert.Equal(8.0, co.GetProperty("own").GetDouble());
        AssertMean(co.GetProperty("national"), 11, 68.0 / 11);
        Assert.Equal(100 * 10.5 / 11, co.GetProperty("percentile").GetDouble(), 12);

        // Nobody answered VV: no own score, no means, nothing withheld (there is nobody to protect).
        var vv = Pillar(position, "VV");
        Assert.Equal(JsonValueKind.Null, vv.GetProperty("own").ValueKind);
        Assert.Equal(0, vv.GetProperty("national").GetProperty("n").GetInt32());
        Assert.Equal(JsonValueKind.Null, vv.GetProperty("national").GetProperty("mean").ValueKind);

        // Open answers: its own, as submitted.
        var open = position.GetProperty("openAnswers").EnumerateArray().ToDictionary(o => o.GetProperty("question").GetString()!);
        Assert.Equal(["O1", "O2", "O3", "O4"], open.Keys);
        Assert.Equal(OwnO1, open["O1"].GetProperty("answer").GetString());
        Assert.Equal(JsonValueKind.Null, open["O3"].GetProperty("answer").ValueKind);

        // Trend, oldest first: 2024 own 4 beside (4 + 5 × 6) / 6; 2025 own 5 beside 67/12.
        var trend = position.GetProperty("trend").EnumerateArray().ToList();
        Assert.Equal([s.Old, s.New], trend.Select(t => t.GetProperty("roundId").GetGuid()));
        var oldEc = trend[0].GetProperty("pillars").EnumerateArray().Single(p => p.GetProperty("pillar").GetString() == "EC");
        Assert.Equal(4.0, oldEc.GetProperty("own").GetDouble());
        AssertMean(oldEc.GetProperty("national"), 6, 34.0 / 6);
        var newEc = trend[1].GetProperty("pillars").EnumerateArray().Single(p => p.GetProperty("pillar").GetString() == "EC");
        AssertMean(newEc.GetProperty("national"), 12, 67.0 / 12);

        // An earlier round on request: 4 among 4 6 6 6 6 6 → (0 + 1/2) / 6.
        var earlier = await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/gemeenten/{Target}/scan-position?roundId={s.Old}");
        Assert.Equal(s.OldName, earlier.GetProperty("roundName").GetString());
        Assert.Equal(100 * 0.5 / 6, Pillar(earlier, "EC").GetProperty("percentile").GetDouble(), 12);
        // In 2024 all six respondents are in VR20: the regio mean equals the national one.
        AssertMean(Pillar(earlier, "EC").GetProperty("veiligheidsregio"), 6, 34.0 / 6);
    }

    [Fact]
    public async Task No_other_gemeentes_answers_leave_the_api_or_the_page()
    {
        await ScenarioAsync();
        var coordinator = await App.UserAsync(Roles.Coordinator, Target);
        var json = await coordinator.GetStringAsync($"/api/v1/gemeenten/{Target}/scan-position");
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/gemeenten/{Target}/scanpositie"));
        foreach (var text in new[] { json, page })
        {
            Assert.Contains(OwnO1, text, StringComparison.Ordinal);
            Assert.DoesNotContain("GEHEIM-ANTWOORD", text, StringComparison.Ordinal);
            foreach (var other in Others)
            {
                Assert.DoesNotContain(other, text, StringComparison.Ordinal);
            }
        }
        using var doc = JsonDocument.Parse(json);
        Assert.False(doc.RootElement.TryGetProperty("answers", out _));
        Assert.False(doc.RootElement.TryGetProperty("responses", out _));
    }

    [Fact]
    public async Task Page_renders_the_position_with_withheld_groups_in_words()
    {
        var s = await ScenarioAsync();
        var lezer = await App.UserAsync(Roles.Lezer, Target);
        var response = await lezer.GetAsync($"/gemeenten/{Target}/scanpositie");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<title>Positie in de Weerbaarheidsscan Bergen op Zoom · Weerbaar</title>", html, StringComparison.Ordinal);
        Assert.Contains("Positie in de Weerbaarheidsscan</h2>", html, StringComparison.Ordinal);
        Assert.Contains(s.NewName, html, StringComparison.Ordinal);
        Assert.Contains("Elk gemiddelde telt Bergen op Zoom zelf mee", html, StringComparison.Ordinal);
        Assert.Contains("modale klasse", html, StringComparison.Ordinal);
        Assert.Contains(">5,6 (n = 12)</td>", html, StringComparison.Ordinal);
        Assert.Contains(">5,8 (n = 6)</td>", html, StringComparison.Ordinal);
        Assert.Contains("<6 (te weinig gemeenten)", html.Replace("&lt;", "<", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains(">afgeschermd</td>", html, StringComparison.Ordinal);
        Assert.Contains("<caption class=\"utrecht-table__caption\">Score (1–10)", html, StringComparison.Ordinal);
        Assert.Contains("scope=\"row\">Eigen continuïteit (EC)</th>", html, StringComparison.Ordinal);
        Assert.Contains("eigen 4; landelijk 5,7 (n = 6)", html, StringComparison.Ordinal);
        Assert.Contains("id=\"positie-trend-ec-titel\"", html, StringComparison.Ordinal); // two rounds: a line chart
        Assert.Contains("Niet beantwoord.", html, StringComparison.Ordinal);

        var earlier = WebUtility.HtmlDecode(await lezer.GetStringAsync($"/gemeenten/{Target}/scanpositie?ronde={s.Old}"));
        Assert.Contains($"Ronde <strong>{s.OldName}</strong>", earlier, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Access_follows_the_gemeente_a_user_may_read()
    {
        await ScenarioAsync();
        var path = $"/api/v1/gemeenten/{Target}/scan-position";
        var otherCoordinator = await App.UserAsync(Roles.Coordinator, "GM0766");
        var refused = await LoginTests.AssertProblem(await otherCoordinator.GetAsync(path), HttpStatusCode.Forbidden);
        Assert.DoesNotContain(OwnO1, refused.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherCoordinator.GetAsync($"/gemeenten/{Target}/scanpositie")).StatusCode);
        // Its own position is open to it, with the same regio mean (a group mean is the same for every member).
        var own = await otherCoordinator.GetFromJsonAsync<JsonElement>("/api/v1/gemeenten/GM0766/scan-position");
        AssertMean(Pillar(own, "EC").GetProperty("veiligheidsregio"), 6, 35.0 / 6);
        Assert.Equal(7.0, Pillar(own, "EC").GetProperty("own").GetDouble());

        var regio = await App.UserAsync(Roles.Regio, regio: "VR20");
        Assert.Equal(HttpStatusCode.OK, (await regio.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await regio.GetAsync($"/gemeenten/{Target}/scanpositie")).StatusCode);
        var otherRegio = await App.UserAsync(Roles.Regio, regio: "VR22");
        await LoginTests.AssertProblem(await otherRegio.GetAsync(path), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await (await App.UserAsync(Roles.Onderzoeker)).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Anonymous().GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task A_gemeente_without_a_submitted_response_or_an_unknown_one_is_not_found()
    {
        var s = await ScenarioAsync();
        var onderzoeker = await App.UserAsync(Roles.Onderzoeker);
        var none = await LoginTests.AssertProblem(await onderzoeker.GetAsync("/api/v1/gemeenten/GM0744/scan-position"), HttpStatusCode.NotFound);
        Assert.Contains("Baarle-Nassau heeft in geen enkele ronde", none.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await LoginTests.AssertProblem(await onderzoeker.GetAsync($"/api/v1/gemeenten/{Target}/scan-position?roundId={Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await LoginTests.AssertProblem(await onderzoeker.GetAsync("/api/v1/gemeenten/GM9999/scan-position"), HttpStatusCode.NotFound);
        // A round the gemeente took no part in.
        await LoginTests.AssertProblem(await onderzoeker.GetAsync($"/api/v1/gemeenten/GM0762/scan-position?roundId={s.Old}"), HttpStatusCode.NotFound);

        var page = WebUtility.HtmlDecode(await onderzoeker.GetStringAsync("/gemeenten/GM0744/scanpositie"));
        Assert.Contains("Baarle-Nassau heeft de Weerbaarheidsscan nog in geen enkele ronde verstuurd.", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await onderzoeker.GetAsync("/gemeenten/GM9999/scanpositie")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteScanPositionTests(SqliteAppFixture fixture) : ScanPositionTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresScanPositionTests(PostgresAppFixture fixture) : ScanPositionTests(fixture);
