using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TenancyPolicies = Weerbaar.Web.Shared.Tenancy.Policies;

namespace Weerbaar.Web.Tests.Security;

/// <summary>Every routed endpoint of the running app, with a concrete URL per HTTP method, for the authorization matrix.</summary>
public sealed partial record EndpointCase(string Pattern, string Method, bool IsPage, bool AllowsAnonymous, bool HasGemeenteRoute, IReadOnlyList<string> Policies,
    string BodyContentType = "application/json")
{
    public string Url(string gemeentecode) => ParameterRegex().Replace(Pattern, m => m.Groups["name"].Value.ToLowerInvariant() switch
    {
        "gemeentecode" => gemeentecode,
        "documentname" => "v1",
        "code" => "404",
        "number" => "1",
        "token" => "onbekende-token",
        _ => "00000000-0000-0000-0000-000000000000",
    });

    public override string ToString() => $"{Method} {Pattern}";

    public static IReadOnlyList<EndpointCase> All(IServiceProvider services)
    {
        var source = services.GetRequiredService<EndpointDataSource>();
        var cases = new List<EndpointCase>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');
            // Static files (css, js, images) are served to everyone by design.
            if (endpoint.Metadata.Any(m => m.GetType().Name.Contains("StaticAsset", StringComparison.Ordinal)) || pattern.StartsWith("/_framework/", StringComparison.Ordinal))
            {
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var isPage = endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? a.Roles ?? "authenticated").ToList();
            var hasGemeente = endpoint.RoutePattern.Parameters.Any(p => p.Name.Equals(TenancyPolicies.GemeenteRouteValue, StringComparison.OrdinalIgnoreCase));
            foreach (var method in methods)
            {
                var accepts = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes is [var first, ..] ? first : "application/json";
                cases.Add(new EndpointCase(pattern, method, isPage, anonymous, hasGemeente, policies, accepts));
            }
        }
        return cases.DistinctBy(c => c.ToString()).OrderBy(c => c.ToString(), StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex("\\{\\*{0,2}(?<name>[A-Za-z]+)[^}]*\\}")]
    private static partial Regex ParameterRegex();
}
