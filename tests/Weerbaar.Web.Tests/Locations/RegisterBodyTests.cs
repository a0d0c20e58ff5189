using System.Net;
using System.Net.Http.Json;
using System.Text;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Locations;

/// <summary>A register's create and update read their JSON body themselves: another media type is a 415, broken or non-object JSON a clear 400, and nothing is stored.</summary>
public abstract class RegisterBodyTests(AppFixture fixture)
{
    [Theory]
    [InlineData("vulnerable-locations")]
    [InlineData("noodsteunpunten")]
    public async Task A_body_that_is_not_a_json_object_is_refused_with_a_dutch_problem(string register)
    {
        var coordinator = await fixture.Factory.UserAsync(Roles.Coordinator, "GM0858");
        var url = $"/api/v1/gemeenten/GM0858/{register}";
        var notJson = await coordinator.PostAsync(url, new StringContent("naam=x", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
        Assert.Equal("application/problem+json", notJson.Content.Headers.ContentType?.MediaType);
        foreach (var body in new HttpContent[] { new StringContent("{ kapot", Encoding.UTF8, "application/json"), new StringContent("[1,2]", Encoding.UTF8, "application/json") })
        {
            var response = await coordinator.PostAsync(url, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("JSON-object", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Empty(await coordinator.GetFromJsonAsync<List<object>>(url) ?? []);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteRegisterBodyTests(SqliteAppFixture fixture) : RegisterBodyTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresRegisterBodyTests(PostgresAppFixture fixture) : RegisterBodyTests(fixture);
