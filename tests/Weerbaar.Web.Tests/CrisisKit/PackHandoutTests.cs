using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.CrisisKit;
using Weerbaar.Web.Features.CrisisKit.Contacts;
using Weerbaar.Web.Features.CrisisKit.Custody;
using Weerbaar.Web.Features.Locations;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.CrisisKit;

/// <summary>
/// The custody register: who holds which pack version, replaced when the same recipient gets a newer one or taken back;
/// a recipient's own copy names them on every page; the reprint reminder is due on hand-worked dates and goes once.
/// </summary>
public abstract class PackHandoutTests(AppFixture fixture)
{
    private const string Register = "GM0158"; // Haaksbergen: only these tests use it
    private const string Footer = "GM0160";   // Hardenberg: only these tests use it
    private const string Reminder = "GM0166"; // Kampen: only these tests use it
    private WeerbaarFactory App => fixture.Factory;

    private static string Kit(string gemeente) => $"/api/v1/gemeenten/{gemeente}/crisis-kit";

    /// <summary>One noodsteunpunt with a contact person and a vulnerable location near it: a pack with personal data.</summary>
    private Task<Guid> SeedAsync(string gemeente) => App.WithDbAsync(async db =>
    {
        if (await db.Noodsteunpunten.IgnoreQueryFilters().FirstOrDefaultAsync(n => n.GemeenteCode == gemeente) is { } existing)
        {
            return existing.Id;
        }
        var at = await (from b in db.Buurten join p in db.BuurtPoints on b.Code equals p.BuurtCode where b.GemeenteCode == gemeente select new { p.Latitude, p.Longitude }).FirstAsync();
        var point = new Noodsteunpunt
        {
            GemeenteCode = gemeente,
            Name = "Uitgiftetest Dorpshuis",
            Latitude = at.Latitude,
            Longitude = at.Longitude,
            Capacity = 80,
            ContactName = "Henk Sleutelhouder",
            ContactPhone = "053 000 0000",
            UpdatedBy = "test",
        };
        db.Noodsteunpunten.Add(point);
        db.VulnerableLocations.Add(new VulnerableLocation
        {
            GemeenteCode = gemeente,
            Category = "verpleeghuis",
            Name = "Zorgcentrum Uitgiftetest",
            People = 40,
            Latitude = at.Latitude + 0.001,
            Longitude = at.Longitude,
            HoursWithoutPower = 8,
            UpdatedBy = "test",
        });
        await db.SaveChangesAsync();
        return point.Id;
    });

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_newer_version_to_the_same_recipient_replaces_the_old_one_and_the_register_says_who_must_be_replaced()
    {
        var point = await SeedAsync(Register);
        var coordinator = await App.UserAsync(Roles.Coordinator, Register);
        var api = $"{Kit(Register)}/noodsteunpunten/{point}";
        var v1 = (await JsonAsync(await coordinator.PostAsync($"{api}/versions", null), HttpStatusCode.Created)).GetProperty("number").GetInt32();
        Assert.Equal(1, v1);

        var anna = await JsonAsync(await coordinator.PostAsJsonAsync($"{api}/versions/1/handouts",
            new { recipientName = "Anna de Vries", recipientRole = "coördinator noodsteunpunt", note = "map in de kast" }), HttpStatusCode.Created);
        Assert.Equal("current", anna.GetProperty("state").GetString());
        Assert.False(anna.GetProperty("mustBeReplaced").GetBoolean());
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Weerbaar.Web.Shared.Format.Amsterdam).DateTime);
        Assert.Equal(today.ToString("yyyy-MM-dd"), anna.GetProperty("handedOutOn").GetString());
        var bram = await JsonAsync(await coordinator.PostAsJsonAsync($"{api}/versions/1/handouts", new { recipientName = "Bram Jansen" }), HttpStatusCode.Created);

        // No name, a future day, or a version that does not exist: nothing recorded.
        var invalid = await coordinator.PostAsJsonAsync($"{api}/versions/1/handouts", new { recipientName = " ", handedOutOn = today.AddDays(1).ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);
        var fields = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Equal(["recipientName", "handedOutOn"], fields);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.PostAsJsonAsync($"{api}/versions/99/handouts", new { recipientName = "X" })).StatusCode);

        async Task<Dictionary<Guid, JsonElement>> ListAsync(HttpClient client) => (await client.GetFromJsonAsync<JsonElement[]>($"{Kit(Register)}/handouts"))!
            .ToDictionary(h => h.GetProperty("id").GetGuid());

        // The data changes: both holders of version 1 must get a new one, and it says what changed.
        await App.WithDbAsync(async db =>
        {
            db.CrisisContacts.Add(new CrisisContact { GemeenteCode = Register, Category = "netbeheerder", Organisation = "Netbeheerder Uitgiftetest", Phone = "053 111 1111", UpdatedBy = "test" });
            return await db.SaveChangesAsync();
        });
        var stale = await ListAsync(coordinator);
        Assert.Equal("stale", stale[anna.GetProperty("id").GetGuid()].GetProperty("state").GetString());
        Assert.True(stale[bram.GetProperty("id").GetGuid()].GetProperty("mustBeReplaced").GetBoolean());
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/gemeenten/{Register}/crisiskit/uitgifte"));
        Assert.Contains("Herdrukken nodig", page, StringComparison.Ordinal);
        Assert.Contains("de gegevens in versie 1 zijn veranderd: contacten", page, StringComparison.Ordinal);
        Assert.Contains("moet vervangen worden: veranderd zijn contacten", page, StringComparison.Ordinal);

        // Version 2 is made; Anna gets it (her name typed differently) and her version 1 is replaced; Bram still holds version 1.
        Assert.Equal(2, (await JsonAsync(await coordinator.PostAsync($"{api}/versions", null), HttpStatusCode.Created)).GetProperty("number").GetInt32());
        Assert.Equal("superseded", (await ListAsync(coordinator))[bram.GetProperty("id").GetGuid()].GetProperty("state").GetString());
        var anna2 = await JsonAsync(await coordinator.PostAsJsonAsync($"{api}/versions/2/handouts", new { recipientName = "  anna  de vries " }), HttpStatusCode.Created);
        var after = await ListAsync(coordinator);
        var annaOld = after[anna.GetProperty("id").GetGuid()];
        Assert.Equal("replaced", annaOld.GetProperty("state").GetString());
        Assert.Equal(today.ToString("yyyy-MM-dd"), annaOld.GetProperty("replacedOn").GetString());
        Assert.Equal(anna2.GetProperty("id").GetGuid(), annaOld.GetProperty("replacedById").GetGuid());
        Assert.Equal("current", after[anna2.GetProperty("id").GetGuid()].GetProperty("state").GetString());
        var bramNow = after[bram.GetProperty("id").GetGuid()];
        Assert.Equal("superseded", bramNow.GetProperty("state").GetString());
        Assert.Equal(2, bramNow.GetProperty("latestNumber").GetInt32());
        Assert.Equal(3, (await coordinator.GetFromJsonAsync<JsonElement[]>($"{api}/handouts"))!.Length);
        page = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/gemeenten/{Register}/crisiskit/uitgifte"));
        Assert.Contains("Bram Jansen: versie 1 van Uitgiftetest Dorpshuis; moet vervangen worden: versie 2 is nieuwer.", page, StringComparison.Ordinal);

        // Bram hands his back; twice is a conflict.
        var returned = await JsonAsync(await coordinator.PostAsJsonAsync($"{Kit(Register)}/handouts/{bram.GetProperty("id").GetGuid()}/return", new { }), HttpStatusCode.OK);
        Assert.Equal("returned", returned.GetProperty("state").GetString());
        Assert.False(returned.GetProperty("mustBeReplaced").GetBoolean());
        var again = await coordinator.PostAsJsonAsync($"{Kit(Register)}/handouts/{bram.GetProperty("id").GetGuid()}/return", new { });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);

        // A lezer gets the edition without the register: these handouts (all of that edition) are not theirs to see, nor to make.
        var lezer = await App.UserAsync(Roles.Lezer, Register);
        Assert.Empty(await ListAsync(lezer));
        Assert.Equal(HttpStatusCode.NotFound, (await lezer.GetAsync($"{Kit(Register)}/handouts/{anna2.GetProperty("id").GetGuid()}/pack.html")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lezer.PostAsJsonAsync($"{api}/versions/2/handouts", new { recipientName = "Lezer" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lezer.PostAsJsonAsync($"{Kit(Register)}/handouts/{anna2.GetProperty("id").GetGuid()}/return", new { })).StatusCode);
        var lezerPage = WebUtility.HtmlDecode(await lezer.GetStringAsync($"/gemeenten/{Register}/crisiskit/uitgifte"));
        Assert.DoesNotContain("Anna de Vries", lezerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Uitreiking vastleggen", lezerPage, StringComparison.Ordinal);

        // Another gemeente's coordinator: forbidden everywhere.
        var stranger = await App.UserAsync(Roles.Coordinator, Footer);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"{Kit(Register)}/handouts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsJsonAsync($"{api}/versions/2/handouts", new { recipientName = "X" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"{Kit(Register)}/handouts/{anna2.GetProperty("id").GetGuid()}/pack.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/gemeenten/{Register}/crisiskit/uitgifte")).StatusCode);
    }

    [Fact]
    public async Task The_page_records_a_handout_with_its_form()
    {
        var point = await SeedAsync(Register);
        var coordinator = await App.UserAsync(Roles.Coordinator, Register);
        var version = (await coordinator.PostAsync($"{Kit(Register)}/noodsteunpunten/{point}/versions", null)).StatusCode;
        Assert.True(version is HttpStatusCode.Created or HttpStatusCode.OK);
        var latest = (await coordinator.GetFromJsonAsync<JsonElement[]>($"{Kit(Register)}/packs"))!.Single(p => p.GetProperty("noodsteunpuntId").GetGuid() == point)
            .GetProperty("latest").GetProperty("number").GetInt32();
        var page = $"/gemeenten/{Register}/crisiskit/uitgifte";
        var posted = await HtmlForms.PostFormAsync(coordinator, page, "uitreiken", new Dictionary<string, string>
        {
            ["pack"] = $"{point}:{latest}",
            ["naam"] = "Dirk Formulier",
            ["rol"] = "EHBO",
            ["datum"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.EndsWith("?melding=uitgereikt", posted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var list = await coordinator.GetFromJsonAsync<JsonElement[]>($"{Kit(Register)}/handouts");
        var dirk = Assert.Single(list!, h => h.GetProperty("recipientName").GetString() == "Dirk Formulier");
        Assert.Equal(latest, dirk.GetProperty("number").GetInt32());
        Assert.Equal("EHBO", dirk.GetProperty("recipientRole").GetString());

        var missing = await HtmlForms.PostFormAsync(coordinator, page, "uitreiken", new Dictionary<string, string> { ["pack"] = $"{point}:{latest}", ["naam"] = "" });
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("Vul de naam in van wie het pack krijgt.", WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recipients_copy_names_them_on_every_pdf_page_and_in_the_html()
    {
        var point = await SeedAsync(Footer);
        var coordinator = await App.UserAsync(Roles.Coordinator, Footer);
        var api = $"{Kit(Footer)}/noodsteunpunten/{point}";
        var created = await coordinator.PostAsync($"{api}/versions", null);
        var number = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt32();
        const string name = "Carla Ontvanger-Zeven";
        var handout = await JsonAsync(await coordinator.PostAsJsonAsync($"{api}/versions/{number}/handouts", new { recipientName = name }), HttpStatusCode.Created);
        var id = handout.GetProperty("id").GetGuid();

        var pdf = await coordinator.GetAsync($"{Kit(Footer)}/handouts/{id}/pack.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        using (var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()))
        {
            var pages = document.GetPages().Select(p => p.Text.Replace(" ", "", StringComparison.Ordinal)).ToList();
            Assert.True(pages.Count > 1, "several pages");
            Assert.All(pages, p => Assert.Contains($"Versie{number}·", p, StringComparison.Ordinal));
            Assert.All(pages, p => Assert.Contains("Uitgereiktaan:CarlaOntvanger-Zeven", p, StringComparison.Ordinal));
        }
        var html = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"{Kit(Footer)}/handouts/{id}/pack.html"));
        // At the top and at the bottom of the offline file.
        Assert.Equal(2, html.Split($"Uitgereikt aan: {name}").Length - 1);

        // The version itself, as anyone downloads it, names nobody.
        var plain = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"{api}/versions/{number}/pack.html"));
        Assert.DoesNotContain("Uitgereikt aan", plain, StringComparison.Ordinal);

        // The rule: the register edition, the noodsteunpunt's contact person, or a named crisis contact make it personal; organisation numbers alone do not.
        var content = JsonSerializer.Deserialize<NoodsteunpuntPackContent>(await coordinator.GetByteArrayAsync($"{api}/pack"), JsonSerializerOptions.Web)!;
        Assert.True(PackPersonalData.Holds(content));
        var anonymous = content with
        {
            Locations = null,
            Point = content.Point with { ContactName = null, ContactPhone = null, ContactEmail = null },
            Contacts = [new PackContact("Drinkwaterbedrijf", "Waterbedrijf", null, "0800 000", null, "24/7", [], null)],
        };
        Assert.False(PackPersonalData.Holds(anonymous));
        Assert.True(PackPersonalData.Holds(anonymous with { Contacts = [new PackContact("Drinkwaterbedrijf", "Waterbedrijf", "Piet Storing", "0800 000", null, null, [], null)] }));
        Assert.True(PackPersonalData.Holds(anonymous with { Point = anonymous.Point with { ContactPhone = "06 0000 0000" } }));
        Assert.True(PackPersonalData.Holds(anonymous with { Locations = [] }));
    }

    [Fact]
    public void The_due_day_is_the_newest_handout_plus_the_interval_from_midnight_in_amsterdam()
    {
        // Hand-worked: 15 January + 6 months = 15 July; 31 August + 6 months = 28 February (no 31st); 30 November + 3 = 28 February 2031.
        Assert.Equal(new DateOnly(2030, 7, 15), ReprintDue.DueOn(new DateOnly(2030, 1, 15), 6));
        Assert.Equal(new DateOnly(2031, 2, 28), ReprintDue.DueOn(new DateOnly(2030, 8, 31), 6));
        Assert.Equal(new DateOnly(2031, 2, 28), ReprintDue.DueOn(new DateOnly(2030, 11, 30), 3));
        // Midnight in Amsterdam: 22:00 UTC the day before in summer (CEST, +2), 23:00 in winter (CET, +1).
        Assert.Equal(new DateTimeOffset(2030, 7, 14, 22, 0, 0, TimeSpan.Zero), ReprintDue.StartOfDay(new DateOnly(2030, 7, 15)));
        Assert.Equal(new DateTimeOffset(2031, 2, 27, 23, 0, 0, TimeSpan.Zero), ReprintDue.StartOfDay(new DateOnly(2031, 2, 28)));

        var point = Guid.NewGuid();
        PackHandout H(int number, DateOnly on) => new() { GemeenteCode = "GM0000", NoodsteunpuntId = point, WithRegister = true, PackNumber = number, RecipientName = "X", RecordedBy = "t", HandedOutOn = on };
        var latest = new Dictionary<PackKey, LatestVersion> { [new(point, true)] = new(1, new DateTimeOffset(2030, 1, 10, 9, 0, 0, TimeSpan.Zero), null) };
        var held = new[] { H(1, new DateOnly(2030, 1, 12)), H(1, new DateOnly(2030, 1, 15)) };
        // The newest copy (15 January) counts: not due at 23:59 on 14 July in Amsterdam, due at 00:00 on 15 July.
        Assert.Empty(ReprintDue.Compute(held, latest, 6, new DateTimeOffset(2030, 7, 14, 21, 59, 0, TimeSpan.Zero)));
        var due = Assert.Single(ReprintDue.Compute(held, latest, 6, new DateTimeOffset(2030, 7, 14, 22, 0, 0, TimeSpan.Zero)));
        Assert.Equal(2, due.Holders);
        Assert.Equal(new DateTimeOffset(2030, 7, 14, 22, 0, 0, TimeSpan.Zero), due.DueSince);
        // Returned copies do not count.
        held[1].ReturnedOn = new DateOnly(2030, 2, 1);
        Assert.Equal(new DateTimeOffset(2030, 7, 11, 22, 0, 0, TimeSpan.Zero), Assert.Single(ReprintDue.Compute(held, latest, 6, new DateTimeOffset(2030, 7, 12, 0, 0, 0, TimeSpan.Zero))).DueSince);
        // A newer version makes the holder of version 1 due from the moment it was made, within the interval.
        var v2 = new DateTimeOffset(2030, 3, 1, 10, 0, 0, TimeSpan.Zero);
        latest[new(point, true)] = new(2, v2, null);
        var superseded = Assert.Single(ReprintDue.Compute(held, latest, 6, v2));
        Assert.Equal(v2, superseded.DueSince);
        Assert.Contains("1 ontvanger heeft een oudere versie dan versie 2", superseded.Reasons);
    }

    [Fact]
    public async Task The_schedule_is_kept_with_a_version_check_and_the_reminder_goes_once_per_due_moment()
    {
        var point = await SeedAsync(Reminder);
        var coordinator = await App.UserAsync(Roles.Coordinator, Reminder);
        var schedule = $"{Kit(Reminder)}/reprint-schedule";
        var initial = await coordinator.GetFromJsonAsync<JsonElement>(schedule);
        Assert.Equal(6, initial.GetProperty("intervalMonths").GetInt32());
        var version = initial.GetProperty("version").GetInt32();
        const string to = "crisiskit-GM0166@test.weerbaar.nl";
        var saved = await JsonAsync(await coordinator.PutAsJsonAsync(schedule, new { intervalMonths = 6, reminderEmail = to, version }), HttpStatusCode.OK);
        Assert.Equal(version + 1, saved.GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, (await coordinator.PutAsJsonAsync(schedule, new { intervalMonths = 3, reminderEmail = to, version })).StatusCode);
        var invalid = await coordinator.PutAsJsonAsync(schedule, new { intervalMonths = 40, reminderEmail = "geen-adres", version = version + 1 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Equal(["intervalMonths", "reminderEmail"], (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()));
        var lezer = await App.UserAsync(Roles.Lezer, Reminder);
        Assert.Equal(HttpStatusCode.Forbidden, (await lezer.PutAsJsonAsync(schedule, new { intervalMonths = 1, version = version + 1 })).StatusCode);
        Assert.Equal(6, (await lezer.GetFromJsonAsync<JsonElement>(schedule)).GetProperty("intervalMonths").GetInt32());

        // Version 1 made on 10 January 2030 and handed out on 15 January (stored directly: these days lie ahead).
        var v1 = new CrisisPack
        {
            GemeenteCode = Reminder,
            NoodsteunpuntId = point,
            WithRegister = true,
            Number = 1,
            Sha256 = new string('a', 64),
            ContentJson = "{}",
            CreatedAt = new DateTimeOffset(2030, 1, 10, 9, 0, 0, TimeSpan.Zero),
            CreatedBy = "test",
        };
        await App.WithDbAsync(async db =>
        {
            db.CrisisPacks.Add(v1);
            db.PackHandouts.Add(new PackHandout
            {
                GemeenteCode = Reminder,
                PackId = v1.Id,
                NoodsteunpuntId = point,
                WithRegister = true,
                PackNumber = 1,
                RecipientName = "Geheime Ontvanger",
                HandedOutOn = new DateOnly(2030, 1, 15),
                RecordedBy = "test",
                RecordedAt = v1.CreatedAt,
            });
            return await db.SaveChangesAsync();
        });
        async Task<IReadOnlyList<ReminderMail>> RunAsync(DateTimeOffset now)
        {
            await using var scope = App.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ReprintReminder>().RunAsync(now, CancellationToken.None);
        }
        Task<int> MailsAsync() => App.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == to));

        // Due at midnight on 15 July in Amsterdam (22:00 UTC on the 14th): nothing a minute before.
        Assert.DoesNotContain(await RunAsync(new DateTimeOffset(2030, 7, 14, 21, 59, 0, TimeSpan.Zero)), m => m.GemeenteCode == Reminder);
        var mail = Assert.Single(await RunAsync(new DateTimeOffset(2030, 7, 14, 22, 5, 0, TimeSpan.Zero)), m => m.GemeenteCode == Reminder);
        Assert.Equal(to, mail.To);
        Assert.Contains("Uitgiftetest Dorpshuis", mail.Body, StringComparison.Ordinal);
        Assert.Contains("laatst uitgereikt op 15 januari 2030: herdrukken elke 6 maanden, dus uiterlijk 15 juli 2030", mail.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Geheime Ontvanger", mail.Body, StringComparison.Ordinal);
        // Run again, and on two nodes at once: nothing new became due, so nothing more.
        Assert.DoesNotContain(await RunAsync(new DateTimeOffset(2030, 7, 14, 22, 20, 0, TimeSpan.Zero)), m => m.GemeenteCode == Reminder);
        var both = await Task.WhenAll(RunAsync(new DateTimeOffset(2030, 7, 20, 8, 0, 0, TimeSpan.Zero)), RunAsync(new DateTimeOffset(2030, 7, 20, 8, 0, 0, TimeSpan.Zero)));
        Assert.DoesNotContain(both.SelectMany(x => x), m => m.GemeenteCode == Reminder);
        Assert.Equal(1, await MailsAsync());

        // Version 2 made on 1 August: the holder of version 1 must get it; one more mail, once, though two nodes look.
        await App.WithDbAsync(async db =>
        {
            db.CrisisPacks.Add(new CrisisPack
            {
                GemeenteCode = Reminder,
                NoodsteunpuntId = point,
                WithRegister = true,
                Number = 2,
                Sha256 = new string('b', 64),
                ContentJson = "{}",
                CreatedAt = new DateTimeOffset(2030, 8, 1, 10, 0, 0, TimeSpan.Zero),
                CreatedBy = "test",
            });
            return await db.SaveChangesAsync();
        });
        var at = new DateTimeOffset(2030, 8, 1, 12, 0, 0, TimeSpan.Zero);
        var second = await Task.WhenAll(RunAsync(at), RunAsync(at));
        var reminder = Assert.Single(second.SelectMany(x => x), m => m.GemeenteCode == Reminder);
        Assert.Contains("1 ontvanger heeft een oudere versie dan versie 2", reminder.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(await RunAsync(at.AddHours(1)), m => m.GemeenteCode == Reminder);
        Assert.Equal(2, await MailsAsync());

        // The page (today, before these days) already says the holder of version 1 must get version 2.
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/gemeenten/{Reminder}/crisiskit/uitgifte"));
        Assert.Contains("Herdrukken nodig", page, StringComparison.Ordinal);
        Assert.Contains("Geheime Ontvanger: versie 1 van Uitgiftetest Dorpshuis; moet vervangen worden: versie 2 is nieuwer.", page, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqlitePackHandoutTests(SqliteAppFixture fixture) : PackHandoutTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresPackHandoutTests(PostgresAppFixture fixture) : PackHandoutTests(fixture);
