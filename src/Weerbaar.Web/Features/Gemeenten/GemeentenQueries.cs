using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.Gemeenten;

public sealed record GemeentenFilter(string? Q, string? Provincie, string? Veiligheidsregio, string? Sort, int Page = 1, int PageSize = 25);

public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));
}

public sealed record GemeenteDetail(
    string Code, string Name, string ProvincieCode, string ProvincieName, string VeiligheidsregioCode, string VeiligheidsregioName,
    int Residents, int? Men, int? Women, int? AreaTotalHa, int? AreaLandHa, int? Density, int? Dwellings,
    double? UrbanityWeighted, int UrbanityModal, bool IsUrban, IReadOnlyList<WijkRow> Wijken);

public sealed record WijkRow(string Code, int? Residents, int? Density, int? Dwellings, IReadOnlyList<BuurtRow> Buurten);

public sealed record BuurtRow(
    string Code, string Name, string WijkCode, int? Residents, int? Age0To15, int? Age65Plus, int? Households,
    int? HouseholdsWithChildren, double? AverageHouseholdSize, int? Density, int? Urbanity);

public static class GemeentenQueries
{
    public const int MaxPageSize = 100;
    public static readonly string[] SortKeys = ["naam", "-naam", "inwoners", "-inwoners", "dichtheid", "-dichtheid", "provincie", "-provincie"];

    private static readonly CompareInfo Dutch = CultureInfo.GetCultureInfo("nl-NL").CompareInfo;
    private static readonly StringComparer ByName = StringComparer.Create(CultureInfo.GetCultureInfo("nl-NL"), true);

    /// <summary>Search, filter, sort and page the 342 gemeenten (in memory: they are reference data).</summary>
    public static Paged<GemeenteInfo> Search(ReferenceData reference, GemeentenFilter f)
    {
        IEnumerable<GemeenteInfo> q = reference.Gemeenten;
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var term = f.Q.Trim();
            q = q.Where(g => Dutch.IndexOf(g.Name, term, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0
                             || g.Code.Equals(term, StringComparison.OrdinalIgnoreCase));
        }
        if (!string.IsNullOrWhiteSpace(f.Provincie))
        {
            q = q.Where(g => g.ProvincieCode.Equals(f.Provincie, StringComparison.OrdinalIgnoreCase));
        }
        if (!string.IsNullOrWhiteSpace(f.Veiligheidsregio))
        {
            q = q.Where(g => g.VeiligheidsregioCode.Equals(f.Veiligheidsregio, StringComparison.OrdinalIgnoreCase));
        }
        var byName = ByName;
        q = (f.Sort ?? "naam") switch
        {
            "naam" => q, // ReferenceData keeps the gemeenten sorted by name already
            "-naam" => q.OrderByDescending(g => g.Name, byName),
            "inwoners" => q.OrderBy(g => g.Residents).ThenBy(g => g.Name, byName),
            "-inwoners" => q.OrderByDescending(g => g.Residents).ThenBy(g => g.Name, byName),
            "dichtheid" => q.OrderBy(g => g.Density).ThenBy(g => g.Name, byName),
            "-dichtheid" => q.OrderByDescending(g => g.Density).ThenBy(g => g.Name, byName),
            "provincie" => q.OrderBy(g => g.ProvincieName, byName).ThenBy(g => g.Name, byName),
            "-provincie" => q.OrderByDescending(g => g.ProvincieName, byName).ThenBy(g => g.Name, byName),
            _ => q,
        };
        var all = q.ToList();
        var pageSize = Math.Clamp(f.PageSize, 1, MaxPageSize);
        var pageCount = Math.Max(1, (int)Math.Ceiling(all.Count / (double)pageSize));
        var page = Math.Clamp(f.Page, 1, pageCount);
        return new Paged<GemeenteInfo>(all.Skip((page - 1) * pageSize).Take(pageSize).ToList(), all.Count, page, pageSize);
    }

    public static async Task<GemeenteDetail?> DetailAsync(AppDbContext db, ReferenceData reference, string code, CancellationToken ct)
    {
        code = code.ToUpperInvariant();
        var info = reference.Gemeente(code);
        if (info is null)
        {
            return null;
        }
        var g = await db.Gemeenten.AsNoTracking().Where(x => x.Code == code)
            .Select(x => new { x.Men, x.Women, x.AreaTotalHa, x.AreaLandHa, x.Dwellings, x.UrbanityWeighted })
            .FirstAsync(ct);
        var wijken = await db.Wijken.AsNoTracking().Where(w => w.GemeenteCode == code).OrderBy(w => w.Code)
            .Select(w => new { w.Code, w.Residents, w.Density, w.Dwellings }).ToListAsync(ct);
        var buurten = await db.Buurten.AsNoTracking().Where(b => b.GemeenteCode == code).OrderBy(b => b.Code)
            .Select(b => new BuurtRow(b.Code, b.Name, b.WijkCode, b.Residents, b.Age0To15, b.Age65Plus, b.Households,
                b.HouseholdsWithChildren, b.AverageHouseholdSize, b.Density, b.Urbanity))
            .ToListAsync(ct);
        var byWijk = buurten.ToLookup(b => b.WijkCode);
        return new GemeenteDetail(info.Code, info.Name, info.ProvincieCode, info.ProvincieName, info.VeiligheidsregioCode, info.VeiligheidsregioName,
            info.Residents, g.Men, g.Women, g.AreaTotalHa, g.AreaLandHa, info.Density, g.Dwellings, g.UrbanityWeighted, info.UrbanityModal, info.IsUrban,
            wijken.Select(w => new WijkRow(w.Code, w.Residents, w.Density, w.Dwellings, byWijk[w.Code].ToList())).ToList());
    }

    public static async Task<string?> OutlineAsync(AppDbContext db, string code, CancellationToken ct)
        => await db.Gemeenten.AsNoTracking().Where(g => g.Code == code.ToUpperInvariant()).Select(g => g.OutlineGeoJson).FirstOrDefaultAsync(ct);

    public static string UrbanityLabel(int? cls) => cls switch
    {
        1 => "zeer sterk stedelijk",
        2 => "sterk stedelijk",
        3 => "matig stedelijk",
        4 => "weinig stedelijk",
        5 => "niet stedelijk",
        _ => "onbekend",
    };
}
