using Weerbaar.Web.Features.Scan.Report;
using Weerbaar.Web.Shared;

namespace Weerbaar.Web.Features.CrisisKit;

/// <summary>How a pack of today is stamped and named, the same for a single download and for the ZIP of all packs.</summary>
public static class PackFiles
{
    /// <summary>Until packs are handed out as numbered versions, a download is the concept of today (version 0).</summary>
    public static ReportDocument Compose(NoodsteunpuntPackContent content, TimeProvider clock)
        => NoodsteunpuntPackComposer.Compose(content, new PackStamp(0, Format.Today(clock), PackHash.Sha256(PackHash.Json(content)), null));

    /// <summary>The file name without extension: "noodsteunpunt-buurthuis-de-kern".</summary>
    public static string BaseName(NoodsteunpuntPackContent c) => $"noodsteunpunt-{ReportFileName.Slug(c.Point.Name)}";
}
