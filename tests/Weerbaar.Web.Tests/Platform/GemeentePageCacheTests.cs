using Weerbaar.Web.Features.Gemeenten;

namespace Weerbaar.Web.Tests.Platform;

public sealed class GemeentePageCacheTests
{
    [Fact]
    public void Prerendered_rows_encode_names_and_format_numbers_in_Dutch()
    {
        var detail = new GemeenteDetail("GM0001", "X", "PV20", "P", "VR01", "R", 1, null, null, null, null, null, null, null, 1, true,
            [new WijkRow("WK000100", 1, null, null, [new BuurtRow("BU00010000", "<script>alert(1)</script> & Co", "WK000100", 12345, 5, null, 10, 3, 2.35, 1500, 2)])]);
        var html = GemeentePageCache.RenderRows(detail);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains(">12.345<", html, StringComparison.Ordinal);
        Assert.Contains(">2,4<", html, StringComparison.Ordinal);
        Assert.Contains(">–<", html, StringComparison.Ordinal);
        Assert.Contains("sterk stedelijk", html, StringComparison.Ordinal);
    }
}
