using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using Weerbaar.Web.Data;
using Weerbaar.Web.Shared;

namespace Weerbaar.Web.Features.Gemeenten;

/// <summary>Everything the gemeente page shows, built once per gemeente from the (static) CBS reference data.</summary>
public sealed record GemeentePageData(GemeenteDetail Detail, string? OutlineGeoJson, string BuurtenRowsHtml);

/// <summary>
/// The gemeente page's data and its buurten table (up to 476 rows for Amsterdam) rendered once to HTML and kept in
/// memory. Blazor's static renderer buffers every fragment it writes; one pre-encoded string per gemeente cuts the
/// page's CPU and allocations by an order of magnitude (bench/results). Cleared when reference data reloads.
/// </summary>
public sealed class GemeentePageCache
{
    private readonly ConcurrentDictionary<string, Lazy<Task<GemeentePageData?>>> _pages = new(StringComparer.Ordinal);

    public void Clear() => _pages.Clear();

    public async Task<GemeentePageData?> GetAsync(string code, IServiceScopeFactory scopes)
    {
        code = code.ToUpperInvariant();
        var lazy = _pages.GetOrAdd(code, c => new Lazy<Task<GemeentePageData?>>(() => BuildAsync(c, scopes)));
        var page = await lazy.Value;
        if (page is null)
        {
            _pages.TryRemove(code, out _); // unknown codes are not remembered
        }
        return page;
    }

    private static async Task<GemeentePageData?> BuildAsync(string code, IServiceScopeFactory scopes)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var reference = scope.ServiceProvider.GetRequiredService<ReferenceData>();
        var detail = await GemeentenQueries.DetailAsync(db, reference, code, CancellationToken.None);
        if (detail is null)
        {
            return null;
        }
        var outline = await GemeentenQueries.OutlineAsync(db, code, CancellationToken.None);
        return new GemeentePageData(detail, outline, RenderRows(detail));
    }

    public static string RenderRows(GemeenteDetail detail)
    {
        var html = HtmlEncoder.Default;
        var sb = new StringBuilder(detail.Wijken.Sum(w => w.Buurten.Count) * 600);
        foreach (var w in detail.Wijken)
        {
            foreach (var b in w.Buurten)
            {
                sb.Append("<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"row\">").Append(html.Encode(b.Name)).Append("</th>")
                  .Append("<td class=\"utrecht-table__cell\">").Append(html.Encode(w.Code)).Append("</td>");
                Numeric(sb, Format.Number(b.Residents));
                Numeric(sb, Format.Number(b.Age0To15));
                Numeric(sb, Format.Number(b.Age65Plus));
                Numeric(sb, Format.Number(b.Households));
                Numeric(sb, Format.Number(b.AverageHouseholdSize, 1));
                Numeric(sb, Format.Number(b.Density));
                sb.Append("<td class=\"utrecht-table__cell\">").Append(GemeentenQueries.UrbanityLabel(b.Urbanity)).Append("</td></tr>\n");
            }
        }
        return sb.ToString();
    }

    // Dutch number formats contain only digits, '.', ',', '–': nothing to encode.
    private static void Numeric(StringBuilder sb, string value)
        => sb.Append("<td class=\"utrecht-table__cell utrecht-table__cell--numeric\">").Append(value).Append("</td>");
}
