using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.CrisisKit;

/// <summary>
/// A numbered version of a noodsteunpunt pack as it was handed out: its content (canonical JSON, what the SHA-256
/// covers) and a hash per section, so a later state can be compared and the change named. Versions are counted per
/// noodsteunpunt and per edition (with or without the register); a new version is made only when the content changed.
/// </summary>
public sealed class CrisisPack : ITenantOwned
{
    /// <summary>The <see cref="NoodsteunpuntId"/> of the gemeente's crisis team pack (one per gemeente, not tied to a noodsteunpunt).</summary>
    public static readonly Guid CrisisTeam = Guid.Empty;

    public Guid Id { get; set; }
    public required string GemeenteCode { get; set; }
    /// <summary>The noodsteunpunt the pack is for; <see cref="CrisisTeam"/> for the crisis team pack.</summary>
    public Guid NoodsteunpuntId { get; set; }
    /// <summary>The edition with the register of vulnerable locations (for those who may keep the register).</summary>
    public bool WithRegister { get; set; }
    public int Number { get; set; }
    public required string Sha256 { get; set; }
    /// <summary>Section key → short hash (PackHash.Sections).</summary>
    public Dictionary<string, string> Sections { get; set; } = [];
    public required string ContentJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}
