using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Accounts;

public abstract partial class InvitationTests(AppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;

    private static string NewEmail() => $"nieuw-{Guid.NewGuid():N}@test.weerbaar.nl";

    private async Task<(string Email, string Token)> InviteAsync(string role = Roles.Coordinator, string? gemeente = "GM0344")
    {
        var email = NewEmail();
        var admin = await App.AdminAsync();
        var response = await admin.PostAsJsonAsync("/api/v1/users/invitations",
            new { email, displayName = "Nieuwe Collega", role, gemeentecode = gemeente });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var mail = await WaitForPickupMailAsync(email);
        var token = LinkRegex().Match(mail).Groups["token"].Value;
        Assert.False(string.IsNullOrEmpty(token), "De e-mail bevat geen uitnodigingslink:\n" + mail);
        return (email, token);
    }

    private async Task<string> WaitForPickupMailAsync(string to)
    {
        var dir = Path.Combine(App.DataDirectory, "mail");
        for (var i = 0; i < 100; i++)
        {
            if (Directory.Exists(dir))
            {
                foreach (var file in Directory.GetFiles(dir, "*.eml"))
                {
                    var text = await File.ReadAllTextAsync(file);
                    if (text.Contains("To: " + to, StringComparison.Ordinal))
                    {
                        return text;
                    }
                }
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Geen .eml voor {to} in {dir}");
    }

    [Fact]
    public async Task Invitation_link_creates_the_account_once()
    {
        var (email, token) = await InviteAsync();
        var stored = await App.WithDbAsync(db => db.UserInvitations.IgnoreQueryFilters().SingleAsync(i => i.Email == email));
        Assert.DoesNotContain(token, Convert.ToBase64String(stored.TokenHash), StringComparison.Ordinal);
        Assert.Equal(32, stored.TokenHash.Length); // SHA-256, never the token itself

        var client = App.Anonymous();
        const string password = "Een-sterk-wachtwoord-2026";
        var accepted = await HtmlForms.PostFormAsync(client, $"/uitnodiging/{token}", "activeren",
            new Dictionary<string, string> { ["Input.Password"] = password, ["Input.Confirm"] = password });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains("Uw account is geactiveerd", await accepted.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var coordinator = await App.BearerClientAsync(email, password);
        var team = await coordinator.GetFromJsonAsync<List<UserDto>>("/api/v1/gemeenten/GM0344/users");
        Assert.Contains(team!, u => u.Email == email && u.Role == Roles.Coordinator);

        var reused = await client.GetAsync($"/uitnodiging/{token}");
        Assert.Equal(HttpStatusCode.Gone, reused.StatusCode);
        Assert.Contains("al gebruikt", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expired_and_unknown_links_explain_themselves_in_Dutch()
    {
        var (email, token) = await InviteAsync();
        await App.WithDbAsync(db => db.UserInvitations.IgnoreQueryFilters().Where(i => i.Email == email)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));

        var client = App.Anonymous();
        var expired = await client.GetAsync($"/uitnodiging/{token}");
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("verlopen", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var unknown = await client.GetAsync("/uitnodiging/bestaat-niet");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("onbekend", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await App.WithDbAsync(db => db.Users.FirstOrDefaultAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task Weak_password_keeps_the_invitation_unused_and_creates_no_user()
    {
        var (email, token) = await InviteAsync();
        var response = await HtmlForms.PostFormAsync(App.Anonymous(), $"/uitnodiging/{token}", "activeren",
            new Dictionary<string, string> { ["Input.Password"] = "kort1", ["Input.Confirm"] = "kort1" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("minstens 12 tekens", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await App.WithDbAsync(db => db.Users.FirstOrDefaultAsync(u => u.Email == email)));
        Assert.Null((await App.WithDbAsync(db => db.UserInvitations.IgnoreQueryFilters().SingleAsync(i => i.Email == email))).UsedAt);
    }

    [Fact]
    public async Task Invalid_invitation_lists_every_error_and_stores_nothing()
    {
        var admin = await App.AdminAsync();
        var before = await App.WithDbAsync(async db => (await db.UserInvitations.IgnoreQueryFilters().CountAsync(), await db.OutboxMessages.CountAsync()));
        var response = await admin.PostAsJsonAsync("/api/v1/users/invitations",
            new { email = "geen-e-mailadres", displayName = "", role = "koning", gemeentecode = "GM9999" });
        var problem = await LoginTests.AssertProblem(response, HttpStatusCode.UnprocessableEntity);
        var fields = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Contains("email", fields);
        Assert.Contains("displayName", fields);
        Assert.Contains("role", fields);

        var coordinatorWithoutGemeente = await admin.PostAsJsonAsync("/api/v1/users/invitations",
            new { email = NewEmail(), displayName = "X", role = Roles.Coordinator });
        var p2 = await LoginTests.AssertProblem(coordinatorWithoutGemeente, HttpStatusCode.UnprocessableEntity);
        Assert.Contains(p2.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == "gemeentecode");

        var after = await App.WithDbAsync(async db => (await db.UserInvitations.IgnoreQueryFilters().CountAsync(), await db.OutboxMessages.CountAsync()));
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Coordinator_sees_pending_invitations_of_own_gemeente_only()
    {
        var (_, _) = await InviteAsync(Roles.Lezer, "GM0363");
        var (ownEmail, _) = await InviteAsync(Roles.Lezer, "GM0344");
        var coordinator = await App.UserAsync(Roles.Coordinator, "GM0344");
        var html = await (await coordinator.GetAsync("/gemeenten/GM0344/team")).Content.ReadAsStringAsync();
        Assert.Contains(ownEmail, html, StringComparison.Ordinal);

        // The query filter on UserInvitation hides other gemeenten's rows even without a WHERE in the query.
        var visible = await VisibleInvitationGemeentenAsync(Roles.Coordinator, "GM0344");
        Assert.All(visible, code => Assert.Equal("GM0344", code));
        Assert.Contains("GM0363", await VisibleInvitationGemeentenAsync(Roles.Onderzoeker, null));
    }

    private async Task<List<string>> VisibleInvitationGemeentenAsync(string role, string? gemeente)
    {
        var claims = new List<System.Security.Claims.Claim> { new(System.Security.Claims.ClaimTypes.Role, role) };
        if (gemeente is not null)
        {
            claims.Add(new(Weerbaar.Web.Shared.Tenancy.WeerbaarClaims.Gemeente, gemeente));
        }
        var user = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(claims, "test"));
        var scope = Weerbaar.Web.Shared.Tenancy.TenantScope.For(user, _ => []);
        var connectionString = await App.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        var options = new DbContextOptionsBuilder<Weerbaar.Web.Data.AppDbContext>();
        Weerbaar.Web.Data.DatabaseSetup.Configure(options, App.Provider, connectionString);
        await using var db = new Weerbaar.Web.Data.AppDbContext(options.Options, Weerbaar.Web.Shared.Tenancy.TenantScopeAccessor.For(scope));
        return await db.UserInvitations.Select(i => i.GemeenteCode).Distinct().ToListAsync();
    }

    [GeneratedRegex("/uitnodiging/(?<token>[A-Za-z0-9_-]{20,})")]
    private static partial Regex LinkRegex();
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteInvitationTests(SqliteAppFixture fixture) : InvitationTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresInvitationTests(PostgresAppFixture fixture) : InvitationTests(fixture);
