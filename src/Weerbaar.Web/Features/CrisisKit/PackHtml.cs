using System.Text;
using Weerbaar.Web.Features.Scan.Report;
using Weerbaar.Web.Features.Scan.Report.Pdf;

namespace Weerbaar.Web.Features.CrisisKit;

/// <summary>
/// A pack as one self-contained HTML file for a laptop or USB stick: the same HTML the PDF is printed from (styles inline,
/// maps as inline SVG, no script, no external file), with the version line at the top and bottom and the content's
/// canonical JSON in a data block, so anyone can check the SHA-256 without a server.
/// </summary>
public sealed class PackHtml(ReportPdf pdf)
{
    public const string ContentType = "text/html";

    public async Task<byte[]> RenderAsync(ReportDocument document, byte[] contentJson)
    {
        var html = await pdf.HtmlAsync(document, []);
        var stamp = $"<p class=\"utrecht-paragraph pack-stamp\">{System.Net.WebUtility.HtmlEncode(document.PageFooter ?? "")}</p>";
        // The serializer escapes <, > and & (\u003C…), so the JSON cannot close the block and its bytes stay those hashed.
        var data = "<script type=\"application/json\" id=\"inhoud\">" + Encoding.UTF8.GetString(contentJson) + "</script>";
        var bodyOpen = html.IndexOf("<body", StringComparison.Ordinal);
        var afterBody = html.IndexOf('>', bodyOpen) + 1;
        var end = html.LastIndexOf("</body>", StringComparison.Ordinal);
        var result = new StringBuilder()
            .Append(html, 0, afterBody).Append('\n').Append(stamp)
            .Append(html, afterBody, end - afterBody)
            .Append(stamp).Append('\n').Append(data).Append('\n')
            .Append(html, end, html.Length - end);
        return Encoding.UTF8.GetBytes(result.ToString());
    }
}
