using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.Responses;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Scan;

/// <summary>
/// The I4 code tests of GET …/results/comparisons (codeTests) against scipy: the responses and the expected values come
/// from Fixtures/make_i4_comparisons.py (output committed as Fixtures/i4_comparisons.json).
/// </summary>
public abstract class ComparisonCodeTests(AppFixture fixture)
{
    private const double Tolerance = 1e-9;
    private WeerbaarFactory App => fixture.Factory;
    private static readonly Instrument Scan = new InstrumentCatalog().Find("weerbaarheidsscan-2025")!;

    internal static JsonElement Fixture(string name, [CallerFilePath] string source = "")
        => JsonDocument.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(source)!, "..", "Fixtures", name))).RootElement;

    internal static string Csv(IEnumerable<(string Respondent, string Gemeente, Dictionary<string, string> Answers)> rows)
        => string.Join("\r\n", rows
            .Select(r => string.Join(",", new[] { r.Respondent, r.Gemeente, "2025-12-15" }.Concat(Scan.ColumnOrder.Select(c => r.Answers.GetValueOrDefault(c, "")))))
            .Prepend(string.Join(",", ResponseCsv.Header(Scan)))) + "\r\n";

    internal static async Task<Guid> RoundWithAsync(HttpClient client, string csv)
    {
        var created = await client.PostAsJsonAsync("/api/v1/rounds", new { instrument = "weerbaarheidsscan-2025", name = "Toetsen " + Guid.NewGuid().ToString("N")[..6], opensOn = "2025-12-15", closesOn = "2099-01-15" });
        var round = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var import = await client.PostAsync($"/api/v1/rounds/{round}/responses/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.True(import.StatusCode == HttpStatusCode.OK, await import.Content.ReadAsStringAsync());
        return round;
    }

    [Theory]
    [InlineData("stedelijkheid")]
    [InlineData("provincie")]
    public async Task Code_tests_match_scipy(string by)
    {
        var fixtureJson = Fixture("i4_comparisons.json");
        var rows = fixtureJson.GetProperty("rows").EnumerateArray().Select(r => (
            r.GetProperty("respondent").GetString()!, r.GetProperty("gemeente").GetString()!,
            new Dictionary<string, string> { ["I4"] = r.GetProperty("i4").GetString()!, ["I4_anders"] = r.GetProperty("i4Anders").GetString()! }));
        var client = await App.UserAsync(Roles.Onderzoeker);
        var round = await RoundWithAsync(client, Csv(rows));

        var result = await client.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{round}/results/comparisons?by={by}");
        var expected = fixtureJson.GetProperty(by);
        Assert.Equal(
            expected.GetProperty("groups").EnumerateArray().Select(g => (g.GetProperty("key").GetString(), g.GetProperty("n").GetInt32())),
            result.GetProperty("groups").EnumerateArray().Select(g => (g.GetProperty("key").GetString(), g.GetProperty("n").GetInt32())));
        // The ordinal family is untouched: only I4 was answered, so no LIKERT5 or score question has a test.
        Assert.All(result.GetProperty("tests").EnumerateArray(), t => Assert.Equal(JsonValueKind.Null, t.GetProperty("p").ValueKind));

        var actual = result.GetProperty("codeTests").EnumerateArray().ToList();
        var wanted = expected.GetProperty("codeTests").EnumerateArray().ToList();
        Assert.Equal(wanted.Select(w => w.GetProperty("code").GetString()), actual.Select(a => a.GetProperty("code").GetString()));
        foreach (var (w, a) in wanted.Zip(actual))
        {
            var code = w.GetProperty("code").GetString();
            Assert.Equal("I4", a.GetProperty("questionId").GetString());
            Assert.True(w.GetProperty("test").GetString() == a.GetProperty("test").GetString(), $"{code}: test {a.GetProperty("test")}");
            Assert.Equal(Ints(w.GetProperty("answered")), Ints(a.GetProperty("answered")));
            Assert.Equal(Ints(w.GetProperty("chosen")), Ints(a.GetProperty("chosen")));
            Near(w, a, "statistic", "statistic", code);
            Near(w, a, "p", "p", code);
            Near(w, a, "pHolm", "pHolm", code);
            Near(w, a, "effectSize", "effectSize", code);
            Near(w, a, "oddsRatio", "oddsRatio", code);
            Assert.Equal(w.GetProperty("df").ToString(), a.GetProperty("degreesOfFreedom").ToString());
            Assert.True(w.GetProperty("lowExpected").GetBoolean() == a.GetProperty("lowExpected").GetBoolean(), $"{code}: lowExpected");
        }
    }

    private static List<int> Ints(JsonElement array) => array.EnumerateArray().Select(e => e.GetInt32()).ToList();

    internal static void Near(JsonElement expected, JsonElement actual, string expectedName, string actualName, string? what)
    {
        var e = expected.GetProperty(expectedName);
        var a = actual.GetProperty(actualName);
        if (e.ValueKind == JsonValueKind.Null)
        {
            Assert.True(a.ValueKind == JsonValueKind.Null, $"{what}.{actualName}: expected null, got {a}");
            return;
        }
        Assert.True(a.ValueKind == JsonValueKind.Number, $"{what}.{actualName}: expected {e}, got {a}");
        Assert.True(Math.Abs(e.GetDouble() - a.GetDouble()) <= Tolerance, $"{what}.{actualName}: expected {e.GetDouble():R}, got {a.GetDouble():R}");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteComparisonCodeTests(SqliteAppFixture fixture) : ComparisonCodeTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresComparisonCodeTests(PostgresAppFixture fixture) : ComparisonCodeTests(fixture);
