using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Weerbaar.Web.Features.Scan.Report.Pdf;

/// <summary>
/// Turns a server-drawn SVG (a map) into a PNG for Word, by the same Chromium that prints the PDF, so both documents
/// show the same drawing. The picture is twice the SVG's own size, sharp enough to print. The drawing is a function of
/// the data, so the last pictures are kept by a hash of the SVG: downloading an unchanged document again needs no browser.
/// </summary>
public sealed class SvgPicture(ChromiumHost chromium)
{
    public const int Scale = 2;
    private const int Kept = 32;
    private readonly ConcurrentDictionary<string, Task<byte[]>> _pictures = new(StringComparer.Ordinal);
    private long _drawn;

    /// <summary>How many pictures Chromium drew since start.</summary>
    public long Drawn => Interlocked.Read(ref _drawn);

    /// <exception cref="ChromiumUnavailableException">Chromium is missing or fails.</exception>
    public async Task<byte[]> PngAsync(string svg, double width, CancellationToken ct)
    {
        var key = PdfCache.Hash($"{width}\n{svg}");
        if (_pictures.Count >= Kept)
        {
            _pictures.Clear();
        }
        var picture = _pictures.GetOrAdd(key, _ => DrawAsync(svg, width));
        try
        {
            return await picture.WaitAsync(ct);
        }
        catch (ChromiumUnavailableException)
        {
            _pictures.TryRemove(new KeyValuePair<string, Task<byte[]>>(key, picture)); // Chromium may be back next time
            throw;
        }
    }

    // Not cancelled with the request that started it: another may be waiting for the same picture.
    private Task<byte[]> DrawAsync(string svg, double width) => chromium.RunAsync(async page =>
    {
        Interlocked.Increment(ref _drawn);
        var pixels = (int)Math.Ceiling(width * Scale);
        await page.SetViewportSizeAsync(pixels + 16, 600);
        await page.SetContentAsync("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>html,body{margin:0;background:#fff}"
            + $"svg{{display:block;width:{pixels}px;height:auto}}</style></head><body>{svg}</body></html>");
        return await page.Locator("svg").First.ScreenshotAsync(new LocatorScreenshotOptions { Type = ScreenshotType.Png });
    }, CancellationToken.None);
}
