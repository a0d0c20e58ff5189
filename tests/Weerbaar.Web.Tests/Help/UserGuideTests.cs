using System.Net;
using System.Text.RegularExpressions;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Help;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Help;

/// <summary>
/// The user guide at /handleiding: Markdown pages rendered in the site with their links and images moved to app routes,
/// screenshots as PNG, only for logged-in users, and no path that reaches a file outside the guide.
/// </summary>
public abstract partial class UserGuideTests(AppFixture fixture)
{
    private const string Gemeente = "GM0222"; // Doetinchem: assigned to the guide's tests
    private WeerbaarFactory App => fixture.Factory;

    [Fact]
    public async Task A_role_page_renders_with_its_heading_and_links_to_app_routes()
    {
        var coordinator = await App.UserAsync(Roles.Coordinator, Gemeente);
        var response = await coordinator.GetAsync("/handleiding/rollen/coordinator");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1 class=\"utrecht-heading-1\">Coördinator</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"utrecht-paragraph\">", html, StringComparison.Ordinal);
        Assert.Contains("<ul class=\"utrecht-unordered-list\">", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/handleiding/taken/foto\" class=\"utrecht-link\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>Handleiding: ", html, StringComparison.Ordinal);
        Assert.Contains("src=\"/handleiding/afbeeldingen/mijn-gemeente.png\"", html, StringComparison.Ordinal);
        Assert.Contains("alt=\"De pagina Mijn gemeente met de links naar foto, noodsteunpunten, afwegingskader, programmaplan en crisiskit\"", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(MarkdownLink(), html);
        // The site's header leads a coordinator to this page.
        Assert.Contains("href=\"/handleiding/rollen/coordinator\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_index_links_every_role_and_task_page()
    {
        var lezer = await App.UserAsync(Roles.Lezer, Gemeente);
        var html = await (await lezer.GetAsync("/handleiding")).Content.ReadAsStringAsync();
        Assert.Contains("Handleiding Weerbaar</h1>", html, StringComparison.Ordinal);
        foreach (var page in new[] { "rollen/beheerder", "rollen/onderzoeker", "rollen/regio", "rollen/coordinator", "rollen/lezer",
                     "taken/scanronde", "taken/foto", "taken/noodsteunpunten", "taken/afwegingskader", "taken/programmaplan", "taken/crisiskit" })
        {
            Assert.Contains($"href=\"/handleiding/{page}\"", html, StringComparison.Ordinal);
        }
        Assert.Contains("href=\"/handleiding/rollen/lezer\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_screenshot_is_served_as_png()
    {
        var lezer = await App.UserAsync(Roles.Lezer, Gemeente);
        var response = await lezer.GetAsync("/handleiding/afbeeldingen/foto-kaart.png");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
    }

    [Theory]
    [InlineData("/handleiding/..%2F..%2Fappsettings.json")]
    [InlineData("/handleiding/..%2F..%2Fappsettings")]
    [InlineData("/handleiding/rollen/..%2F..%2F..%2Fappsettings")]
    [InlineData("/handleiding/taken/bestaat-niet")]
    [InlineData("/handleiding/afbeeldingen/..%2F..%2Fappsettings.json")]
    [InlineData("/handleiding/afbeeldingen/..%2FREADME.md")]
    [InlineData("/handleiding/afbeeldingen/bestaat-niet.png")]
    public async Task Unknown_pages_and_paths_outside_the_guide_are_not_found(string path)
    {
        var lezer = await App.UserAsync(Roles.Lezer, Gemeente);
        var response = await lezer.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("ConnectionStrings", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Weerbaar:", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_page_shows_the_normal_error_page()
    {
        var lezer = await App.UserAsync(Roles.Lezer, Gemeente);
        var response = await lezer.GetAsync("/handleiding/taken/bestaat-niet");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Pagina niet gevonden", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/handleiding")]
    [InlineData("/handleiding/taken/foto")]
    [InlineData("/handleiding/afbeeldingen/foto-kaart.png")]
    public async Task Anonymous_visitors_are_sent_to_the_login_page(string path)
    {
        var response = await App.Anonymous().GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/inloggen", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_task_page_has_a_help_link_to_its_guide_page()
    {
        var coordinator = await App.UserAsync(Roles.Coordinator, Gemeente);
        var html = await (await coordinator.GetAsync($"/gemeenten/{Gemeente}/foto")).Content.ReadAsStringAsync();
        Assert.Contains("<a class=\"utrecht-link\" href=\"/handleiding/taken/foto\">Hulp bij deze pagina</a>", html, StringComparison.Ordinal);
        Assert.Matches("<a [^>]*href=\"/handleiding/rollen/coordinator\"[^>]*>Handleiding</a>", html);
    }

    [Fact]
    public void Every_link_of_every_guide_page_leads_to_a_page_or_image_of_the_guide()
    {
        var pages = Directory.EnumerateFiles(GuideLibrary.Directory, "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(GuideLibrary.Directory, f).Replace('\\', '/')[..^3])
            .Select(p => p == "README" ? "" : p)
            .ToList();
        Assert.Equal(12, pages.Count);
        var broken = new List<string>();
        foreach (var path in pages)
        {
            var page = GuideLibrary.Page(path) ?? throw new InvalidOperationException($"{path} niet gevonden");
            foreach (Match m in GuideLink().Matches(page.Html))
            {
                var target = m.Groups["url"].Value;
                var ok = target.StartsWith(GuideLibrary.ImageRoute + "/", StringComparison.Ordinal)
                    ? GuideLibrary.ImageFile(target[(GuideLibrary.ImageRoute.Length + 1)..]) is not null
                    : GuideLibrary.Page(target[GuideLibrary.RoutePrefix.Length..].Split('#')[0]) is not null;
                if (!ok)
                {
                    broken.Add($"{path}: {target}");
                }
            }
        }
        Assert.True(broken.Count == 0, "Kapotte links: " + string.Join(", ", broken));
    }

    [GeneratedRegex("(?:href|src)=\"[^\"]*\\.md(?:#[^\"]*)?\"")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex("(?:href|src)=\"(?<url>/handleiding[^\"]*)\"")]
    private static partial Regex GuideLink();
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteUserGuideTests(SqliteAppFixture fixture) : UserGuideTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresUserGuideTests(PostgresAppFixture fixture) : UserGuideTests(fixture);
