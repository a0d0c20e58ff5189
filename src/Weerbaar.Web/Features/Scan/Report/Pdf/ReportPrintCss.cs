using System.Text;

namespace Weerbaar.Web.Features.Scan.Report.Pdf;

/// <summary>
/// The stylesheets the report page uses, read once from wwwroot and inlined in the document Chromium prints, so
/// printing needs no HTTP round trip back into the app.
/// </summary>
public sealed class ReportPrintCss(IWebHostEnvironment environment)
{
    /// <summary>As App.razor links them, then the report's own styles (optional) and the print rules last.</summary>
    public static readonly IReadOnlyList<(string Path, bool Required)> Files =
    [
        ("lib/utrecht/component-library.css", true),
        ("lib/nl-design-system/voorbeeld-theme.css", true),
        ("css/site.css", true),
        ("css/report.css", false),
        ("css/report-print.css", true),
    ];

    private readonly Lazy<string> _css = new(() => Read(environment));
    private CssPruner? _pruner;

    /// <summary>All of it, as the report page gets it.</summary>
    public string Css => _css.Value;

    /// <summary>A hash of <see cref="Css"/>: part of a cached PDF's key.</summary>
    public string Version => _version ??= PdfCache.Hash(Css);

    private string? _version;

    /// <summary>Only what <paramref name="html"/> can use (see <see cref="CssPruner"/>).</summary>
    public string For(string html) => (_pruner ??= new CssPruner(Css)).For(html);

    private static string Read(IWebHostEnvironment environment)
    {
        var css = new StringBuilder();
        foreach (var (path, required) in Files)
        {
            var file = environment.WebRootFileProvider.GetFileInfo(path);
            if (!file.Exists)
            {
                if (required)
                {
                    throw new FileNotFoundException($"wwwroot/{path} ontbreekt; het rapport heeft het nodig.", path);
                }
                continue;
            }
            using var reader = new StreamReader(file.CreateReadStream(), Encoding.UTF8);
            // "</style" would end the inline <style> element early.
            css.Append("/* ").Append(path).Append(" */\n").Append(reader.ReadToEnd().Replace("</style", "<\\/style", StringComparison.OrdinalIgnoreCase)).Append('\n');
        }
        return css.ToString();
    }
}
