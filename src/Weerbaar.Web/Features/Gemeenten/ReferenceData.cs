using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.Gemeenten;

public sealed record GemeenteInfo(
    string Code, string Name, string ProvincieCode, string ProvincieName,
    string VeiligheidsregioCode, string VeiligheidsregioName, int Residents, int? Density, int UrbanityModal)
{
    /// <summary>Urban = stedelijkheid class 1–3 of the gemeente's modal class (DESIGN.md, API contract).</summary>
    public bool IsUrban => UrbanityModal is >= 1 and <= 3;
}

public sealed record NamedCode(string Code, string Name);

/// <summary>
/// The read-only CBS reference list of gemeenten, provinces and veiligheidsregio's, held in memory after
/// start-up. It is static open data, identical on every node, so caching it does not break scale-out.
/// </summary>
public sealed class ReferenceData(GemeentePageCache pages)
{
    private volatile Snapshot _snapshot = Snapshot.Empty;

    public IReadOnlyList<GemeenteInfo> Gemeenten => _snapshot.Gemeenten;
    public IReadOnlyList<NamedCode> Provincies => _snapshot.Provincies;
    public IReadOnlyList<NamedCode> Veiligheidsregios => _snapshot.Veiligheidsregios;

    public GemeenteInfo? Gemeente(string? code)
        => code is not null && _snapshot.ByCode.TryGetValue(code, out var g) ? g : null;

    public IReadOnlyCollection<string> GemeenteCodesOfRegio(string regioCode)
        => _snapshot.ByRegio.TryGetValue(regioCode, out var codes) ? codes : [];

    public string? ProvincieName(string code) => _snapshot.Provincies.FirstOrDefault(p => p.Code == code)?.Name;
    public string? VeiligheidsregioName(string code) => _snapshot.Veiligheidsregios.FirstOrDefault(v => v.Code == code)?.Name;

    public async Task ReloadAsync(AppDbContext db, CancellationToken ct = default)
    {
        var provincies = await db.Provincies.AsNoTracking().OrderBy(p => p.Name).Select(p => new NamedCode(p.Code, p.Name)).ToListAsync(ct);
        var regios = await db.Veiligheidsregios.AsNoTracking().OrderBy(v => v.Code).Select(v => new NamedCode(v.Code, v.Name)).ToListAsync(ct);
        var provincieNames = provincies.ToDictionary(p => p.Code, p => p.Name);
        var regioNames = regios.ToDictionary(r => r.Code, r => r.Name);
        var gemeenten = (await db.Gemeenten.AsNoTracking()
                .Select(g => new { g.Code, g.Name, g.ProvincieCode, g.VeiligheidsregioCode, g.Residents, g.Density, g.UrbanityModal })
                .ToListAsync(ct))
            .Select(g => new GemeenteInfo(g.Code, g.Name, g.ProvincieCode, provincieNames.GetValueOrDefault(g.ProvincieCode, g.ProvincieCode),
                g.VeiligheidsregioCode, regioNames.GetValueOrDefault(g.VeiligheidsregioCode, g.VeiligheidsregioCode), g.Residents, g.Density, g.UrbanityModal))
            .OrderBy(g => g.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"), true))
            .ToList();
        pages.Clear();
        _snapshot = new Snapshot(
            gemeenten,
            provincies,
            regios,
            gemeenten.ToFrozenDictionary(g => g.Code),
            gemeenten.GroupBy(g => g.VeiligheidsregioCode).ToFrozenDictionary(g => g.Key, g => (IReadOnlyCollection<string>)g.Select(x => x.Code).ToList()));
    }

    private sealed record Snapshot(
        IReadOnlyList<GemeenteInfo> Gemeenten,
        IReadOnlyList<NamedCode> Provincies,
        IReadOnlyList<NamedCode> Veiligheidsregios,
        FrozenDictionary<string, GemeenteInfo> ByCode,
        FrozenDictionary<string, IReadOnlyCollection<string>> ByRegio)
    {
        public static readonly Snapshot Empty = new([], [], [], FrozenDictionary<string, GemeenteInfo>.Empty, FrozenDictionary<string, IReadOnlyCollection<string>>.Empty);
    }
}
