using System.Net;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Security;

/// <summary>
/// Enumerates every endpoint and page of the app and checks who may use it. A new endpoint is covered without
/// changing this test; it fails until the endpoint is protected (or consciously added to an allow-list here).
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class AuthorizationMatrixTests(SqliteAppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;

    private const string OwnGemeente = "GM0344";   // Utrecht, in VR09
    private const string OtherGemeente = "GM0363"; // Amsterdam, in VR13

    /// <summary>The only endpoints anyone may use without logging in.</summary>
    private static readonly HashSet<string> AnonymousAllowList =
    [
        "GET /health", "GET /health/live", "GET /health/ready",
        "GET /inloggen", "POST /inloggen",
        "POST /uitloggen",
        "POST /api/v1/auth/login", "POST /api/v1/auth/refresh",
        "GET /uitnodiging/{Token}", "POST /uitnodiging/{Token}",
        "GET /geen-toegang", "POST /geen-toegang",
        "GET /fout", "POST /fout", "GET /fout/{Code:int}", "POST /fout/{Code:int}",
        "GET /openapi/{documentName}.json", "GET /api/v1/openapi.json",
        "GET /api/v1/invitations/{token}/response", "PUT /api/v1/invitations/{token}/response/parts/{part:int}",
        "POST /api/v1/invitations/{token}/response/submit",
        "GET /scan/{Token}", "POST /scan/{Token}", "GET /scan/{Token}/deel/{Part:int}", "POST /scan/{Token}/deel/{Part:int}",
        "GET /scan/{Token}/controle", "POST /scan/{Token}/controle",
        "GET /scan/{Token}/afmelden", "POST /scan/{Token}/afmelden",
        "PUT /api/v1/invitations/{token}/opt-out", "DELETE /api/v1/invitations/{token}/opt-out",
        "GET /api/docs", "POST /api/docs",
    ];

    /// <summary>Endpoints with a gemeente in the route that show public CBS reference data, readable by every logged-in user.</summary>
    private static readonly HashSet<string> PublicReferenceData =
    [
        "GET /gemeenten/{Gemeentecode}", "POST /gemeenten/{Gemeentecode}",
        "GET /api/v1/gemeenten/{gemeentecode}",
        "GET /api/v1/gemeenten/{gemeentecode}/outline",
    ];

    /// <summary>Gemeente reads that answer 404 while the gemeente has no data of that kind (past the policy: not 403).</summary>
    private static readonly HashSet<string> NotFoundWithoutData = ["GET /api/v1/gemeenten/{gemeentecode}/scan-position"];

    private static readonly HashSet<string> ReadMethods = ["GET", "HEAD"];

    /// <summary>
    /// Writes a lezer may do because they change no data of the gemeente: they start a job that bundles what the lezer may
    /// already download one by one (the crisis kit ZIP, in the lezer's edition).
    /// </summary>
    private static readonly HashSet<string> LezerMayStart = ["POST /api/v1/gemeenten/{gemeentecode}/crisis-kit/archives"];

    /// <summary>The page forms of <see cref="LezerMayStart"/>.</summary>
    private static readonly HashSet<string> LezerForms = ["alle-packs-zip"];

    private IReadOnlyList<EndpointCase> Cases => EndpointCase.All(App.Services);

    [Fact]
    public void The_catalog_sees_pages_and_api_endpoints()
    {
        Assert.Contains(Cases, c => c.IsPage && c.Pattern == "/gemeenten");
        Assert.Contains(Cases, c => !c.IsPage && c.Pattern == "/api/v1/gemeenten");
        Assert.Contains(Cases, c => c.HasGemeenteRoute && c.Policies.Contains(Weerbaar.Web.Shared.Tenancy.Policies.GemeenteLezen));
        Assert.Contains(Cases, c => c.ToString() == "GET /gemeenten/{Gemeentecode}/crisiskit/contacten");
        Assert.Contains(Cases, c => c.ToString() == "PUT /api/v1/gemeenten/{gemeentecode}/crisis-contacts/{id:guid}");
    }

    [Fact]
    public async Task Metrics_need_the_scrape_token_or_a_beheerder()
    {
        Assert.Contains(Cases, c => c.ToString() == "GET /metrics" && !c.AllowsAnonymous);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await App.Anonymous().GetAsync("/metrics")).StatusCode);
        var wrong = App.Anonymous();
        wrong.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", WeerbaarFactory.MetricsScrapeToken + "x");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await wrong.GetAsync("/metrics")).StatusCode);
        var coordinator = await App.UserAsync(Roles.Coordinator, OwnGemeente);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await coordinator.GetAsync("/metrics")).StatusCode);
        var scraper = App.Anonymous();
        scraper.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", WeerbaarFactory.MetricsScrapeToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await scraper.GetAsync("/metrics")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await (await App.AdminAsync()).GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public void Only_allow_listed_endpoints_are_anonymous()
    {
        var anonymous = Cases.Where(c => c.AllowsAnonymous).Select(c => c.ToString()).ToList();
        var unexpected = anonymous.Where(c => !AnonymousAllowList.Contains(c)).ToList();
        Assert.True(unexpected.Count == 0, "Anoniem bereikbaar maar niet op de lijst: " + string.Join(", ", unexpected));
    }

    [Fact]
    public async Task Anonymous_requests_are_refused_everywhere_else()
    {
        var client = App.Anonymous();
        var failures = new List<string>();
        foreach (var c in Cases.Where(c => !AnonymousAllowList.Contains(c.ToString())))
        {
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(c.Method), c.Url(OwnGemeente)) { Content = Body(c) });
            // API: 401 problem+json; pages and files: redirect to the login page.
            var ok = response.StatusCode == HttpStatusCode.Unauthorized
                     || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/inloggen", StringComparison.Ordinal));
            if (ok && c.Pattern.StartsWith("/api/", StringComparison.Ordinal))
            {
                ok = response.StatusCode == HttpStatusCode.Unauthorized && response.Content.Headers.ContentType?.MediaType == "application/problem+json";
            }
            if (!ok)
            {
                failures.Add($"{c}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }
        Assert.True(failures.Count == 0, "Anoniem niet geweigerd:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_gemeente_route_is_tenant_checked_or_public_reference_data()
    {
        var unprotected = Cases.Where(c => c.HasGemeenteRoute && !PublicReferenceData.Contains(c.ToString())
                                           && !c.Policies.Any(p => p is Weerbaar.Web.Shared.Tenancy.Policies.GemeenteLezen or Weerbaar.Web.Shared.Tenancy.Policies.GemeenteBewerken
                                               or Weerbaar.Web.Shared.Tenancy.Policies.GemeenteLokaalLezen or Weerbaar.Web.Shared.Tenancy.Policies.GemeenteLokaalBewerken
                                               // National roles only: stricter than any gemeente check.
                                               or Weerbaar.Web.Shared.Tenancy.Policies.Onderzoek or Weerbaar.Web.Shared.Tenancy.Policies.Beheer))
            .ToList();
        Assert.True(unprotected.Count == 0, "Gemeente-route zonder gemeentebeleid: " + string.Join(", ", unprotected));

        var coordinator = await App.UserAsync(Roles.Coordinator, OwnGemeente);
        var lezer = await App.UserAsync(Roles.Lezer, OwnGemeente);
        var regio = await App.UserAsync(Roles.Regio, regio: "VR09");
        var failures = new List<string>();
        foreach (var c in Cases.Where(c => c.HasGemeenteRoute && !PublicReferenceData.Contains(c.ToString())))
        {
            foreach (var (who, client) in new[] { ("coordinator", coordinator), ("lezer", lezer), ("regio", regio) })
            {
                var other = await client.SendAsync(new HttpRequestMessage(new HttpMethod(c.Method), c.Url(OtherGemeente)) { Content = Body(c) });
                if (other.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound))
                {
                    failures.Add($"{who} van {OwnGemeente} op {c} met {OtherGemeente}: {(int)other.StatusCode}");
                }
                if (ReadMethods.Contains(c.Method))
                {
                    var own = await client.GetAsync(c.Url(OwnGemeente));
                    // A route that names a row as well (…/{id}) answers 404 for the placeholder id: allowed, but not found.
                    var namesRow = c.Pattern.Count(ch => ch == '{') > 1;
                    if (own.StatusCode != HttpStatusCode.OK && !(own.StatusCode == HttpStatusCode.NotFound && (namesRow || NotFoundWithoutData.Contains(c.ToString()))))
                    {
                        failures.Add($"{who} op eigen gemeente {c}: {(int)own.StatusCode}");
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_lezer_can_change_nothing()
    {
        var lezer = await App.UserAsync(Roles.Lezer, OwnGemeente);
        var failures = new List<string>();
        foreach (var c in Cases.Where(c => !ReadMethods.Contains(c.Method) && !AnonymousAllowList.Contains(c.ToString()) && !LezerMayStart.Contains(c.ToString())))
        {
            var response = await lezer.SendAsync(new HttpRequestMessage(new HttpMethod(c.Method), c.Url(OwnGemeente)) { Content = Body(c) });
            // A page the lezer may read answers a POST without a valid antiforgery token with 400: nothing happens.
            var refused = response.StatusCode == HttpStatusCode.Forbidden || (c.IsPage && response.StatusCode == HttpStatusCode.BadRequest && !c.Policies.Contains(Weerbaar.Web.Shared.Tenancy.Policies.Beheer));
            if (!refused)
            {
                failures.Add($"{c}: {(int)response.StatusCode}");
            }
        }

        // And no page a lezer can open offers a form that changes data (only logging out).
        foreach (var c in Cases.Where(c => c.IsPage && c.Method == "GET" && !AnonymousAllowList.Contains(c.ToString())))
        {
            var response = await lezer.GetAsync(c.Url(OwnGemeente));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                continue;
            }
            var forms = HtmlForms.PostFormHandlers(await response.Content.ReadAsStringAsync()).Where(f => f != "/uitloggen" && !LezerForms.Contains(f)).ToList();
            if (forms.Count > 0)
            {
                failures.Add($"{c} toont een lezer de formulieren {string.Join(", ", forms)}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Admin_pages_and_api_are_for_beheerders_only()
    {
        foreach (var role in new[] { Roles.Onderzoeker, Roles.Coordinator, Roles.Lezer })
        {
            var client = await App.UserAsync(role, role is Roles.Coordinator or Roles.Lezer ? OwnGemeente : null);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/users")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/beheer/gebruikers")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/beheer/e-mail")).StatusCode);
        }
        var admin = await App.AdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/users")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/beheer/gebruikers")).StatusCode);
    }

    private static HttpContent? Body(EndpointCase c) => ReadMethods.Contains(c.Method)
        ? null
        : c.IsPage
            ? new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "x" })
            : new StringContent(c.BodyContentType == "application/json" ? "{}" : "", System.Text.Encoding.UTF8, c.BodyContentType);
}
