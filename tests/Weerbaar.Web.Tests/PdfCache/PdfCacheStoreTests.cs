using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Weerbaar.Web.Features.Scan.Report.Pdf;

namespace Weerbaar.Web.Tests.PdfCache;

/// <summary>The cache's store on disk: bounded by least recent use, single flight per key, kept over a restart.</summary>
public sealed class PdfCacheStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "weerbaar-pdfcache-" + Guid.NewGuid().ToString("N")[..8]);

    private Features.Scan.Report.Pdf.PdfCache Create(int maxFiles = 200, int maxMegabytes = 256) => new(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Weerbaar:DataDirectory"] = _directory,
            ["Weerbaar:Report:PdfCache:MaxFiles"] = maxFiles.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Weerbaar:Report:PdfCache:MaxMegabytes"] = maxMegabytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build(),
        new HostingEnvironment { ContentRootPath = _directory },
        NullLogger<Features.Scan.Report.Pdf.PdfCache>.Instance);

    private static Func<Task<byte[]>> Print(string text) => () => Task.FromResult(System.Text.Encoding.ASCII.GetBytes(text));

    [Fact]
    public async Task The_least_recently_used_pdf_goes_first_when_the_cache_is_full()
    {
        var cache = Create(maxFiles: 2);
        await cache.GetOrRenderAsync("foto-a-1", Print("a"), default);
        await Task.Delay(5);
        await cache.GetOrRenderAsync("foto-b-1", Print("b"), default);
        await Task.Delay(5);
        Assert.Equal(PdfCacheOutcome.Hit, (await cache.GetOrRenderAsync("foto-a-1", Print("x"), default)).Outcome); // a is now used last
        await Task.Delay(5);
        await cache.GetOrRenderAsync("foto-c-1", Print("c"), default);

        Assert.Equal(2, cache.Count);
        Assert.Equal(["foto-a-1.pdf", "foto-c-1.pdf"], Directory.GetFiles(cache.Directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var again = await cache.GetOrRenderAsync("foto-b-1", Print("b2"), default);
        Assert.Equal(PdfCacheOutcome.Rendered, again.Outcome);
        Assert.Equal(4, cache.Renders);
    }

    [Fact]
    public async Task Simultaneous_requests_for_one_key_print_once_and_a_restart_keeps_the_files()
    {
        var cache = Create();
        var release = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        var prints = 0;
        var requests = Enumerable.Range(0, 8).Select(_ => cache.GetOrRenderAsync("rapport-r-1", () => { Interlocked.Increment(ref prints); return release.Task; }, default)).ToList();
        var other = await cache.GetOrRenderAsync("rapport-s-1", Print("s"), default); // another key does not wait for the first
        Assert.Equal(PdfCacheOutcome.Rendered, other.Outcome);
        release.SetResult("r"u8.ToArray());
        var results = await Task.WhenAll(requests);

        Assert.Equal(1, prints);
        Assert.Single(results, r => r.Outcome == PdfCacheOutcome.Rendered);
        Assert.All(results, r => Assert.Equal("r"u8.ToArray(), r.Pdf));

        var restarted = Create();
        Assert.Equal(2, restarted.Count);
        Assert.Equal(PdfCacheOutcome.Hit, (await restarted.GetOrRenderAsync("rapport-r-1", Print("new"), default)).Outcome);
        Assert.Equal(0, restarted.Renders);
    }

    [Fact]
    public async Task A_failed_print_is_not_cached_and_the_next_request_prints_again()
    {
        var cache = Create();
        await Assert.ThrowsAsync<ChromiumUnavailableException>(() => cache.GetOrRenderAsync("foto-f-1", () => throw new ChromiumUnavailableException("weg"), default));
        Assert.Equal(PdfCacheOutcome.Rendered, (await cache.GetOrRenderAsync("foto-f-1", Print("f"), default)).Outcome);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
