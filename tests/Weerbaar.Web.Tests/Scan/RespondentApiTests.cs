using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Tests.Accounts;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Scan;

public abstract class RespondentApiTests(AppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;

    private async Task<(HttpClient Research, Guid Round, string Token)> InvitedAsync(string gemeente = "GM0344", bool open = true, bool allowChanges = true)
    {
        var research = await App.UserAsync(Roles.Onderzoeker);
        var created = await research.PostAsJsonAsync("/api/v1/rounds", new { instrument = "weerbaarheidsscan-2025", name = "Respons " + Guid.NewGuid().ToString("N")[..6], opensOn = "2025-12-15", closesOn = "2099-01-15", allowChangesAfterSubmit = allowChanges });
        var round = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var email = $"burgemeester-{Guid.NewGuid():N}@test.weerbaar.nl";
        var invited = await research.PostAsJsonAsync($"/api/v1/rounds/{round}/invitations", new[] { new { gemeentecode = gemeente, name = "Burgemeester", email } });
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        var token = (await invited.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("token").GetString()!;
        if (open)
        {
            Assert.Equal(HttpStatusCode.OK, (await research.PatchAsJsonAsync($"/api/v1/rounds/{round}", new { status = "open" })).StatusCode);
        }
        return (research, round, token);
    }

    private Task<HttpResponseMessage> Save(string token, int part, object body) => App.Anonymous().PutAsJsonAsync($"/api/v1/invitations/{token}/response/parts/{part}", body);

    private async Task<JsonElement> Get(string token) => await App.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/invitations/{token}/response");

    [Fact]
    public async Task Respondent_saves_parts_resumes_and_submits()
    {
        var (_, round, token) = await InvitedAsync(open: false);
        Assert.Equal("not-started", (await Get(token)).GetProperty("status").GetString());
        var notOpen = await Save(token, 1, new { answers = new Dictionary<string, string> { ["B1"] = "4" } });
        Assert.Contains("nog niet geopend", (await LoginTests.AssertProblem(notOpen, HttpStatusCode.Conflict)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var research = await App.UserAsync(Roles.Onderzoeker);
        Assert.Equal(HttpStatusCode.OK, (await research.PatchAsJsonAsync($"/api/v1/rounds/{round}", new { status = "open" })).StatusCode);
        var mails = await App.WithDbAsync(db => db.OutboxMessages.Where(m => m.Body.Contains(token)).CountAsync());
        Assert.Equal(1, mails); // the invitation made in the concept round is sent when the round opens
        // Kept encrypted while the round is open, so reminders can repeat the same link.
        Assert.NotNull(await App.WithDbAsync(db => db.ScanInvitations.IgnoreQueryFilters().Where(i => i.RoundId == round).Select(i => i.ProtectedToken).SingleAsync()));

        var first = await Save(token, 1, new { version = 0, answers = new Dictionary<string, string> { ["B1"] = "4", ["I4"] = "OOV|ANDERS", ["I4_anders"] = "Griffie" } });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(1, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());

        var ranks = new Dictionary<string, string> { ["EC_rank"] = "1", ["CO_rank"] = "2", ["VV_rank"] = "3", ["SW_rank"] = "4", ["ZR_rank"] = "5", ["SO_rank"] = "6", ["EC_score"] = "6" };
        Assert.Equal(HttpStatusCode.OK, (await Save(token, 2, new { version = 1, answers = ranks })).StatusCode);

        var resumed = await Get(token);
        Assert.Equal("in-progress", resumed.GetProperty("status").GetString());
        Assert.Equal(2, resumed.GetProperty("version").GetInt32());
        Assert.Equal("OOV|ANDERS", resumed.GetProperty("answers").GetProperty("I4").GetString());
        Assert.Equal("1", resumed.GetProperty("answers").GetProperty("EC_rank").GetString());

        // Saving part 1 again replaces part 1 only: B1 cleared, part 2 kept.
        Assert.Equal(HttpStatusCode.OK, (await Save(token, 1, new { answers = new Dictionary<string, string> { ["B2"] = "5" } })).StatusCode);
        var after = (await Get(token)).GetProperty("answers");
        Assert.False(after.TryGetProperty("B1", out _));
        Assert.Equal("6", after.GetProperty("EC_score").GetString());

        var submit = await App.Anonymous().PostAsync($"/api/v1/invitations/{token}/response/submit", null);
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        Assert.Equal("submitted", (await Get(token)).GetProperty("status").GetString());
        var contact = await App.WithDbAsync(db => db.ScanInvitations.IgnoreQueryFilters().Where(i => i.RoundId == round).Select(i => i.ContactEmail).SingleAsync());
        Assert.Equal(1, await App.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == contact && m.Subject.StartsWith("Ontvangstbevestiging") && m.Body.Contains("B2. ") && m.Body.Contains("Positie van"))));

        // Changing after submitting is allowed until the round closes (setting of this round).
        Assert.Equal(HttpStatusCode.OK, (await Save(token, 3, new { answers = new Dictionary<string, string> { ["O1"] = "Nog een zorg." } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await research.PatchAsJsonAsync($"/api/v1/rounds/{round}", new { status = "gesloten" })).StatusCode);
        await LoginTests.AssertProblem(await Save(token, 3, new { answers = new Dictionary<string, string> { ["O1"] = "Te laat." } }), HttpStatusCode.Conflict);
        Assert.Equal("Nog een zorg.", (await Get(token)).GetProperty("answers").GetProperty("O1").GetString());
        // After closing only the hash is left.
        Assert.Null(await App.WithDbAsync(db => db.ScanInvitations.IgnoreQueryFilters().Where(i => i.RoundId == round).Select(i => i.ProtectedToken).SingleAsync()));
    }

    [Fact]
    public async Task A_stale_version_is_409_and_overwrites_nothing()
    {
        var (_, _, token) = await InvitedAsync();
        Assert.Equal(HttpStatusCode.OK, (await Save(token, 1, new { version = 0, answers = new Dictionary<string, string> { ["B1"] = "2" } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Save(token, 1, new { version = 1, answers = new Dictionary<string, string> { ["B1"] = "3" } })).StatusCode);
        var stale = await Save(token, 1, new { version = 1, answers = new Dictionary<string, string> { ["B1"] = "5" } });
        var problem = await LoginTests.AssertProblem(stale, HttpStatusCode.Conflict);
        Assert.Equal(2, problem.GetProperty("currentVersion").GetInt32());
        Assert.Equal("3", (await Get(token)).GetProperty("answers").GetProperty("B1").GetString());
    }

    [Fact]
    public async Task Invalid_answers_are_422_per_question_and_store_nothing()
    {
        var (_, _, token) = await InvitedAsync();
        Assert.Equal(HttpStatusCode.OK, (await Save(token, 1, new { answers = new Dictionary<string, string> { ["B1"] = "2" } })).StatusCode);
        var response = await Save(token, 1, new { answers = new Dictionary<string, string> { ["B1"] = "9", ["I4"] = "OOV", ["I4_anders"] = "x", ["O1"] = "hoort in deel 3" } });
        var problem = await LoginTests.AssertProblem(response, HttpStatusCode.UnprocessableEntity);
        var questions = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("question").GetString()).ToList();
        Assert.Equal(["O1", "B1", "I4_anders"], questions);
        var stored = await Get(token);
        Assert.Equal(1, stored.GetProperty("version").GetInt32());
        Assert.Equal("2", stored.GetProperty("answers").GetProperty("B1").GetString());

        await LoginTests.AssertProblem(await Save(token, 4, new { answers = new Dictionary<string, string>() }), HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Unknown_tokens_are_404_and_a_token_belongs_to_one_round()
    {
        await LoginTests.AssertProblem(await App.Anonymous().GetAsync("/api/v1/invitations/onbekend/response"), HttpStatusCode.NotFound);
        await LoginTests.AssertProblem(await Save("onbekend", 1, new { answers = new Dictionary<string, string>() }), HttpStatusCode.NotFound);

        var (_, roundX, tokenX) = await InvitedAsync("GM0363");
        var (_, roundY, tokenY) = await InvitedAsync("GM0363");
        Assert.Equal(HttpStatusCode.OK, (await Save(tokenX, 1, new { answers = new Dictionary<string, string> { ["B1"] = "1" } })).StatusCode);
        Assert.Equal("not-started", (await Get(tokenY)).GetProperty("status").GetString());
        var inY = await App.WithDbAsync(db => db.ScanResponses.IgnoreQueryFilters().CountAsync(r => r.RoundId == roundY));
        var inX = await App.WithDbAsync(db => db.ScanResponses.IgnoreQueryFilters().CountAsync(r => r.RoundId == roundX));
        Assert.Equal((1, 0), (inX, inY));
    }

    [Fact]
    public async Task Invitations_are_validated_all_or_nothing()
    {
        var research = await App.UserAsync(Roles.Onderzoeker);
        var created = await research.PostAsJsonAsync("/api/v1/rounds", new { instrument = "weerbaarheidsscan-2025", name = "Uitnodigingen", opensOn = "2025-12-15", closesOn = "2099-01-15" });
        var round = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var response = await research.PostAsJsonAsync($"/api/v1/rounds/{round}/invitations", new[]
        {
            new { gemeentecode = "GM0344", name = "A", email = "a@utrecht.nl" },
            new { gemeentecode = "GM9999", name = "B", email = "b@x.nl" },
            new { gemeentecode = "GM0344", name = "", email = "geen-adres" },
        });
        var problem = await LoginTests.AssertProblem(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(4, problem.GetProperty("errors").GetArrayLength());
        Assert.Equal(0, await App.WithDbAsync(db => db.ScanInvitations.IgnoreQueryFilters().CountAsync(i => i.RoundId == round)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteRespondentApiTests(SqliteAppFixture fixture) : RespondentApiTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresRespondentApiTests(PostgresAppFixture fixture) : RespondentApiTests(fixture);
