using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Coverage;
using Weerbaar.Web.Features.Foto;
using Weerbaar.Web.Features.Scan.Responses;
using Weerbaar.Web.Features.SelfReliance;
using Weerbaar.Web.Shared;

namespace Weerbaar.Web.Features.Programme;

/// <summary>A gap Weerbaar knows of, in one Dutch sentence, with the catalogue measures that answer it and the actions that already do.</summary>
/// <param name="Measures">Measures of the catalogue that answer the gap and are not adopted yet, koude fase first.</param>
public sealed record ProgrammeGap(string Kind, string Reference, string Title, string Description, string Source,
    IReadOnlyList<Measure> Measures, IReadOnlyList<ProgrammeAction> AnsweredBy)
{
    public string Key => $"{Kind}:{Reference}";
}

/// <summary>
/// Finds the gaps an action can answer: pillars the gemeente scored low but ranked high in its newest scan (the report's
/// quadrant rule, on its own six pillars), the foto's vulnerable buurten and locations, the scenario of the college's
/// newest decision record, and residents who are not 72 hours self-reliant outside the reach of a noodsteunpunt.
/// </summary>
public sealed class ProgrammeGaps(AppDbContext db, MeasuresCatalogue catalogue, ScanPositionService scan, NoodsteunpuntCoverage coverage)
{
    public async Task<IReadOnlyList<ProgrammeGap>> ForGemeenteAsync(string gemeenteCode, IReadOnlyList<ProgrammeAction> actions, CancellationToken ct)
    {
        var gaps = new List<(string Kind, string Reference, string Title, string Description, string Source, Func<Measure, bool> Answers)>();
        await AddScanGapsAsync(gemeenteCode, gaps, ct);
        var covered = await coverage.ForGemeenteAsync(gemeenteCode, ct);
        if (covered is not null)
        {
            AddFotoGaps(covered, gaps);
            AddCoverageGap(covered, gaps);
        }
        await AddLocationGapAsync(gemeenteCode, gaps, ct);
        await AddScenarioGapAsync(gemeenteCode, gaps, ct);

        var adopted = actions.Where(a => a.MeasureCode is not null).Select(a => a.MeasureCode!).ToHashSet(StringComparer.Ordinal);
        var phaseOrder = catalogue.Phases.Select((p, i) => (p.Code, i)).ToDictionary(x => x.Code, x => x.i);
        return [.. gaps.Select(g => new ProgrammeGap(g.Kind, g.Reference, g.Title, g.Description, g.Source,
            [.. catalogue.Measures.Where(m => g.Answers(m) && !adopted.Contains(m.Code)).OrderBy(m => phaseOrder.GetValueOrDefault(m.Phase)).ThenBy(m => m.Code, StringComparer.Ordinal)],
            [.. actions.Where(a => a.GapKind == g.Kind && a.GapReference == g.Reference)]))];
    }

    private async Task AddScanGapsAsync(string gemeenteCode, List<(string, string, string, string, string, Func<Measure, bool>)> gaps, CancellationToken ct)
    {
        var rounds = await scan.RoundsAsync(gemeenteCode, ct);
        if (rounds.FirstOrDefault() is not { } round)
        {
            return;
        }
        var answers = await db.ScanResponses.AsNoTracking()
            .Where(r => r.GemeenteCode == gemeenteCode && r.RoundId == round.Id && r.Status == ResponseStatus.Submitted)
            .OrderByDescending(r => r.Position).Select(r => r.Answers).FirstOrDefaultAsync(ct);
        if (answers is null)
        {
            return;
        }
        var points = Scan.Results.RoundResults.Pillars
            .Select(p => (Code: p, Score: Int(answers, $"{p}_score"), Rank: Int(answers, $"{p}_rank")))
            .Where(p => p.Score is not null && p.Rank is not null).ToList();
        if (points.Count < 2)
        {
            return;
        }
        var (meanScore, meanRank) = (points.Average(p => p.Score!.Value), points.Average(p => p.Rank!.Value));
        foreach (var p in points.Where(p => Shared.Charts.QuadrantChart.IsGap(new Shared.Charts.QuadrantPoint(p.Code, p.Score!.Value, p.Rank!.Value), meanScore, meanRank)))
        {
            var name = PillarName(p.Code);
            gaps.Add((GapKinds.ScanPillar, p.Code, $"{name}: lage score, hoge prioriteit",
                $"In de Weerbaarheidsscan ({round.Name}) gaf de gemeente {name} een {p.Score} (gemiddeld over de zes pijlers {Format.Number(meanScore, 1)}) en zette de pijler op plaats {p.Rank} van 6 in belang.",
                "Weerbaarheidsscan, eigen antwoorden", m => m.Pillar == p.Code));
        }
    }

    private static void AddFotoGaps(GemeenteCoverage c, List<(string, string, string, string, string, Func<Measure, bool>)> gaps)
    {
        var high = c.Buurten.Where(b => b.VulnerabilityClass == 4).ToList();
        var notSelfReliant = c.Buurten.Sum(b => b.NotSelfReliant);
        if (high.Count == 0 && notSelfReliant < 1)
        {
            return;
        }
        var description = (high.Count > 0
            ? $"{high.Count} {(high.Count == 1 ? "buurt valt" : "buurten vallen")} in de hoogste kwetsbaarheidsklasse ({Format.Number(high.Sum(b => b.Residents))} inwoners); "
            : "") + $"naar schatting {SelfRelianceSentences.People(notSelfReliant)} inwoners zijn niet 72 uur zelfredzaam.";
        gaps.Add((GapKinds.Foto, "kwetsbare-inwoners", "Kwetsbare inwoners", char.ToUpperInvariant(description[0]) + description[1..],
            "Foto: kwetsbaarheid per buurt en 72-uurschatting (Bron: CBS)", m => m.Topic is "kwetsbare-groepen" or "sociaal-weefsel"));
    }

    private static void AddCoverageGap(GemeenteCoverage c, List<(string, string, string, string, string, Func<Measure, bool>)> gaps)
    {
        var r = c.Result;
        var outside = r.NotSelfReliantLocated - r.NotSelfReliantCovered;
        if (outside < 1 && r.PointsNeeded <= r.Points)
        {
            return;
        }
        var parts = new List<string>();
        if (outside >= 1)
        {
            parts.Add($"{SelfRelianceSentences.People(outside)} van de {SelfRelianceSentences.People(r.NotSelfReliantLocated)} niet zelfredzame inwoners wonen buiten bereik van een noodsteunpunt");
        }
        if (r.PointsNeeded > r.Points)
        {
            parts.Add($"de norm vraagt {r.PointsNeeded} noodsteunpunten, er {(r.Points == 1 ? "is er" : "zijn er")} {r.Points}");
        }
        var text = string.Join("; ", parts) + ".";
        gaps.Add((GapKinds.Coverage, "noodsteunpunten", "Dekking van de noodsteunpunten", char.ToUpperInvariant(text[0]) + text[1..],
            "Noodsteunpunten: dekking (Bron: CBS)", m => m.Topic == "noodsteunpunten"));
    }

    /// <summary>Counts only: the register is local data, and the sentence is stored on the action.</summary>
    private async Task AddLocationGapAsync(string gemeenteCode, List<(string, string, string, string, string, Func<Measure, bool>)> gaps, CancellationToken ct)
    {
        var hours = await db.VulnerableLocations.AsNoTracking().Where(l => l.GemeenteCode == gemeenteCode)
            .Select(l => new { l.HoursWithoutPower, l.HoursWithoutWater }).ToListAsync(ct);
        var shortOfPower = hours.Count(h => h.HoursWithoutPower is < 72);
        var shortOfWater = hours.Count(h => h.HoursWithoutWater is < 72);
        if (shortOfPower == 0 && shortOfWater == 0)
        {
            return;
        }
        gaps.Add((GapKinds.Foto, "kwetsbare-locaties", "Kwetsbare locaties die het geen 72 uur volhouden",
            $"Van de {hours.Count} kwetsbare locaties in het register houden er {shortOfPower} het minder dan 72 uur vol zonder stroom en {shortOfWater} zonder drinkwater.",
            "Register kwetsbare locaties", m => m.Topic is "stroomuitval" or "drinkwater" or "kwetsbare-groepen"));
    }

    private async Task AddScenarioGapAsync(string gemeenteCode, List<(string, string, string, string, string, Func<Measure, bool>)> gaps, CancellationToken ct)
    {
        if (await ChosenScenarioAsync(gemeenteCode, ct) is not { } chosen)
        {
            return;
        }
        var (decision, answers) = chosen;
        gaps.Add((GapKinds.Scenario, decision.ScenarioCode, $"Gekozen scenario: {decision.ScenarioName}",
            $"Het college besloot op {ProgrammeActionValidator.Day(decision.DecisionDate)} (besluit {decision.Number}) zich eerst voor te bereiden op ‘{decision.ScenarioName}’.",
            "Afwegingskader: besluit " + decision.Number, answers));
    }

    /// <summary>
    /// The scenario of the college's newest decision record and which catalogue measures answer it: those made for the
    /// scenario (for an own scenario: the library scenario it is based on) or for a scarce resource the own scenario names.
    /// </summary>
    /// <returns>Null while no decision is recorded.</returns>
    public async Task<(Afweging.DecisionRecord Decision, Func<Measure, bool> Answers)?> ChosenScenarioAsync(string gemeenteCode, CancellationToken ct)
    {
        var decision = await db.DecisionRecords.AsNoTracking().Where(d => d.GemeenteCode == gemeenteCode)
            .OrderByDescending(d => d.Number).FirstOrDefaultAsync(ct);
        if (decision is null)
        {
            return null;
        }
        var own = await db.OwnScenarios.AsNoTracking().FirstOrDefaultAsync(s => s.GemeenteCode == gemeenteCode && s.Code == decision.ScenarioCode, ct);
        var code = own?.BasedOnCode ?? decision.ScenarioCode;
        var resources = own?.ScarceResources ?? [];
        return (decision, m => m.Scenarios.Contains(code) || m.ScarceResources.Any(resources.Contains));
    }

    private string PillarName(string code) => catalogue.Pillars.FirstOrDefault(p => p.Code == code)?.Name ?? code;

    private static int? Int(Dictionary<string, string> answers, string key)
        => answers.TryGetValue(key, out var v) && int.TryParse(v, out var i) ? i : null;
}
