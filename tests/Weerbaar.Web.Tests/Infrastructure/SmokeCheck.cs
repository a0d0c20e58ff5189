using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Web.Features.Accounts;

namespace Weerbaar.Web.Tests.Infrastructure;

/// <summary>
/// A short check that an installation works for a user and still holds its data: a coordinator logs in through the
/// login page, opens the gemeenten list, the gemeente page, the foto and the registers, and finds what was put in.
/// Used after a restore; <see cref="SeedAsync"/> puts the data in before the backup.
/// </summary>
public static class SmokeCheck
{
    public const string Password = "Rook-test-wachtwoord-789";

    /// <summary>What <see cref="SeedAsync"/> stored and what <see cref="RunAsync"/> looks for.</summary>
    /// <param name="BearerToken">An API token issued before the backup: still valid after a restore when the data-protection keys came along.</param>
    public sealed record Seeded(string Gemeente, string GemeenteName, string Email, string BearerToken, string Noodsteunpunt, string Location);

    /// <summary>A coordinator of <paramref name="gemeente"/>, one noodsteunpunt and one vulnerable location, through the API.</summary>
    public static async Task<Seeded> SeedAsync(WeerbaarFactory app, string gemeente, string gemeenteName)
    {
        var email = $"rooktest-{gemeente}@test.weerbaar.nl".ToLowerInvariant();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await AccountSeeder.EnsureUserAsync(users, email, "Rooktest coördinator", Roles.Coordinator, gemeente, null, Password, TimeProvider.System);
        }
        var login = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<WeerbaarFactory.TokenResponse>())!.AccessToken;
        var api = Bearer(app, token);

        var suffix = Guid.NewGuid().ToString("N")[..6];
        var point = $"Sporthal Rooktest {suffix}";
        var location = $"Zorgcentrum Rooktest {suffix}";
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/gemeenten/{gemeente}/noodsteunpunten",
            new { name = point, capacity = 120, hasBackupPower = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/gemeenten/{gemeente}/vulnerable-locations",
            new { category = "verpleeghuis", name = location, people = 45 })).StatusCode);
        return new Seeded(gemeente, gemeenteName, email, token, point, location);
    }

    /// <summary>Fails with the step that broke.</summary>
    public static async Task RunAsync(WeerbaarFactory app, Seeded seeded)
    {
        // Reference data: counts from the README (342 gemeenten, 13,817 buurten), not from the loader.
        Assert.Equal(342, await app.WithDbAsync(db => db.Gemeenten.CountAsync()));
        Assert.Equal(13_817, await app.WithDbAsync(db => db.Buurten.CountAsync()));

        var oldToken = await Bearer(app, seeded.BearerToken).GetAsync($"/api/v1/gemeenten/{seeded.Gemeente}");
        Assert.True(oldToken.StatusCode == HttpStatusCode.OK, $"A token issued before the backup answers {(int)oldToken.StatusCode}: the data-protection keys did not come along.");

        var form = await HtmlForms.PostFormAsync(app.Anonymous(), "/inloggen", "inloggen",
            new Dictionary<string, string> { ["Input.Email"] = seeded.Email, ["Input.Password"] = Password });
        Assert.True(form.StatusCode == HttpStatusCode.Redirect, $"Login through the page answered {(int)form.StatusCode}.");
        var cookie = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("weerbaar.auth=", StringComparison.Ordinal)).Split(';')[0];

        Assert.Contains(seeded.GemeenteName, await PageAsync(app, cookie, $"/gemeenten?q={Uri.EscapeDataString(seeded.GemeenteName)}"), StringComparison.Ordinal);
        Assert.Contains(seeded.GemeenteName, await PageAsync(app, cookie, $"/gemeenten/{seeded.Gemeente}"), StringComparison.Ordinal);
        Assert.Contains($"Foto van {seeded.GemeenteName}", await PageAsync(app, cookie, $"/gemeenten/{seeded.Gemeente}/foto"), StringComparison.Ordinal);
        Assert.Contains(seeded.Noodsteunpunt, await PageAsync(app, cookie, $"/gemeenten/{seeded.Gemeente}/noodsteunpunten"), StringComparison.Ordinal);
        Assert.Contains(seeded.Location, await PageAsync(app, cookie, $"/gemeenten/{seeded.Gemeente}/kwetsbare-locaties"), StringComparison.Ordinal);

        var api = Bearer(app, seeded.BearerToken);
        var points = await api.GetFromJsonAsync<JsonElement[]>($"/api/v1/gemeenten/{seeded.Gemeente}/noodsteunpunten");
        Assert.Contains(points!, p => p.GetProperty("name").GetString() == seeded.Noodsteunpunt);
    }

    /// <summary>The names of the gemeente's noodsteunpunten as the API lists them.</summary>
    public static async Task<List<string>> NoodsteunpuntNamesAsync(WeerbaarFactory app, Seeded seeded)
        => [.. (await Bearer(app, seeded.BearerToken).GetFromJsonAsync<JsonElement[]>($"/api/v1/gemeenten/{seeded.Gemeente}/noodsteunpunten"))!
            .Select(p => p.GetProperty("name").GetString()!)];

    public static HttpClient Bearer(WeerbaarFactory app, string token)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<string> PageAsync(WeerbaarFactory app, string cookie, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        var response = await app.Anonymous().SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}.");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
