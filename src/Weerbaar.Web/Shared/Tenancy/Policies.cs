using Microsoft.AspNetCore.Authorization;
using Weerbaar.Web.Features.Accounts;

namespace Weerbaar.Web.Shared.Tenancy;

public static class Policies
{
    /// <summary>Platform administration: users, outgoing e-mail.</summary>
    public const string Beheer = "beheer";
    /// <summary>National research work (beheerder, onderzoeker).</summary>
    public const string Onderzoek = "onderzoek";
    /// <summary>Read a gemeente's own data; the gemeente comes from the route value <c>gemeentecode</c>.</summary>
    public const string GemeenteLezen = "gemeente-lezen";
    /// <summary>Change a gemeente's own data; the gemeente comes from the route value <c>gemeentecode</c>.</summary>
    public const string GemeenteBewerken = "gemeente-bewerken";

    /// <summary>Read a gemeente's local-only data (vulnerable locations): the gemeente and its region, not national roles.</summary>
    public const string GemeenteLokaalLezen = "gemeente-lokaal-lezen";
    /// <summary>Change a gemeente's local-only data: its coordinator only.</summary>
    public const string GemeenteLokaalBewerken = "gemeente-lokaal-bewerken";

    public const string GemeenteRouteValue = "gemeentecode";

    public static AuthorizationBuilder AddWeerbaarPolicies(this AuthorizationBuilder builder) => builder
        // Authenticated by default: an endpoint without [Authorize]/[AllowAnonymous] still needs a login.
        .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
        .AddPolicy(Beheer, p => p.RequireRole(Roles.Beheerder))
        .AddPolicy(Onderzoek, p => p.RequireRole(Roles.Beheerder, Roles.Onderzoeker))
        .AddPolicy(GemeenteLezen, p => p.RequireAuthenticatedUser().AddRequirements(new GemeenteAccessRequirement(edit: false)))
        .AddPolicy(GemeenteBewerken, p => p.RequireAuthenticatedUser().AddRequirements(new GemeenteAccessRequirement(edit: true)))
        .AddPolicy(GemeenteLokaalLezen, p => p.RequireAuthenticatedUser().AddRequirements(new GemeenteAccessRequirement(edit: false, localOnly: true)))
        .AddPolicy(GemeenteLokaalBewerken, p => p.RequireAuthenticatedUser().AddRequirements(new GemeenteAccessRequirement(edit: true, localOnly: true)));
}

public sealed class GemeenteAccessRequirement(bool edit, bool localOnly = false) : IAuthorizationRequirement
{
    public bool Edit { get; } = edit;
    public bool LocalOnly { get; } = localOnly;
}

/// <summary>
/// Checks the gemeente in the route against the user's <see cref="TenantScope"/>. An endpoint with this
/// policy but without the route value is refused: the rule is never skipped silently.
/// </summary>
public sealed class GemeenteAccessHandler(TenantScopeAccessor scopes) : AuthorizationHandler<GemeenteAccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, GemeenteAccessRequirement requirement)
    {
        if (context.Resource is HttpContext http && http.GetRouteValue(Policies.GemeenteRouteValue) is string code)
        {
            var scope = scopes.Current;
            code = code.ToUpperInvariant();
            var allowed = (requirement.Edit, requirement.LocalOnly) switch
            {
                (true, true) => scope.CanEditLocal(code),
                (false, true) => scope.CanReadLocal(code),
                (true, false) => scope.CanEdit(code),
                (false, false) => scope.CanRead(code),
            };
            if (allowed)
            {
                context.Succeed(requirement);
            }
        }
        return Task.CompletedTask;
    }
}
