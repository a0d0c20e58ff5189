using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.CrisisKit.Contacts;

/// <summary>Someone a noodsteunpunt or the crisis team must reach when the systems are down, with every alternative way to reach them.</summary>
public sealed class CrisisContact : ITenantOwned
{
    public const int MaxCategory = 40;
    public const int MaxName = 200;
    public const int MaxPhone = 40;
    public const int MaxEmail = 254;
    public const int MaxShort = 200;
    public const int MaxOther = 500;
    public const int MaxNotes = 1000;

    public Guid Id { get; set; }
    public required string GemeenteCode { get; set; }
    /// <summary>A code of <see cref="CrisisContactCategories"/>.</summary>
    public required string Category { get; set; }
    public required string Organisation { get; set; }
    /// <summary>A person or a role.</summary>
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    /// <summary>When they can be reached, e.g. "24/7" or "kantooruren".</summary>
    public string? Available { get; set; }
    /// <summary>C2000 talk group.</summary>
    public string? C2000 { get; set; }
    /// <summary>Satellite phone number.</summary>
    public string? Satellite { get; set; }
    /// <summary>Radio channel or frequency.</summary>
    public string? Radio { get; set; }
    public string? OtherMeans { get; set; }
    public string? Notes { get; set; }
    public int SortOrder { get; set; }
    public int Version { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
