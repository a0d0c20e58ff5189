using Microsoft.EntityFrameworkCore;
using Weerbaar.Analysis.Risk;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Coverage;
using Weerbaar.Web.Features.Foto;
using Weerbaar.Web.Features.Scan.Responses;
using Weerbaar.Web.Features.Scenarios;

namespace Weerbaar.Web.Features.Afweging;

/// <summary>A scenario the college can choose: from the national library or the gemeente's own.</summary>
public sealed record ScenarioChoice(string Code, string Name, bool Own);

/// <summary>Takes the snapshot of a gemeente's inputs for a decision, and lists the scenarios it can choose from.</summary>
public sealed class DecisionInputsBuilder(AppDbContext db, ScenarioCatalog catalog, ScanPositionService scanPositions, TimeProvider clock)
{
    public async Task<List<ScenarioChoice>> ScenariosAsync(string gemeenteCode, CancellationToken ct)
        => [.. (await catalog.ForGemeenteAsync(gemeenteCode, ct)).Select(s => new ScenarioChoice(s.Code, s.Name, s.IsOwn))];

    /// <param name="ranking">The priority ranking the college saw, when the caller has one; stored as given.</param>
    public async Task<DecisionInputs> SnapshotAsync(string gemeenteCode, IReadOnlyList<RankingEntry>? ranking, string? correctionReason, CancellationToken ct)
    {
        var library = catalog.Library;
        var own = await db.OwnScenarios.AsNoTracking().Where(s => s.GemeenteCode == gemeenteCode).ToListAsync(ct);
        var names = library.Scenarios.ToDictionary(s => s.Code, s => s.Name, StringComparer.Ordinal);
        foreach (var s in own)
        {
            names[s.Code] = s.Name;
        }
        var assessments = await db.RiskAssessments.AsNoTracking().Where(a => a.GemeenteCode == gemeenteCode).ToListAsync(ct);
        var weights = await db.PriorityWeights.AsNoTracking().FirstOrDefaultAsync(w => w.GemeenteCode == gemeenteCode, ct);
        var allocation = await db.AllocationPlans.AsNoTracking().FirstOrDefaultAsync(p => p.GemeenteCode == gemeenteCode, ct);
        var coverage = await db.CoverageSettings.AsNoTracking().FirstOrDefaultAsync(s => s.GemeenteCode == gemeenteCode, ct);
        var norms = CoverageNormCatalog.Norms(coverage);
        var points = await db.Noodsteunpunten.AsNoTracking().Where(n => n.GemeenteCode == gemeenteCode).Select(n => n.UpdatedAt).ToListAsync(ct);

        return new DecisionInputs(
            DecisionInputs.CurrentSchemaVersion,
            clock.GetUtcNow(),
            new LibraryInput(library.Id, library.Version, library.Title),
            [.. own.OrderBy(s => s.Code, StringComparer.Ordinal).Select(s => new OwnScenarioInput(s.Code, s.Name, s.Version, s.UpdatedAt, s.UpdatedBy))],
            RiskMethod.Default.Version,
            [.. assessments.OrderBy(a => a.ScenarioCode, StringComparer.Ordinal).Select(a => new AssessmentInput(
                a.ScenarioCode, names.GetValueOrDefault(a.ScenarioCode, a.ScenarioCode), a.MethodVersion, a.Likelihood,
                new SortedDictionary<string, string>(a.Impacts, StringComparer.Ordinal), a.OwnPreparedness, a.Version, a.UpdatedAt, a.UpdatedBy))],
            weights is null ? null : new WeightsInput(weights.Version, weights.UpdatedAt, weights.UpdatedBy, weights.WeightsJson, weights.PairwiseJson),
            allocation is null ? null : new AllocationInput(allocation.Version, allocation.UpdatedAt, allocation.UpdatedBy),
            await ScanRoundAsync(gemeenteCode, ct),
            new CoverageNormsInput(coverage?.Version ?? 0, coverage?.UpdatedAt, norms.NormDistanceMeters, norms.DetourFactor, norms.ResidentsPerPoint),
            // Max in memory: SQLite cannot aggregate DateTimeOffset.
            new NoodsteunpuntenInput(points.Count, points.Count == 0 ? null : points.Max()),
            ranking is null ? null : [.. ranking.OrderBy(r => r.Position)],
            correctionReason);
    }

    /// <summary>The round the foto shows (the newest with a submitted response of the gemeente) and when those results last changed.</summary>
    private async Task<ScanRoundInput?> ScanRoundAsync(string gemeenteCode, CancellationToken ct)
    {
        if ((await scanPositions.RoundsAsync(gemeenteCode, ct)).FirstOrDefault() is not { } round)
        {
            return null;
        }
        var changes = await db.ScanResponses.AsNoTracking()
            .Where(r => r.GemeenteCode == gemeenteCode && r.RoundId == round.Id && r.Status == ResponseStatus.Submitted)
            .Select(r => new { r.UpdatedAt, r.SubmittedAt }).ToListAsync(ct);
        DateTimeOffset? changed = changes.Count == 0 ? null : changes.Max(c => c.SubmittedAt is { } s && s > c.UpdatedAt ? s : c.UpdatedAt);
        return new ScanRoundInput(round.Id, round.Name, round.OpensOn, changed);
    }
}
