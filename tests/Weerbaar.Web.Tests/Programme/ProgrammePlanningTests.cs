using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Programme;
using Weerbaar.Web.Tests.Infrastructure;
using static Weerbaar.Web.Tests.Programme.PlanningSeed;

namespace Weerbaar.Web.Tests.Programme;

/// <summary>The planning view of the programme over HTTP: the Gantt page, the capacity and budget page and the schedule API,
/// checked against a network worked out by hand; a refused plan; an empty programme; tenant isolation.</summary>
public abstract partial class ProgrammePlanningTests(AppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;

    private const string Network = "GM0059";
    private const string Cycle = "GM0060";
    private const string Empty = "GM0072";
    private const string Other = "GM0080";

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    /// <summary>
    /// Day 0 = 1 januari 2027; an action runs from its start date through its deadline (D = deadline − start + 1 days), EF = ES + D.
    ///   A-1 EC  1 jan – 31 jan, D 31, 1 fte,   € 40.000 eenmalig, € 10.000 structureel      ES 0,  EF 31
    ///   A-2 CO  1 jan – 20 jan, D 20, 1 fte,   € 20.000 eenmalig                            ES 0,  EF 20
    ///   A-3 EC  1 feb – 31 mrt, D 59, 1,5 fte, € 30.000 eenmalig, € 5.000 structureel; after A-1 (lag 0) and A-2 (lag 14):
    ///           ES = max(31 fixed, 31 + 0, 20 + 14) = 34 (4 februari), EF = 93 → last day 92 = 3 april: 3 days after 31 maart
    ///   A-4 VV  1 apr – 30 apr, D 30, 1 fte,   € 15.000 eenmalig; after A-3: ES = max(90, 93) = 93 (4 april), EF 123 → 3 mei, 3 days late
    ///   A-5 CO  1 feb – 28 feb, D 28, 1 fte,   € 2.000 structureel                          ES 31, EF 59
    /// End = 123. Backward: A-4 LS 93; A-5 LS 95 (slack 64); A-3 LF 93, LS 34 (slack 0); A-1 LF 34, LS 3 (slack 3);
    /// A-2 LF 34 − 14 = 20, LS 0 (slack 0). Critical (slack 0): A-2 → A-3 → A-4.
    /// </summary>
    private Task SeedNetworkAsync()
    {
        const string g = Network;
        var a3 = NewAction(g, 3, "Noodplan schrijven", "EC", D(2027, 2, 1), D(2027, 3, 31), 1.5, 30_000, 5_000, new ActionDependency(1), new ActionDependency(2, 14));
        a3.Milestones = [new ActionMilestone("Concept klaar", D(2027, 3, 1))];
        return ReplaceAsync(App, NewProgramme(g, D(2027, 1, 1), 2, new BudgetLine(2027, 100_000), new BudgetLine(2028, 50_000)),
            NewAction(g, 1, "Risicoprofiel opstellen", "EC", D(2027, 1, 1), D(2027, 1, 31), 1, 40_000, 10_000),
            NewAction(g, 2, "Partners benaderen", "CO", D(2027, 1, 1), D(2027, 1, 20), 1, 20_000),
            a3,
            NewAction(g, 4, "Oefening houden", "VV", D(2027, 4, 1), D(2027, 4, 30), 1, 15_000, 0, new ActionDependency(3)),
            NewAction(g, 5, "Communicatie voorbereiden", "CO", D(2027, 2, 1), D(2027, 2, 28), 1, 0, 2_000));
    }

    private static string Text(string html) => WebUtility.HtmlDecode(html);

    /// <summary>The cells of the table row whose header starts with the label.</summary>
    private static List<string> Row(string html, string label)
    {
        var row = RowRegex().Matches(html).Select(m => m.Value).First(r => r.Contains($">{label} ", StringComparison.Ordinal));
        return [.. CellRegex().Matches(row).Select(m => Text(TagRegex().Replace(m.Groups[1].Value, "")).Trim())];
    }

    [Fact]
    public async Task The_gantt_page_shows_the_hand_worked_dates_slack_and_critical_actions()
    {
        await SeedNetworkAsync();
        var client = await App.UserAsync(Roles.Lezer, Network);
        var response = await client.GetAsync($"/gemeenten/{Network}/programma/planning");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();

        // Columns: Actie, Pijler, Start, Klaar, Deadline, Speling, Kritiek, Wacht op.
        Assert.Equal(["A-1 Risicoprofiel opstellen", "Eigen continuïteit", "1 januari 2027", "31 januari 2027", "31 januari 2027", "3", "nee", "–"], Row(html, "A-1"));
        Assert.Equal(["A-2 Partners benaderen", "Crisisorganisatie", "1 januari 2027", "20 januari 2027", "20 januari 2027", "0", "ja", "–"], Row(html, "A-2"));
        Assert.Equal(["A-3 Noodplan schrijven", "Eigen continuïteit", "4 februari 2027", "3 april 2027", "31 maart 2027 (niet gehaald, 3 dagen te laat)", "0", "ja", "A-1, A-2 (+14 dagen)"], Row(html, "A-3"));
        Assert.Equal(["A-4 Oefening houden", "Vitale voorzieningen", "4 april 2027", "3 mei 2027", "30 april 2027 (niet gehaald, 3 dagen te laat)", "0", "ja", "A-3"], Row(html, "A-4"));
        Assert.Equal(["A-5 Communicatie voorbereiden", "Crisisorganisatie", "1 februari 2027", "28 februari 2027", "28 februari 2027", "64", "nee", "–"], Row(html, "A-5"));

        var text = Text(html);
        Assert.Contains("'A-3 Noodplan schrijven' is op zijn vroegst klaar op 3 april 2027, 3 dagen na de deadline van 31 maart 2027.", text, StringComparison.Ordinal);
        Assert.Contains("'A-4 Oefening houden' is op zijn vroegst klaar op 3 mei 2027, 3 dagen na de deadline van 30 april 2027.", text, StringComparison.Ordinal);
        Assert.Contains("A-2 → A-3 → A-4", text, StringComparison.Ordinal);
        Assert.Contains("<caption class=\"utrecht-table__caption\" id=\"tabel-planning\">", html, StringComparison.Ordinal);
        Assert.Contains("<th class=\"utrecht-table__header-cell\" scope=\"row\">", html, StringComparison.Ordinal);

        // The SVG: an image with title and description, one bar per action (three hatched critical ones), a milestone, three arrows.
        var svg = SvgRegex().Match(html).Value;
        Assert.Contains("role=\"img\"", svg, StringComparison.Ordinal);
        Assert.Contains("<title id=\"gantt-titel\">", svg, StringComparison.Ordinal);
        Assert.Contains("3 van de 5 acties zijn kritiek", Text(svg), StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(svg, "fill=\"url\\(#gantt-kritiek\\)\" stroke=\"#1a1a1a\" stroke-width=\"2\""));
        Assert.Equal(2, Regex.Count(svg, "<rect x=[^>]*fill=\"#01689b\"/>"));
        Assert.Equal(3, Regex.Count(svg, "marker-end=\"url\\(#gantt-pijl\\)\""));
        Assert.Equal(1, Regex.Count(svg, "<path d=\"M[^\"]+z\" fill=\"#ffffff\""));
        foreach (var month in new[] { ">jan<", ">feb<", ">mrt<", ">apr<", ">mei<" })
        {
            Assert.Contains(month, svg, StringComparison.Ordinal);
        }
        Assert.Contains("Ga naar de tabel met dezelfde gegevens", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_schedule_api_gives_early_and_late_dates_slack_paths_capacity_and_budget()
    {
        await SeedNetworkAsync();
        var client = await App.UserAsync(Roles.Lezer, Network);
        var body = await client.GetFromJsonAsync<JsonElement>($"/api/v1/gemeenten/{Network}/programme/schedule");

        Assert.Equal("2027-01-01", body.GetProperty("programmeStart").GetString());
        Assert.Equal("2027-05-03", body.GetProperty("programmeEnd").GetString());
        var actions = body.GetProperty("actions").EnumerateArray().ToDictionary(a => a.GetProperty("number").GetInt32());
        (string, string, string, string, int, int, bool) Of(int n)
        {
            var a = actions[n];
            return (a.GetProperty("earlyStart").GetString()!, a.GetProperty("earlyFinish").GetString()!, a.GetProperty("lateStart").GetString()!,
                a.GetProperty("lateFinish").GetString()!, a.GetProperty("totalSlackDays").GetInt32(), a.GetProperty("freeSlackDays").GetInt32(), a.GetProperty("critical").GetBoolean());
        }
        // Late: A-1 LS day 3 = 4 januari, LF 34 → last day 33 = 3 februari; free slack A-1 = ES(A-3) − EF(A-1) = 34 − 31 = 3.
        Assert.Equal(("2027-01-01", "2027-01-31", "2027-01-04", "2027-02-03", 3, 3, false), Of(1));
        Assert.Equal(("2027-01-01", "2027-01-20", "2027-01-01", "2027-01-20", 0, 0, true), Of(2));
        Assert.Equal(("2027-02-04", "2027-04-03", "2027-02-04", "2027-04-03", 0, 0, true), Of(3));
        Assert.Equal(("2027-04-04", "2027-05-03", "2027-04-04", "2027-05-03", 0, 0, true), Of(4));
        // LS 95 = 6 april, LF 123 → 3 mei; free slack = end − EF = 123 − 59 = 64.
        Assert.Equal(("2027-02-01", "2027-02-28", "2027-04-06", "2027-05-03", 64, 64, false), Of(5));
        Assert.Equal(2, actions[3].GetProperty("predecessors").GetArrayLength());
        Assert.Equal(14, actions[3].GetProperty("predecessors")[1].GetProperty("lagDays").GetInt32());

        Assert.Equal(["A-2", "A-3", "A-4"], body.GetProperty("criticalPaths").EnumerateArray().Single().EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([3, 4], body.GetProperty("deadlineMisses").EnumerateArray().Select(m => m.GetProperty("number").GetInt32()));
        Assert.All(body.GetProperty("deadlineMisses").EnumerateArray(), m => Assert.Equal(3, m.GetProperty("daysLate").GetInt32()));

        // Capacity, by hand: jan = A-1 31/31 × 1 + A-2 20/31 × 1 = 1,6452; feb = A-3 25/28 × 1,5 + A-5 1 = 2,3393 (over 2 by 0,3393);
        // mrt = 1,5; apr = A-3 3/30 × 1,5 + A-4 27/30 × 1 = 1,05; mei = A-4 3/31 = 0,0968.
        var capacity = body.GetProperty("capacity").EnumerateArray().ToDictionary(m => m.GetProperty("month").GetString()!);
        Assert.Equal(["2027-01", "2027-02", "2027-03", "2027-04", "2027-05"], capacity.Keys);
        Assert.Equal(1 + (20 / 31.0), capacity["2027-01"].GetProperty("plannedFte").GetDouble(), 4);
        Assert.Equal((1.5 * 25 / 28) + 1, capacity["2027-02"].GetProperty("plannedFte").GetDouble(), 4);
        Assert.True(capacity["2027-02"].GetProperty("overAllocated").GetBoolean());
        Assert.Equal((1.5 * 25 / 28) - 1, capacity["2027-02"].GetProperty("overFte").GetDouble(), 4);
        Assert.Equal(1.5, capacity["2027-03"].GetProperty("plannedFte").GetDouble(), 4);
        Assert.Equal(1.05, capacity["2027-04"].GetProperty("plannedFte").GetDouble(), 4);
        Assert.Equal(3 / 31.0, capacity["2027-05"].GetProperty("plannedFte").GetDouble(), 4);
        Assert.Equal(1, capacity.Values.Count(m => m.GetProperty("overAllocated").GetBoolean()));

        // Budget, by hand: 2027 one-off 40 + 20 + 30 + 15 = 105k, structural 10 + 5 + 2 = 17k, total 122k against 100k (short 22k);
        // 2028 structural 17k against 50k.
        var years = body.GetProperty("budgetPerYear").EnumerateArray().ToDictionary(y => y.GetProperty("year").GetInt32());
        Assert.Equal((105_000m, 17_000m, 122_000m, 100_000m, 22_000m), Budget(years[2027]));
        Assert.Equal((0m, 17_000m, 17_000m, 50_000m, 0m), Budget(years[2028]));
        var pillars = body.GetProperty("budgetPerPillar").EnumerateArray()
            .ToDictionary(p => (p.GetProperty("pillar").GetString(), p.GetProperty("year").GetInt32()), p => (p.GetProperty("oneOff").GetDecimal(), p.GetProperty("structural").GetDecimal()));
        Assert.Equal((70_000m, 15_000m), pillars[("EC", 2027)]);
        Assert.Equal((0m, 15_000m), pillars[("EC", 2028)]);
        Assert.Equal((20_000m, 2_000m), pillars[("CO", 2027)]);
        Assert.Equal((15_000m, 0m), pillars[("VV", 2027)]);
    }

    private static (decimal, decimal, decimal, decimal, decimal) Budget(JsonElement y) => (y.GetProperty("oneOff").GetDecimal(), y.GetProperty("structural").GetDecimal(),
        y.GetProperty("total").GetDecimal(), y.GetProperty("begroting").GetDecimal(), y.GetProperty("shortfall").GetDecimal());

    [Fact]
    public async Task The_capacity_page_flags_the_over_allocated_month_and_the_budget_shortfall()
    {
        await SeedNetworkAsync();
        var client = await App.UserAsync(Roles.Lezer, Network);
        var html = await client.GetStringAsync($"/gemeenten/{Network}/programma/capaciteit");
        var text = Text(html);

        // Februari: 1,5 × 25/28 + 1 = 2,339… planned against 2 available, 0,339… too much; A-3 gives 1,34 and A-5 gives 1.
        Assert.Contains("In februari 2027 is 0,34 fte meer ingepland dan beschikbaar (2,34 fte gepland, 2 fte beschikbaar). Ingepland: A-3 Noodplan schrijven (1,34 fte), A-5 Communicatie voorbereiden (1 fte).", text, StringComparison.Ordinal);
        Assert.DoesNotContain("In januari 2027 is", text, StringComparison.Ordinal);
        Assert.Equal(["februari 2027", "2,34", "2", "0,34", "A-3 Noodplan schrijven (1,34 fte), A-5 Communicatie voorbereiden (1 fte)"], Row(html, "februari"));
        Assert.Contains("In 2027 is € 22.000 meer gepland dan begroot (€ 122.000 gepland, € 100.000 begroot).", text, StringComparison.Ordinal);
        Assert.DoesNotContain("In 2028 is", text, StringComparison.Ordinal);
        Assert.Contains("role=\"img\" aria-labelledby=\"capaciteit-titel\"", html, StringComparison.Ordinal);
        Assert.Equal(1, Regex.Count(html, "fill=\"url\\(#capaciteit-te-veel\\)\""));
    }

    [Fact]
    public async Task A_cycle_is_refused_with_the_dutch_message_on_the_pages_and_in_the_api()
    {
        await ReplaceAsync(App, NewProgramme(Cycle, D(2027, 1, 1), 1),
            NewAction(Cycle, 1, "Plan maken", "CO", D(2027, 1, 1), D(2027, 1, 31), 0, 0, 0, new ActionDependency(2)),
            NewAction(Cycle, 2, "Plan toetsen", "CO", D(2027, 1, 1), D(2027, 1, 31), 0, 0, 0, new ActionDependency(1)));
        var client = await App.UserAsync(Roles.Coordinator, Cycle);

        var html = Text(await client.GetStringAsync($"/gemeenten/{Cycle}/programma/planning"));
        Assert.Matches("role=\"alert\">\\s*<div class=\"utrecht-alert__content\">\\s*<p class=\"utrecht-paragraph\"><strong>De planning kan niet worden berekend.</strong> De afhankelijkheden vormen een kring: A-[12] Plan (maken|toetsen) → A-[12] Plan (maken|toetsen) → A-[12] Plan (maken|toetsen)\\.", html);
        Assert.DoesNotContain("<svg", html, StringComparison.Ordinal);
        Assert.Contains("De afhankelijkheden vormen een kring", Text(await client.GetStringAsync($"/gemeenten/{Cycle}/programma/capaciteit")), StringComparison.Ordinal);

        var response = await client.GetAsync($"/api/v1/gemeenten/{Cycle}/programme/schedule");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("De afhankelijkheden vormen een kring: A-", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Gegevens ongeldig", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_empty_programme_points_to_the_programme_page()
    {
        var client = await App.UserAsync(Roles.Lezer, Empty);
        foreach (var page in new[] { "planning", "capaciteit" })
        {
            var html = Text(await client.GetStringAsync($"/gemeenten/{Empty}/programma/{page}"));
            Assert.Contains("heeft nog geen acties", html, StringComparison.Ordinal);
            Assert.Contains($"href=\"/gemeenten/{Empty}/programma\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<svg role=\"img\"", html, StringComparison.Ordinal);
        }
        var body = await client.GetFromJsonAsync<JsonElement>($"/api/v1/gemeenten/{Empty}/programme/schedule");
        Assert.Equal(0, body.GetProperty("actions").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("programmeStart").ValueKind);
    }

    [Fact]
    public async Task Another_gemeente_cannot_see_the_planning()
    {
        await SeedNetworkAsync();
        var other = await App.UserAsync(Roles.Coordinator, Other);
        foreach (var url in new[] { "programma/planning", "programma/capaciteit" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/gemeenten/{Network}/{url}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/gemeenten/{Network}/programme/schedule")).StatusCode);
        // Its own (empty) schedule holds none of the other gemeente's actions.
        Assert.Equal(0, (await other.GetFromJsonAsync<JsonElement>($"/api/v1/gemeenten/{Other}/programme/schedule")).GetProperty("actions").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.AdminAsync()).GetAsync("/api/v1/gemeenten/GM9999/programme/schedule")).StatusCode);
    }

    [GeneratedRegex("<tr class=\"utrecht-table__row\">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowRegex();

    [GeneratedRegex("<t[hd][^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)]
    private static partial Regex CellRegex();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagRegex();

    [GeneratedRegex("<svg role=\"img\".*?</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgRegex();
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteProgrammePlanningTests(SqliteAppFixture fixture) : ProgrammePlanningTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresProgrammePlanningTests(PostgresAppFixture fixture) : ProgrammePlanningTests(fixture);
