using Microsoft.EntityFrameworkCore;
using Weerbaar.Analysis.Decision;
using Weerbaar.Analysis.Risk;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Coverage;
using Weerbaar.Web.Features.Foto;
using Weerbaar.Web.Features.Gemeenten;

namespace Weerbaar.Web.Features.Afweging;

/// <summary>
/// Which scenario the gemeente prepares for first: its assessments scored on the risk method, its preparedness from
/// the scan, the foto and its own judgement, weighted (<see cref="ScenarioPriority"/>), with SMAA and sensitivity.
/// </summary>
public sealed class ScenarioPriorityService(
    AppDbContext db, ReferenceData reference, RiskOverview risks, ScanPositionService positions, NoodsteunpuntCoverage coverage)
{
    /// <summary>The weights alone, without scoring anything; null when the gemeente is unknown.</summary>
    public async Task<PriorityWeightsState?> WeightsAsync(string gemeentecode, CancellationToken ct)
    {
        if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } gemeente)
        {
            return null;
        }
        var settings = await db.PriorityWeights.AsNoTracking().FirstOrDefaultAsync(w => w.GemeenteCode == gemeente.Code, ct);
        var weights = settings is null ? PriorityWeights.Default : PriorityWeights.FromJson(settings.WeightsJson);
        var ahp = weights.Pairwise is { } pairwise ? Ahp.Compute(PriorityWeights.Matrix(pairwise)) : null;
        return new PriorityWeightsState(gemeente, weights, settings?.Version ?? 0, settings?.UpdatedBy, settings?.UpdatedAt, ahp);
    }

    /// <summary>Null when the gemeente is unknown.</summary>
    public async Task<ScenarioPriorityReport?> ComputeAsync(string gemeentecode, CancellationToken ct)
    {
        if (await WeightsAsync(gemeentecode, ct) is not { } state)
        {
            return null;
        }
        var (gemeente, weights) = (state.Gemeente, state.Weights);
        var risk = await risks.ForGemeenteAsync(gemeente.Code, ct);
        var position = await positions.ComputeAsync(gemeente.Code, null, ct);
        var reach = (await coverage.ForGemeenteAsync(gemeente.Code, ct))?.Result.ShareNotSelfReliantCovered;
        var central = weights.Central();

        var rows = new List<(string Code, string Name, bool Own, ScenarioRisk Risk, List<PreparednessPart> Parts, double? Preparedness, PriorityScenario Scenario)>();
        foreach (var ranked in risk.Ranked)
        {
            var s = ranked.Scenario;
            var parts = Parts(s.Pillars, s.VitalServices.Count > 0, position, reach, ranked.Entry.OwnPreparedness);
            var preparedness = ScenarioPriority.Preparedness(parts.Select(p => p.Value));
            rows.Add((s.Code, s.Name, s.IsOwn, ranked.Risk, parts, preparedness, ScenarioPriority.From(ranked.Risk, preparedness)));
        }
        var values = rows.Select(r => ScenarioPriority.MidValues(r.Scenario)).ToList();
        var scored = rows.Select((r, i) => (Row: r, Values: values[i], Score: ScenarioPriority.Score(values[i], central)))
            // Equal scores keep the risk order of the method.
            .OrderByDescending(x => Math.Round(x.Score, 12)).ToList();
        var result = scored.Select((x, i) => new PriorityRow(x.Row.Code, x.Row.Name, x.Row.Own, x.Row.Risk, x.Row.Parts, x.Row.Preparedness, x.Values, x.Score, i + 1)).ToList();
        for (var i = 1; i < result.Count; i++)
        {
            if (Math.Round(result[i].Score, 12) == Math.Round(result[i - 1].Score, 12))
            {
                result[i] = result[i] with { Rank = result[i - 1].Rank };
            }
        }

        SmaaResult? smaa = null;
        IReadOnlyList<WeightSensitivity>? sensitivity = null;
        if (result.Count >= 2)
        {
            var ordered = scored.Select(x => x.Row.Scenario).ToList();
            smaa = Smaa.Run(new SmaaInput([.. ordered.Select(ScenarioPriority.Alternative)], weights.Weights,
                ScenarioPriorityReport.Samples, ScenarioPriorityReport.Seed));
            sensitivity = Sensitivity.Analyse([.. scored.Select(x => (IReadOnlyList<double>)x.Values)], central);
        }
        var notAssessed = risk.Unassessed.Select(s => (s.Code, s.Name)).ToList();
        return new ScenarioPriorityReport(risk.MethodVersion, state,
            result, notAssessed, risk.Errors, smaa, sensitivity, position?.RoundName);
    }

    private static List<PreparednessPart> Parts(IReadOnlyList<string> pillars, bool hitsVitalServices, ScanPosition? position, double? reach, int? judgement)
    {
        var parts = new List<PreparednessPart>();
        var scores = position?.Pillars.Where(p => pillars.Contains(p.Code) && p.Score.Own is not null).ToList() ?? [];
        parts.Add(new PreparednessPart("scan", "Weerbaarheidsscan: pijlers die het scenario raakt",
            scores.Count > 0 ? scores.Average(p => ScenarioPriority.FromPillarScore(p.Score.Own!.Value)) : null,
            position is null ? "De gemeente heeft de Weerbaarheidsscan nog niet ingevuld."
                : scores.Count == 0 ? "Geen score op de pijlers die dit scenario raakt."
                : $"Ronde {position.RoundName}: " + string.Join(", ", scores.Select(p => $"{p.Name} {Shared.Format.Number(p.Score.Own, 1)}")) + " (schaal 1–10)."));
        if (hitsVitalServices)
        {
            parts.Add(new PreparednessPart("noodsteunpunten", "Niet zelfredzame inwoners binnen bereik van een noodsteunpunt", reach,
                reach is null ? "Geen buurten met een locatie of geen schatting van de zelfredzaamheid." : "Foto: dekking van de noodsteunpunten (Bron: CBS)."));
        }
        parts.Add(new PreparednessPart("oordeel", "Eigen oordeel van de gemeente", judgement is { } j ? ScenarioPriority.FromJudgement(j) : null,
            judgement is { } k ? $"{k} op de schaal 1 (niet voorbereid) tot 5 (goed voorbereid)." : "Niet gegeven in de beoordeling."));
        return parts;
    }
}
