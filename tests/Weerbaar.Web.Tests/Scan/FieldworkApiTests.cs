using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Scan.Invitations;
using Weerbaar.Web.Shared;
using Weerbaar.Web.Tests.Accounts;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Scan;

/// <summary>E-mail templates, reminders (on demand and on the schedule), opt-out and contacts of a round, over the real API.</summary>
public abstract class FieldworkApiTests(AppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;

    private static DateOnly Today => Format.Today(TimeProvider.System);

    private async Task<(HttpClient Client, Guid Round)> RoundAsync(int closesInDays = 30, int[]? reminderDays = null, int opensInDays = -1)
    {
        var client = await App.UserAsync(Roles.Onderzoeker);
        var response = await client.PostAsJsonAsync("/api/v1/rounds", new
        {
            instrument = "weerbaarheidsscan-2025",
            name = "Veldwerk " + Guid.NewGuid().ToString("N")[..6],
            opensOn = Today.AddDays(opensInDays).ToString("yyyy-MM-dd"),
            closesOn = Today.AddDays(closesInDays).ToString("yyyy-MM-dd"),
            reminderDays,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (client, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    private static async Task<Dictionary<string, string>> InviteAsync(HttpClient client, Guid round, params string[] gemeenten)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/rounds/{round}/invitations",
            gemeenten.Select(g => new { gemeentecode = g, name = $"Contact {g}", email = $"{g.ToLowerInvariant()}-{round:N}@test.weerbaar.nl" }).ToArray());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()
            .ToDictionary(e => e.GetProperty("gemeentecode").GetString()!, e => e.GetProperty("token").GetString()!);
    }

    private static async Task OpenAsync(HttpClient client, Guid round)
        => Assert.Equal(HttpStatusCode.OK, (await client.PatchAsJsonAsync($"/api/v1/rounds/{round}", new { status = "open" })).StatusCode);

    private Task<List<(string To, string Subject, string Body)>> MailsAsync(string containing)
        => App.WithDbAsync(async db => (await db.OutboxMessages.Where(m => m.Body.Contains(containing)).OrderBy(m => m.Id).ToListAsync())
            .Select(m => (m.To, m.Subject, m.Body)).ToList());

    private Task<HttpResponseMessage> SaveAsync(string token, string part, Dictionary<string, string> answers)
        => App.Anonymous().PutAsJsonAsync($"/api/v1/invitations/{token}/response/parts/{part}", new { answers });

    [Fact]
    public async Task Round_templates_are_validated_and_used_for_the_invitation()
    {
        var (client, round) = await RoundAsync();
        var templates = await client.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{round}/mail-templates");
        Assert.Equal(["uitnodiging", "herinnering", "bevestiging"], templates.EnumerateArray().Select(t => t.GetProperty("kind").GetString()));
        Assert.All(templates.EnumerateArray(), t => Assert.True(t.GetProperty("isDefault").GetBoolean()));

        var bad = await client.PutAsJsonAsync($"/api/v1/rounds/{round}/mail-templates/uitnodiging", new { subject = "Doe mee {ronde}", body = "Beste {naam}, klik {lnk}." });
        var messages = (await LoginTests.AssertProblem(bad, HttpStatusCode.UnprocessableEntity)).GetProperty("errors").EnumerateArray()
            .Select(e => e.GetProperty("message").GetString()!).ToList();
        Assert.Contains(messages, m => m.Contains("{lnk}", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("{link}", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("{afmeldlink}", StringComparison.Ordinal));
        await LoginTests.AssertProblem(await client.PutAsJsonAsync($"/api/v1/rounds/{round}/mail-templates/brief", new { subject = "x", body = "y" }), HttpStatusCode.NotFound);

        var good = await client.PutAsJsonAsync($"/api/v1/rounds/{round}/mail-templates/uitnodiging",
            new { subject = "Doe mee aan de {ronde}, {gemeente}", body = "Beste {naam},\r\nUw link: {link}\nAfmelden: {afmeldlink}" });
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var tokens = await InviteAsync(client, round, "GM0363");
        await OpenAsync(client, round);
        var mail = Assert.Single(await MailsAsync(tokens["GM0363"]));
        Assert.StartsWith("Doe mee aan de Veldwerk ", mail.Subject, StringComparison.Ordinal);
        Assert.EndsWith(", Amsterdam", mail.Subject, StringComparison.Ordinal);
        Assert.Contains($"/scan/{tokens["GM0363"]}\n", mail.Body, StringComparison.Ordinal);
        Assert.Contains($"/scan/{tokens["GM0363"]}/afmelden", mail.Body, StringComparison.Ordinal);
        Assert.Contains("Beste Contact GM0363,", mail.Body, StringComparison.Ordinal);

        // Restoring the default: no subject and no body.
        var reset = await client.PutAsJsonAsync($"/api/v1/rounds/{round}/mail-templates/uitnodiging", new { subject = (string?)null, body = (string?)null });
        Assert.True((await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("isDefault").GetBoolean());

        await OpenAsync(client, round);
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsJsonAsync($"/api/v1/rounds/{round}", new { status = "gesloten" })).StatusCode);
        await LoginTests.AssertProblem(await client.PutAsJsonAsync($"/api/v1/rounds/{round}/mail-templates/herinnering",
            new { subject = "Herinnering", body = "{link} {afmeldlink}" }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Reminders_go_to_non_and_partial_responders_with_the_same_link_and_not_after_opt_out()
    {
        var (client, round) = await RoundAsync();
        var tokens = await InviteAsync(client, round, "GM0014", "GM0034", "GM0037", "GM0047");
        await LoginTests.AssertProblem(await client.PostAsJsonAsync($"/api/v1/rounds/{round}/reminders", new { }), HttpStatusCode.Conflict); // concept
        await OpenAsync(client, round);

        // GM0014 submits (via an import row would not carry the invitation; use the respondent API), GM0034 is partial,
        // GM0037 has not started, GM0047 opts out.
        var complete = DemoAnswers();
        foreach (var part in new[] { "1", "2", "3" })
        {
            Assert.Equal(HttpStatusCode.OK, (await SaveAsync(tokens["GM0014"], part, complete[part])).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await App.Anonymous().PostAsync($"/api/v1/invitations/{tokens["GM0014"]}/response/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SaveAsync(tokens["GM0034"], "1", new() { ["B1"] = "3" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await App.Anonymous().PutAsync($"/api/v1/invitations/{tokens["GM0047"]}/opt-out", null)).StatusCode);
        await LoginTests.AssertProblem(await App.Anonymous().PutAsync($"/api/v1/invitations/onbekend-token/opt-out", null), HttpStatusCode.NotFound);

        var reminded = await client.PostAsJsonAsync($"/api/v1/rounds/{round}/reminders", new { });
        Assert.Equal(HttpStatusCode.OK, reminded.StatusCode);
        Assert.Equal(["GM0034", "GM0037"], (await reminded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("gemeentecodes").EnumerateArray().Select(e => e.GetString()));
        var reminder = (await MailsAsync(tokens["GM0037"])).Last();
        Assert.StartsWith("Herinnering:", reminder.Subject, StringComparison.Ordinal);
        Assert.Contains($"/scan/{tokens["GM0037"]}", reminder.Body, StringComparison.Ordinal); // the same link as in the invitation

        // On demand for one gemeente; an opted-out gemeente is skipped even when named.
        var one = await client.PostAsJsonAsync($"/api/v1/rounds/{round}/reminders", new { gemeentecodes = new[] { "gm0037", "GM0047" } });
        Assert.Equal(["GM0037"], (await one.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("gemeentecodes").EnumerateArray().Select(e => e.GetString()));
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{round}/invitations");
        var row = list.EnumerateArray().Single(i => i.GetProperty("gemeentecode").GetString() == "GM0037");
        Assert.Equal(2, row.GetProperty("remindersSent").GetInt32());
        Assert.True(list.EnumerateArray().Single(i => i.GetProperty("gemeentecode").GetString() == "GM0047").GetProperty("optedOutAt").ValueKind == JsonValueKind.String);

        // Undoing the opt-out brings GM0047 back.
        Assert.Equal(HttpStatusCode.OK, (await App.Anonymous().DeleteAsync($"/api/v1/invitations/{tokens["GM0047"]}/opt-out")).StatusCode);
        var again = await client.PostAsJsonAsync($"/api/v1/rounds/{round}/reminders", new { gemeentecodes = new[] { "GM0047" } });
        Assert.Equal(["GM0047"], (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("gemeentecodes").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Scheduled_reminders_go_once_per_due_day_even_after_missed_days()
    {
        // Closes in 2 days: both the 14-day and the 3-day reminder are due, one e-mail goes.
        var (client, round) = await RoundAsync(closesInDays: 2, reminderDays: [14, 3]);
        var tokens = await InviteAsync(client, round, "GM0059");
        var (_, later) = await RoundAsync(closesInDays: 30, reminderDays: [14, 3]);
        await InviteAsync(client, later, "GM0060");
        await OpenAsync(client, round);
        await OpenAsync(client, later);

        Assert.True(await RunScheduleAsync() >= 1);
        Assert.Single(await MailsAsync(tokens["GM0059"]), m => m.Subject.StartsWith("Herinnering", StringComparison.Ordinal));
        var done = await App.WithDbAsync(db => db.ScanRounds.Where(r => r.Id == round || r.Id == later).ToDictionaryAsync(r => r.Id, r => r.RemindersDone));
        Assert.Equal([14, 3], done[round].Order().Reverse());
        Assert.Empty(done[later]);

        await RunScheduleAsync();
        Assert.Single(await MailsAsync(tokens["GM0059"]), m => m.Subject.StartsWith("Herinnering", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Scheduled_reminders_run_by_two_nodes_at_once_go_once()
    {
        var (client, round) = await RoundAsync(closesInDays: 2, reminderDays: [3]);
        var tokens = await InviteAsync(client, round, "GM0243");
        await OpenAsync(client, round);

        await Task.WhenAll(RunScheduleAsync(), RunScheduleAsync(), RunScheduleAsync());
        Assert.Single(await MailsAsync(tokens["GM0243"]), m => m.Subject.StartsWith("Herinnering", StringComparison.Ordinal));
        Assert.Equal([3], await App.WithDbAsync(db => db.ScanRounds.Where(r => r.Id == round).Select(r => r.RemindersDone).SingleAsync()));
    }

    [Fact]
    public async Task After_the_closing_day_answers_are_refused_and_the_schedule_closes_the_round()
    {
        var (client, round) = await RoundAsync(closesInDays: -1, opensInDays: -10);
        var tokens = await InviteAsync(client, round, "GM0093");
        await OpenAsync(client, round);
        var refused = await LoginTests.AssertProblem(await SaveAsync(tokens["GM0093"], "1", new() { ["B1"] = "3" }), HttpStatusCode.Conflict);
        Assert.Contains("gesloten op", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);

        await RunScheduleAsync();
        var stored = await App.WithDbAsync(db => db.ScanRounds.SingleAsync(r => r.Id == round));
        Assert.Equal(Weerbaar.Web.Features.Scan.Rounds.RoundStatus.Gesloten, stored.Status);
        Assert.Null(await App.WithDbAsync(db => db.ScanInvitations.IgnoreQueryFilters().Where(i => i.RoundId == round).Select(i => i.ProtectedToken).SingleAsync()));
        Assert.DoesNotContain(await MailsAsync(tokens["GM0093"]), m => m.Subject.StartsWith("Herinnering", StringComparison.Ordinal));
    }

    private async Task<int> RunScheduleAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderScheduler>().RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Contacts_import_creates_updates_and_resends_to_a_changed_address_all_or_nothing()
    {
        var (client, round) = await RoundAsync();
        var tokens = await InviteAsync(client, round, "GM0080");
        await OpenAsync(client, round);

        var invalid = "gemeentecode,naam,email,rol\r\nGM0085,Anna,geen-adres,\r\nGM9999,Bob,bob@example.nl,\r\nGM0085,Anna,anna@example.nl,\r\nGM0093,\"Regel\nbreuk\",c@example.nl,Burgemeester\r\n";
        var problem = await LoginTests.AssertProblem(await ImportAsync(client, round, invalid), HttpStatusCode.UnprocessableEntity);
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Equal([(2, "email"), (3, "gemeentecode"), (4, "gemeentecode"), (5, "naam")], errors);
        Assert.Equal(1, await App.WithDbAsync(db => db.ScanInvitations.IgnoreQueryFilters().CountAsync(i => i.RoundId == round)));

        await LoginTests.AssertProblem(await ImportAsync(client, round, "gemeente,naam,email\r\nGM0080,A,a@example.nl\r\n"), HttpStatusCode.UnprocessableEntity);
        await LoginTests.AssertProblem(await client.PostAsync($"/api/v1/rounds/{round}/invitations/import", new ByteArrayContent([0xff, 0xfe, 0x00])
        {
            Headers = { ContentType = new("text/csv") },
        }), HttpStatusCode.UnprocessableEntity);

        var csv = "\uFEFFgemeentecode;naam;email;rol\r\nGM0080;Nieuwe Contact;nieuw-0080@example.nl;Gemeentesecretaris\r\ngm0085;Anna;anna-0085@example.nl;\r\n";
        var imported = await ImportAsync(client, round, csv);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var result = await imported.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((1, 1, 1), (result.GetProperty("created").GetInt32(), result.GetProperty("updated").GetInt32(), result.GetProperty("resent").GetInt32()));
        var resent = (await MailsAsync(tokens["GM0080"])).Last();
        Assert.Equal("nieuw-0080@example.nl", resent.To);
        Assert.Single((await App.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == "anna-0085@example.nl").ToListAsync())));

        var put = await client.PutAsJsonAsync($"/api/v1/rounds/{round}/invitations/GM0085", new { name = "Anna de Boer", email = "anna-0085@example.nl", role = "Burgemeester" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(0, (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("resent").GetInt32());
        await LoginTests.AssertProblem(await client.PutAsJsonAsync($"/api/v1/rounds/{round}/invitations/GM0085", new { name = "", email = "x" }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Anna de Boer", await App.WithDbAsync(db => db.ScanInvitations.IgnoreQueryFilters().Where(i => i.RoundId == round && i.GemeenteCode == "GM0085").Select(i => i.ContactName).SingleAsync()));
    }

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, Guid round, string csv)
        => client.PostAsync($"/api/v1/rounds/{round}/invitations/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

    /// <summary>One complete, valid set of answers per part.</summary>
    private static Dictionary<string, Dictionary<string, string>> DemoAnswers()
    {
        var scan = new Weerbaar.Web.Features.Scan.Instruments.InstrumentCatalog().Find("weerbaarheidsscan-2025")!;
        var answers = Weerbaar.Web.Features.Demo.DemoResponses.Generate(scan, ["GM0014"], 1, seed: 7)[0].Answers;
        return scan.Parts.ToDictionary(p => p.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            p => p.Questions.SelectMany(q => q.AnswerIds).Where(answers.ContainsKey).ToDictionary(id => id, id => answers[id]));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteFieldworkApiTests(SqliteAppFixture fixture) : FieldworkApiTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresFieldworkApiTests(PostgresAppFixture fixture) : FieldworkApiTests(fixture);
