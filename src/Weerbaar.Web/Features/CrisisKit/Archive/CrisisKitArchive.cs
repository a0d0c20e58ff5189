using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.CrisisKit.Archive;

/// <summary>
/// The ZIP of all noodsteunpunt packs of a gemeente, made by a "crisis-kit" job. Stored in the database so every node can
/// hand it out; only the newest few per gemeente are kept (<see cref="CrisisKitArchiveStore.Keep"/>).
/// </summary>
public sealed class CrisisKitArchive : ITenantOwned
{
    public Guid Id { get; set; }
    /// <summary>The job that made it (the download address uses this id).</summary>
    public Guid JobId { get; set; }
    public required string GemeenteCode { get; set; }
    /// <summary>The edition with the register of vulnerable locations: only for those who may keep the register.</summary>
    public bool WithRegister { get; set; }
    public required string FileName { get; set; }
    public required byte[] Bytes { get; set; }
    public required string Sha256 { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
