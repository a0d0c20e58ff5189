using Microsoft.EntityFrameworkCore;
using Weerbaar.Analysis.Risk;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Scenarios;

namespace Weerbaar.Web.Features.Afweging;

/// <summary>One assessed scenario in the order of the risk method.</summary>
public sealed record RankedScenario(int Position, ScenarioView Scenario, ScenarioRisk Risk, RiskAssessmentEntry Entry);

/// <summary>A gemeente's scenarios ranked by risk, the risk diagram, and the scenarios not (validly) assessed yet.</summary>
public sealed record GemeenteRisk(
    IReadOnlyList<RankedScenario> Ranked, IReadOnlyList<ScenarioView> Unassessed, RiskDiagramData Diagram,
    IReadOnlyList<AssessmentError> Errors, string MethodVersion);

public sealed class RiskOverview(AppDbContext db, ScenarioCatalog catalog)
{
    public async Task<GemeenteRisk> ForGemeenteAsync(string gemeenteCode, CancellationToken ct)
    {
        var method = RiskAssessmentStore.Method;
        var scenarios = await catalog.ForGemeenteAsync(gemeenteCode, ct);
        var byCode = scenarios.ToDictionary(s => s.Code, StringComparer.OrdinalIgnoreCase);
        // An assessment of an own scenario that was deleted meanwhile is left out.
        var entries = (await db.RiskAssessments.AsNoTracking().Where(a => a.GemeenteCode == gemeenteCode).ToListAsync(ct))
            .Where(e => byCode.ContainsKey(e.ScenarioCode))
            .ToDictionary(e => e.ScenarioCode, StringComparer.OrdinalIgnoreCase);
        var evaluation = RiskScoring.Evaluate(method, entries.Values.Select(RiskAssessmentStore.ToAssessment));
        var ranked = evaluation.Ranked
            .Select(r => new RankedScenario(r.Position, byCode[r.Risk.ScenarioId], r.Risk, entries[r.Risk.ScenarioId]))
            .ToList();
        var assessed = ranked.Select(r => r.Scenario.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var diagram = RiskDiagram.Build(method, ranked.Select(r => r.Risk));
        return new GemeenteRisk(ranked, scenarios.Where(s => !assessed.Contains(s.Code)).ToList(), diagram, evaluation.Errors, method.Version);
    }
}
