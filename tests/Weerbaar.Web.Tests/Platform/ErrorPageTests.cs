using System.Net;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Platform;

[Collection(SqliteCollection.Name)]
public sealed class ErrorPageTests(SqliteAppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;

    [Fact]
    public async Task Unknown_gemeentecode_in_a_page_url_is_a_Dutch_404()
    {
        var client = await App.UserAsync(Roles.Lezer, "GM0344");
        var response = await client.GetAsync("/gemeenten/GM9999");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Er is geen gemeente met code", html, StringComparison.Ordinal);
        Assert.Contains("GM9999", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"nl\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_page_is_a_Dutch_404_and_unknown_api_path_a_problem()
    {
        var client = await App.UserAsync(Roles.Lezer, "GM0344");
        var page = await client.GetAsync("/bestaat/niet");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Pagina niet gevonden", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var api = await client.GetAsync("/api/v1/bestaat-niet");
        await Accounts.LoginTests.AssertProblem(api, HttpStatusCode.NotFound);
        Assert.Equal("1.0.0", api.Headers.GetValues("API-Version").Single());
    }

    [Fact]
    public async Task Bad_query_values_are_400_problems()
    {
        var client = await App.UserAsync(Roles.Lezer, "GM0344");
        await Accounts.LoginTests.AssertProblem(await client.GetAsync("/api/v1/gemeenten?sort=hoogte"), HttpStatusCode.BadRequest);
        await Accounts.LoginTests.AssertProblem(await client.GetAsync("/api/v1/gemeenten?pageSize=5000"), HttpStatusCode.BadRequest);
        await Accounts.LoginTests.AssertProblem(await client.GetAsync("/api/v1/gemeenten?page=abc"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Gemeente_page_shows_figures_with_CBS_attribution()
    {
        var client = await App.UserAsync(Roles.Lezer, "GM0344");
        var html = await (await client.GetAsync("/gemeenten/GM0344")).Content.ReadAsStringAsync();
        Assert.Contains("Utrecht", html, StringComparison.Ordinal);
        Assert.Contains("Bron: CBS", html, StringComparison.Ordinal);
        Assert.Contains("id=\"kaart-omtrek\">{\"type\":\"MultiPolygon\"", html, StringComparison.Ordinal);
        Assert.Contains("&#xB7; Weerbaar</title>", html, StringComparison.Ordinal);
    }
}
