using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.Scenarios;

/// <summary>A scenario as a gemeente sees it: from the national library (read-only) or its own.</summary>
/// <param name="Version">The own scenario's concurrency version; 0 for a library scenario.</param>
public sealed record ScenarioView(
    string Code, string Name, string Description, IReadOnlyList<string> Pillars, IReadOnlyList<string> VitalServices,
    int TypicalDurationHours, IReadOnlyList<string> ScarceResources, bool IsOwn, string? BasedOnCode, int? BasedOnLibraryVersion,
    int Version, string? UpdatedBy, DateTimeOffset? UpdatedAt)
{
    public static ScenarioView Of(CrisisScenario s) =>
        new(s.Code, s.Name, s.Description, s.Pillars, s.VitalServices, s.TypicalDurationHours, s.ScarceResources, false, null, null, 0, null, null);

    public static ScenarioView Of(OwnScenario s) =>
        new(s.Code, s.Name, s.Description, s.Pillars, s.VitalServices, s.TypicalDurationHours, s.ScarceResources, true, s.BasedOnCode,
            s.BasedOnLibraryVersion, s.Version, s.UpdatedBy, s.UpdatedAt);
}

/// <summary>The scenarios of one gemeente: the national library first, then its own, by name.</summary>
public sealed class ScenarioCatalog(AppDbContext db, ScenarioLibrary library)
{
    public ScenarioLibrary Library => library;

    public async Task<List<ScenarioView>> ForGemeenteAsync(string gemeenteCode, CancellationToken ct)
    {
        var own = await db.OwnScenarios.AsNoTracking().Where(s => s.GemeenteCode == gemeenteCode).ToListAsync(ct);
        var names = StringComparer.Create(Shared.Format.Dutch, ignoreCase: true);
        return [.. library.Scenarios.Select(ScenarioView.Of), .. own.OrderBy(s => s.Name, names).Select(ScenarioView.Of)];
    }

    public async Task<ScenarioView?> FindAsync(string gemeenteCode, string code, CancellationToken ct)
    {
        if (library.Scenarios.FirstOrDefault(s => string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase)) is { } national)
        {
            return ScenarioView.Of(national);
        }
        var lower = code.ToLowerInvariant();
        var own = await db.OwnScenarios.AsNoTracking().FirstOrDefaultAsync(s => s.GemeenteCode == gemeenteCode && s.Code == lower, ct);
        return own is null ? null : ScenarioView.Of(own);
    }

    public string PillarName(string code) => library.Pillars.FirstOrDefault(p => p.Code == code)?.Name ?? code;

    public string VitalServiceName(string code) => library.VitalServices.FirstOrDefault(p => p.Code == code)?.Name ?? code;

    public string ResourceName(string code) => library.Resources.FirstOrDefault(p => p.Code == code)?.Name ?? code;
}
