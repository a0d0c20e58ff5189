using Microsoft.Playwright;

namespace Weerbaar.Web.Features.Scan.Report.Pdf;

/// <summary>
/// Turns a server-drawn SVG (a map) into a PNG for Word, by the same Chromium that prints the PDF, so both documents
/// show the same drawing. The picture is twice the SVG's own size, sharp enough to print.
/// </summary>
public sealed class SvgPicture(ChromiumHost chromium)
{
    public const int Scale = 2;

    /// <exception cref="ChromiumUnavailableException">Chromium is missing or fails.</exception>
    public Task<byte[]> PngAsync(string svg, double width, CancellationToken ct) => chromium.RunAsync(async page =>
    {
        var pixels = (int)Math.Ceiling(width * Scale);
        await page.SetViewportSizeAsync(pixels + 16, 600);
        await page.SetContentAsync("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>html,body{margin:0;background:#fff}"
            + $"svg{{display:block;width:{pixels}px;height:auto}}</style></head><body>{svg}</body></html>");
        return await page.Locator("svg").First.ScreenshotAsync(new LocatorScreenshotOptions { Type = ScreenshotType.Png });
    }, ct);
}
