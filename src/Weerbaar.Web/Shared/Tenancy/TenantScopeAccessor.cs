using System.Security.Claims;
using Weerbaar.Web.Features.Gemeenten;

namespace Weerbaar.Web.Shared.Tenancy;

/// <summary>
/// The <see cref="TenantScope"/> of the current request, built from the signed-in user. It is recomputed when the
/// user changes during the request: cookie validation creates the DbContext before authentication has set
/// HttpContext.User, and a scope remembered from that moment would be the empty one.
/// </summary>
public sealed class TenantScopeAccessor
{
    private readonly IHttpContextAccessor? _http;
    private readonly ReferenceData? _reference;
    private TenantScope? _fixed;
    private ClaimsPrincipal? _user;
    private TenantScope _scope = TenantScope.None;

    public TenantScopeAccessor(IHttpContextAccessor http, ReferenceData reference)
    {
        _http = http;
        _reference = reference;
    }

    private TenantScopeAccessor(TenantScope scope) => _fixed = scope;

    /// <summary>An accessor with one scope, for work outside a request (and tests).</summary>
    public static TenantScopeAccessor For(TenantScope scope) => new(scope);

    /// <summary>
    /// Fixes the scope of this (scoped) accessor, for a background job's own service scope: it has no user, and the
    /// services it calls read through the tenant query filters as the requester would.
    /// </summary>
    public void Use(TenantScope scope) => _fixed = scope;

    public TenantScope Current
    {
        get
        {
            if (_fixed is not null)
            {
                return _fixed;
            }
            var user = _http?.HttpContext?.User;
            if (user is null)
            {
                return TenantScope.None;
            }
            if (!ReferenceEquals(user, _user))
            {
                _scope = TenantScope.For(user, _reference!.GemeenteCodesOfRegio);
                _user = user;
            }
            return _scope;
        }
    }
}
