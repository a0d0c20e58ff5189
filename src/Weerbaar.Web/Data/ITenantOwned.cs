namespace Weerbaar.Web.Data;

/// <summary>
/// A row that belongs to one gemeente. <see cref="AppDbContext"/> filters every such entity to the gemeenten
/// the current user may read (see <see cref="Shared.Tenancy.TenantScope"/>); code that must see across tenants
/// (an anonymous token link, a background worker) says so with IgnoreQueryFilters().
/// </summary>
public interface ITenantOwned
{
    string GemeenteCode { get; }
}

/// <summary>
/// Tenant-owned data that only the gemeente itself and (read-only) its veiligheidsregio may see — not the national
/// roles either (vulnerable locations). <see cref="AppDbContext"/> filters on <see cref="Shared.Tenancy.TenantScope.LocalGemeenteCodes"/>.
/// </summary>
public interface IGemeenteLocal : ITenantOwned;
