using Weerbaar.Web.Features.CrisisKit.Archive;
using Weerbaar.Web.Features.Scan.Report.Pdf;

namespace Weerbaar.Web.Features.CrisisKit.Team;

/// <summary>The crisis team pack in the crisis kit ZIP, beside the noodsteunpunt packs: PDF, offline HTML and its JSON content.</summary>
public sealed class CrisisTeamArchivePart(CrisisTeamPackBuilder builder, PackHtml html, ReportPdf pdf, TimeProvider clock) : ICrisisKitArchivePart
{
    public async Task<IReadOnlyList<ArchiveFile>> FilesAsync(CrisisKitArchiveInput input, PackSources sources, CancellationToken ct)
    {
        var content = await builder.BuildAsync(sources, ct);
        var json = PackHash.Json(content);
        var document = CrisisTeamEndpoints.Concept(content, clock);
        var name = CrisisTeamEndpoints.FileName(content);
        return
        [
            new($"{name}.pdf", await pdf.RenderAsync(document, ct, "crisis-team-pack"), "pack voor het crisisteam om af te drukken"),
            new($"{name}.html", await html.RenderAsync(document, json), "pack voor het crisisteam, opent zonder netwerk"),
            new($"{name}.json", json, $"inhoud van het pack voor het crisisteam (SHA-256 {PackHash.Sha256(json)})"),
        ];
    }
}
