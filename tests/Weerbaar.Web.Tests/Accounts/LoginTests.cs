using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Accounts;

public abstract class LoginTests(AppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;
    private const string Password = "Goed-wachtwoord-789";

    private async Task<string> NewUserAsync(string role = Roles.Lezer, string gemeente = "GM0344")
    {
        var email = $"login-{Guid.NewGuid():N}@test.weerbaar.nl";
        await using var scope = App.Services.CreateAsyncScope();
        await AccountSeeder.EnsureUserAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), email, "Test", role, gemeente, null, Password, TimeProvider.System);
        return email;
    }

    [Fact]
    public async Task Api_login_returns_bearer_and_refresh_tokens_that_work()
    {
        var email = await NewUserAsync();
        var client = App.Anonymous();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = await login.Content.ReadFromJsonAsync<WeerbaarFactory.TokenResponse>();
        Assert.Equal("Bearer", token!.TokenType);
        Assert.True(token.ExpiresIn > 0);

        var refreshed = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = token.RefreshToken });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var again = await refreshed.Content.ReadFromJsonAsync<WeerbaarFactory.TokenResponse>();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/gemeenten?pageSize=1");
        request.Headers.Authorization = new("Bearer", again!.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);

        var bogus = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = "onzin" });
        await AssertProblem(bogus, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Wrong_password_is_401_problem_in_Dutch()
    {
        var email = await NewUserAsync();
        var response = await App.Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { email, password = "fout-wachtwoord-1" });
        var problem = await AssertProblem(response, HttpStatusCode.Unauthorized);
        Assert.Equal(LoginMessages.Invalid, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_for_the_right_password()
    {
        var email = await NewUserAsync();
        var client = App.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            var failed = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = $"fout-{i}-wachtwoord" });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }
        var locked = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password });
        var problem = await AssertProblem(locked, HttpStatusCode.Unauthorized);
        Assert.Equal(LoginMessages.LockedOut, problem.GetProperty("detail").GetString());

        // The login page says the same, in Dutch, without a stack trace.
        var page = await HtmlForms.PostFormAsync(client, "/inloggen", "inloggen", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("tijdelijk geblokkeerd", html, StringComparison.Ordinal);
        Assert.False(page.Headers.Contains("Set-Cookie") && page.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("weerbaar.auth", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Login_page_sets_the_cookie_and_redirects_to_a_local_return_url_only()
    {
        var email = await NewUserAsync();
        var client = App.Anonymous();
        var response = await HtmlForms.PostFormAsync(client, "/inloggen?ReturnUrl=%2Fgemeenten", "inloggen",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password, ["Input.ReturnUrl"] = "/gemeenten" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/gemeenten", new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath);
        Assert.Equal("localhost", new Uri(new Uri("http://localhost"), response.Headers.Location!).Host);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("weerbaar.auth=", StringComparison.Ordinal)).Split(';')[0];

        var page = new HttpRequestMessage(HttpMethod.Get, "/gemeenten");
        page.Headers.Add("Cookie", cookie);
        var gemeenten = await client.SendAsync(page);
        Assert.Equal(HttpStatusCode.OK, gemeenten.StatusCode);
        Assert.Contains("<title>Gemeenten &#xB7; Weerbaar</title>", await gemeenten.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var evil = await HtmlForms.PostFormAsync(client, "/inloggen", "inloggen",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password, ["Input.ReturnUrl"] = "//evil.example/x" });
        Assert.Equal(new Uri("http://localhost/"), new Uri(new Uri("http://localhost"), evil.Headers.Location!));
    }

    [Fact]
    public async Task Wrong_password_on_the_login_page_shows_a_Dutch_message()
    {
        var email = await NewUserAsync();
        var response = await HtmlForms.PostFormAsync(App.Anonymous(), "/inloggen", "inloggen",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "niet-het-wachtwoord-1" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(LoginMessages.Invalid, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posting_the_login_form_without_antiforgery_token_is_refused()
    {
        var response = await App.Anonymous().PostAsync("/inloggen",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "inloggen", ["Input.Email"] = "a@b.nl", ["Input.Password"] = "x" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Deactivated_user_cannot_log_in_and_loses_refresh()
    {
        var email = await NewUserAsync();
        var client = App.Anonymous();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password });
        var token = await login.Content.ReadFromJsonAsync<WeerbaarFactory.TokenResponse>();
        var admin = await App.AdminAsync();
        var id = await App.WithDbAsync(async db => (await db.Users.FirstAsync(u => u.Email == email)).Id);

        var patch = await admin.PatchAsJsonAsync($"/api/v1/users/{id}", new { isActive = false });
        Assert.Equal(HttpStatusCode.NoContent, patch.StatusCode);

        var again = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password });
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        var refresh = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = token!.RefreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PatchAsJsonAsync($"/api/v1/users/{id}", new { isActive = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password })).StatusCode);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_not_a_stack_trace()
    {
        var response = await App.Anonymous().PostAsync("/api/v1/auth/login", new StringContent("{\"email\": 5", System.Text.Encoding.UTF8, "application/json"));
        var problem = await AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.Contains("JSON", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public static async Task<JsonElement> AssertProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, json.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("title").GetString()));
        return json;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteLoginTests(SqliteAppFixture fixture) : LoginTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresLoginTests(PostgresAppFixture fixture) : LoginTests(fixture);
