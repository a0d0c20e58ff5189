using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Foto;

/// <summary>Loading buurt geometry (the shipped CBS data has none): all or nothing, every error, centroids by hand.</summary>
public abstract class BuurtGeometryTests(AppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;

    private static StringContent GeoJson(string json) => new(json, Encoding.UTF8, "application/geo+json");

    // Buurt codes of Utrecht (GM0344) and one that does not exist.
    private const string Valid = """
        {"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"buurtcode":"BU03440111"},"geometry":{"type":"Polygon","coordinates":[[[5.10,52.08],[5.12,52.08],[5.12,52.10],[5.10,52.10],[5.10,52.08]]]}},
          {"type":"Feature","properties":{"BU_CODE":"BU03440112"},"geometry":{"type":"Point","coordinates":[5.1234567,52.0912345]}},
          {"type":"Feature","properties":{"statcode":"BU99990000"},"geometry":{"type":"Point","coordinates":[5.0,52.0]}}
        ]}
        """;

    [Fact]
    public async Task A_beheerder_loads_geometry_all_or_nothing_with_every_error()
    {
        var beheerder = await App.UserAsync(Roles.Beheerder);
        var known = await App.WithDbAsync(db => db.Buurten.Where(b => b.Code == "BU03440111" || b.Code == "BU03440112").CountAsync());
        Assert.Equal(2, known);

        var ok = await beheerder.PutAsync("/api/v1/buurt-geometries", GeoJson(Valid));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var body = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, body.GetProperty("loaded").GetInt32());
        Assert.Equal("BU99990000", body.GetProperty("skippedCodes")[0].GetString());

        // The square's centroid is its centre (5.11, 52.09); the point is itself, rounded to 5 decimals in the stored geometry.
        var square = await App.WithDbAsync(db => db.BuurtGeometries.SingleAsync(g => g.BuurtCode == "BU03440111"));
        Assert.Equal(52.09, square.CentroidLatitude, 9);
        Assert.Equal(5.11, square.CentroidLongitude, 9);
        var point = await App.WithDbAsync(db => db.BuurtGeometries.SingleAsync(g => g.BuurtCode == "BU03440112"));
        Assert.Equal("""{"type":"Point","coordinates":[5.12346,52.09123]}""", point.GeoJson);

        const string bad = """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"buurtcode":"BU03440111"},"geometry":{"type":"Polygon","coordinates":[[[136000,455000],[137000,455000],[137000,456000],[136000,455000]]]}},
              {"type":"Feature","properties":{"naam":"zonder code"},"geometry":{"type":"Point","coordinates":[5.1,52.1]}},
              {"type":"Feature","properties":{"buurtcode":"BU03440113"},"geometry":{"type":"LineString","coordinates":[[5.1,52.1],[5.2,52.2]]}}
            ]}
            """;
        var refused = await beheerder.PutAsync("/api/v1/buurt-geometries", GeoJson(bad));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()!).ToList();
        Assert.Equal(3, errors.Count);
        Assert.Contains("Rijksdriehoeksmeting", errors[0], StringComparison.Ordinal);
        Assert.Contains("geen buurtcode", errors[1], StringComparison.Ordinal);
        Assert.Contains("LineString", errors[2], StringComparison.Ordinal);
        Assert.Equal(2, await App.WithDbAsync(db => db.BuurtGeometries.CountAsync()));

        var notJson = await beheerder.PutAsync("/api/v1/buurt-geometries", GeoJson("{ kapot"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await beheerder.PutAsync("/api/v1/buurt-geometries", new StringContent(Valid, Encoding.UTF8, "text/csv"))).StatusCode);

        var coordinator = await App.UserAsync(Roles.Coordinator, "GM0344");
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.PutAsync("/api/v1/buurt-geometries", GeoJson(Valid))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/beheer/buurtgrenzen")).StatusCode);

        var page = WebUtility.HtmlDecode(await beheerder.GetStringAsync("/beheer/buurtgrenzen"));
        Assert.Contains("2 buurten hebben een geometrie", page, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await beheerder.DeleteAsync("/api/v1/buurt-geometries")).StatusCode);
        Assert.Equal(0, await App.WithDbAsync(db => db.BuurtGeometries.CountAsync()));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteBuurtGeometryTests(SqliteAppFixture fixture) : BuurtGeometryTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresBuurtGeometryTests(PostgresAppFixture fixture) : BuurtGeometryTests(fixture);
