using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.Responses;
using Weerbaar.Web.Tests.Accounts;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Scan;

/// <summary>GET /api/v1/rounds/{id}/results over imported responses, checked against a hand count.</summary>
public abstract class ResultsApiTests(AppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;
    private static readonly Instrument Scan = new InstrumentCatalog().Find("weerbaarheidsscan-2025")!;

    private static string Row(string respondent, string gemeente, params (string Column, string Value)[] answers)
        => string.Join(",", new[] { respondent, gemeente, "2025-12-15" }.Concat(Scan.ColumnOrder.Select(c => answers.FirstOrDefault(a => a.Column == c).Value ?? "")));

    [Fact]
    public async Task Results_count_submitted_responses_as_the_contract_defines()
    {
        var client = await App.UserAsync(Roles.Onderzoeker);
        var created = await client.PostAsJsonAsync("/api/v1/rounds", new { instrument = "weerbaarheidsscan-2025", name = "Uitkomsten " + Guid.NewGuid().ToString("N")[..6], opensOn = "2025-12-15", closesOn = "2099-01-15" });
        var round = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var empty = await client.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{round}/results");
        Assert.Equal(0, empty.GetProperty("responses").GetInt32());

        var csv = string.Join("\r\n",
            string.Join(",", ResponseCsv.Header(Scan)),
            Row("a", "GM0363", ("B1", "4"), ("I4", "OOV|CRISIS"), ("EC_score", "6"), ("EC_rank", "1"), ("CO_rank", "2"), ("VV_rank", "3"), ("SW_rank", "4"), ("ZR_rank", "5"), ("SO_rank", "6")),
            Row("b", "GM0344", ("B1", "5"), ("I4", "OOV"), ("EC_score", "8")),
            Row("c", "GM0014", ("B1", "WN"), ("I4", "NIET"), ("EC_score", "7"), ("EC_rank", "3"), ("CO_rank", "1"), ("VV_rank", "2"), ("SW_rank", "4"), ("ZR_rank", "5"), ("SO_rank", "6"))) + "\r\n";
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/rounds/{round}/responses/import", new StringContent(csv, Encoding.UTF8, "text/csv"))).StatusCode);

        var results = await client.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{round}/results");
        Assert.Equal(3, results.GetProperty("responses").GetInt32());
        var questions = results.GetProperty("questions").EnumerateArray().ToDictionary(q => q.GetProperty("id").GetString()!);
        Assert.DoesNotContain("O1", questions.Keys); // open text has no distribution
        var b1 = questions["B1"];
        Assert.Equal((2, 1), (b1.GetProperty("n").GetInt32(), b1.GetProperty("dontKnow").GetInt32()));
        Assert.Equal(50.0, b1.GetProperty("percentages").GetProperty("4").GetDouble());
        Assert.Equal(4.5, b1.GetProperty("mean").GetDouble());
        var i4 = questions["I4"];
        Assert.Equal(3, i4.GetProperty("n").GetInt32());
        Assert.Equal(2, i4.GetProperty("counts").GetProperty("OOV").GetInt32());
        Assert.Equal(200.0 / 3, i4.GetProperty("percentages").GetProperty("OOV").GetDouble(), 10);
        var ec = results.GetProperty("pillars").EnumerateArray().Single(p => p.GetProperty("code").GetString() == "EC");
        Assert.Equal(3, ec.GetProperty("n").GetInt32());
        Assert.Equal(7.0, ec.GetProperty("meanScore").GetDouble());
        Assert.Equal(1.0, ec.GetProperty("sdScore").GetDouble(), 12);
        Assert.Equal((2.0, 2), (ec.GetProperty("meanRank").GetDouble(), ec.GetProperty("nRanked").GetInt32()));

        // Only a with B1..B5 would count, but a has B2..B5 empty: nobody is complete on either scale.
        var scales = results.GetProperty("scales").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!);
        Assert.Equal(["B1", "B2", "B3", "B4", "B5"], scales["bewustzijn"].GetProperty("items").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal(0, scales["bewustzijn"].GetProperty("n").GetInt32());
        Assert.Equal(JsonValueKind.Null, scales["inzicht"].GetProperty("cronbachAlpha").ValueKind);

        await LoginTests.AssertProblem(await client.GetAsync($"/api/v1/rounds/{Guid.NewGuid()}/results"), HttpStatusCode.NotFound);
        var coordinator = await App.UserAsync(Roles.Coordinator, "GM0363");
        await LoginTests.AssertProblem(await coordinator.GetAsync($"/api/v1/rounds/{round}/results"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Comparisons_test_urban_against_rural_with_Holm_and_other_groupings_with_Kruskal_Wallis()
    {
        var client = await App.UserAsync(Roles.Onderzoeker);
        var created = await client.PostAsJsonAsync("/api/v1/rounds", new { instrument = "weerbaarheidsscan-2025", name = "Vergelijking " + Guid.NewGuid().ToString("N")[..6], opensOn = "2025-12-15", closesOn = "2099-01-15" });
        var round = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // Urban (class 1) all answer 5 on B1, rural (class 5) all 1: U of the urban group = 3 × 3 = 9, rank-biserial r = 2U/(n1 n2) − 1 = 1.
        var rows = new[] { "GM0363", "GM0344", "GM0599" }.Select((g, i) => Row($"s{i}", g, ("B1", "5"), ("EC_score", "7")))
            .Concat(new[] { "GM0088", "GM0093", "GM0096" }.Select((g, i) => Row($"l{i}", g, ("B1", "1"), ("EC_score", "7"))));
        var csv = string.Join("\r\n", rows.Prepend(string.Join(",", ResponseCsv.Header(Scan)))) + "\r\n";
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/rounds/{round}/responses/import", new StringContent(csv, Encoding.UTF8, "text/csv"))).StatusCode);

        var result = await client.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{round}/results/comparisons?by=stedelijkheid");
        Assert.Equal([("1", 3), ("2", 3)], result.GetProperty("groups").EnumerateArray().Select(g => (g.GetProperty("key").GetString(), g.GetProperty("n").GetInt32())));
        var tests = result.GetProperty("tests").EnumerateArray().ToDictionary(t => t.GetProperty("questionId").GetString()!);
        var b1 = tests["B1"];
        Assert.Equal("mann-whitney-u", b1.GetProperty("test").GetString());
        Assert.Equal(9.0, b1.GetProperty("statistic").GetDouble());
        Assert.Equal(1.0, b1.GetProperty("effectSize").GetDouble(), 12);
        Assert.True(b1.GetProperty("p").GetDouble() < 0.1);
        Assert.True(b1.GetProperty("pHolm").GetDouble() >= b1.GetProperty("p").GetDouble());
        Assert.Equal(1.0, tests["EC_score"].GetProperty("p").GetDouble()); // all equal: no difference
        Assert.Equal(JsonValueKind.Null, tests["B2"].GetProperty("p").ValueKind); // nobody answered B2: no test, not in the Holm family

        var byProvince = await client.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{round}/results/comparisons?by=provincie");
        Assert.Equal("kruskal-wallis", byProvince.GetProperty("tests").EnumerateArray().First().GetProperty("test").GetString());
        await LoginTests.AssertProblem(await client.GetAsync($"/api/v1/rounds/{round}/results/comparisons?by=kleur"), HttpStatusCode.UnprocessableEntity);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteResultsApiTests(SqliteAppFixture fixture) : ResultsApiTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresResultsApiTests(PostgresAppFixture fixture) : ResultsApiTests(fixture);
