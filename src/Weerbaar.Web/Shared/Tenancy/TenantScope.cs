using System.Security.Claims;
using Weerbaar.Web.Features.Accounts;

namespace Weerbaar.Web.Shared.Tenancy;

/// <summary>
/// Which gemeenten the current user may read and edit. Built once per request from the user's claims and
/// the reference data; used by the authorization handlers and by the query filters of <see cref="Data.AppDbContext"/>.
/// </summary>
public sealed class TenantScope
{
    public static readonly TenantScope None = new(false, false, [], []);

    private TenantScope(bool allGemeenten, bool editAll, IReadOnlyCollection<string> readable, IReadOnlyCollection<string> editable)
    {
        AllGemeenten = allGemeenten;
        _editAll = editAll;
        GemeenteCodes = readable.ToList();
        _readable = readable.ToHashSet(StringComparer.Ordinal);
        _editable = editable.ToHashSet(StringComparer.Ordinal);
    }

    private readonly HashSet<string> _readable;
    private readonly HashSet<string> _editable;
    private readonly bool _editAll;

    /// <summary>National roles (beheerder, onderzoeker) read every gemeente.</summary>
    public bool AllGemeenten { get; }

    /// <summary>The gemeenten this user may read when <see cref="AllGemeenten"/> is false (a list so EF can translate Contains).</summary>
    public List<string> GemeenteCodes { get; }

    public bool CanRead(string gemeenteCode) => AllGemeenten || _readable.Contains(gemeenteCode);

    public bool CanEdit(string gemeenteCode) => _editAll || _editable.Contains(gemeenteCode);

    /// <summary>
    /// The gemeenten whose local-only data (<see cref="Data.IGemeenteLocal"/>) this user may read: its own gemeente or
    /// its region's gemeenten; none for the national roles.
    /// </summary>
    public List<string> LocalGemeenteCodes => AllGemeenten ? [] : GemeenteCodes;

    public bool CanReadLocal(string gemeenteCode) => !AllGemeenten && _readable.Contains(gemeenteCode);

    /// <summary>Only the gemeente's own coordinator edits local-only data (the beheerder does not).</summary>
    public bool CanEditLocal(string gemeenteCode) => _editable.Contains(gemeenteCode);

    public static TenantScope For(ClaimsPrincipal user, Func<string, IReadOnlyCollection<string>> gemeentenOfRegio)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return None;
        }
        if (user.IsInRole(Roles.Beheerder))
        {
            return new TenantScope(true, true, [], []);
        }
        if (user.IsInRole(Roles.Onderzoeker))
        {
            return new TenantScope(true, false, [], []);
        }
        var gemeente = user.FindFirstValue(WeerbaarClaims.Gemeente);
        if (user.IsInRole(Roles.Regio) && user.FindFirstValue(WeerbaarClaims.Veiligheidsregio) is { } regio)
        {
            return new TenantScope(false, false, gemeentenOfRegio(regio), []);
        }
        if (gemeente is null)
        {
            return None;
        }
        if (user.IsInRole(Roles.Coordinator))
        {
            return new TenantScope(false, false, [gemeente], [gemeente]);
        }
        return user.IsInRole(Roles.Lezer) ? new TenantScope(false, false, [gemeente], []) : None;
    }
}

public static class WeerbaarClaims
{
    public const string Gemeente = "weerbaar:gemeente";
    public const string Veiligheidsregio = "weerbaar:veiligheidsregio";
    public const string DisplayName = "weerbaar:naam";
}
