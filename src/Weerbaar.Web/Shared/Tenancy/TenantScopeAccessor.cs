using Weerbaar.Web.Features.Gemeenten;

namespace Weerbaar.Web.Shared.Tenancy;

/// <summary>Builds the <see cref="TenantScope"/> of the current request once, from the signed-in user.</summary>
public sealed class TenantScopeAccessor(IHttpContextAccessor http, ReferenceData reference)
{
    private TenantScope? _current;

    public TenantScope Current => _current ??= http.HttpContext is { } ctx
        ? TenantScope.For(ctx.User, reference.GemeenteCodesOfRegio)
        : TenantScope.None;
}
