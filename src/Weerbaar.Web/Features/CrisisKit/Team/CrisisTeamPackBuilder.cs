using Weerbaar.Web.Features.Foto;
using Weerbaar.Web.Features.Programme;
using Weerbaar.Web.Features.Scenarios;

namespace Weerbaar.Web.Features.CrisisKit.Team;

/// <summary>
/// Gathers the crisis team pack of a gemeente from the same sources as its noodsteunpunt packs (read once), the foto's
/// summary, and the college's chosen scenario with the programme's actions and the catalogue's open measures for it.
/// </summary>
public sealed class CrisisTeamPackBuilder(
    NoodsteunpuntPackBuilder packs, FotoBuilder foto, ProgrammeGaps gaps, ProgrammeReader programme, ScenarioCatalog scenarios, MeasuresCatalogue catalogue)
{
    /// <returns>Null when the gemeente does not exist.</returns>
    public async Task<CrisisTeamPackContent?> BuildAsync(string gemeenteCode, CancellationToken ct)
        => await packs.SourcesAsync(gemeenteCode, ct) is { } sources ? await BuildAsync(sources, ct) : null;

    public async Task<CrisisTeamPackContent> BuildAsync(PackSources sources, CancellationToken ct)
    {
        var code = sources.Coverage.Gemeente.Code;
        var f = await foto.BuildAsync(code, ct) ?? throw new InvalidOperationException($"No foto for {code}.");
        return Build(sources, FotoComposer.SummaryItems(f), await ScenarioAsync(code, ct));
    }

    public static CrisisTeamPackContent Build(PackSources s, IReadOnlyList<string> summary, TeamScenario? scenario)
    {
        var c = s.Coverage;
        var buurten = c.Buurten.Select(b => new TeamBuurt(b.Code, b.Name, b.Residents, Math.Round(b.NotSelfReliant, 1), b.Coverage.NearestPoint + 1,
                b.Coverage.DistanceMeters is { } d ? Math.Round(d) : null, b.Coverage.Covered, b.Location?.Latitude, b.Location?.Longitude, s.Shapes.GetValueOrDefault(b.Code)))
            .OrderBy(b => b.Point ?? int.MaxValue).ThenByDescending(b => b.NotSelfReliant).ThenBy(b => b.Name, StringComparer.Ordinal).ToList();
        var points = c.Points.Select((n, i) =>
        {
            var served = buurten.Where(b => b.Point == i + 1).ToList();
            var pack = NoodsteunpuntPackBuilder.Point(n);
            return new TeamPoint(i + 1, n.Id, n.Name, pack.Status, string.Join(", ", new[] { n.Address, n.Postcode }.Where(x => !string.IsNullOrWhiteSpace(x))) is { Length: > 0 } a ? a : null,
                n.Latitude, n.Longitude, n.Capacity, served.Count, served.Sum(b => b.Residents), Math.Round(served.Sum(b => b.NotSelfReliant), 1),
                n.HasBackupPower, n.BackupPowerHours, pack.Means, n.ContactName, n.ContactPhone);
        }).ToList();
        var r = c.Result;
        var coverage = new TeamCoverage(r.Residents, r.ResidentsCovered, r.ShareCovered, Math.Round(c.Buurten.Sum(b => b.NotSelfReliant), 1),
            Math.Round(r.NotSelfReliantCovered, 1), r.PointsNeeded, s.Norms.NormDistanceMeters, s.Norms.DetourFactor);
        var locations = s.Locations?.Select(l => new TeamLocation(l.Location, l.Point < 0 ? null : l.Point + 1, l.Point < 0 ? null : c.Points[l.Point].Name)).ToList();
        return new CrisisTeamPackContent(new PackGemeente(c.Gemeente.Code, c.Gemeente.Name, c.Gemeente.VeiligheidsregioName),
            summary, coverage, points, buurten, s.Rules, scenario, s.Contacts, locations);
    }

    /// <summary>The scenario of the newest decision, the programme's actions that answer it, and the catalogue measures not taken up yet.</summary>
    private async Task<TeamScenario?> ScenarioAsync(string code, CancellationToken ct)
    {
        if (await gaps.ChosenScenarioAsync(code, ct) is not { } chosen)
        {
            return null;
        }
        var (decision, answers) = chosen;
        var view = await scenarios.FindAsync(code, decision.ScenarioCode, ct);
        var measures = catalogue.Measures.Where(answers).ToList();
        var codes = measures.Select(m => m.Code).ToHashSet(StringComparer.Ordinal);
        var all = (await programme.LoadAsync(code, ct)).Actions;
        var actions = all
            .Where(a => a.Status != ActionStatus.Stopped
                && ((a.GapKind == GapKinds.Scenario && a.GapReference == decision.ScenarioCode) || (a.MeasureCode is { } m && codes.Contains(m))))
            .OrderBy(a => a.Deadline).ThenBy(a => a.Number)
            .Select(a => new TeamMeasure($"A-{a.Number}", a.Title, Phase(a.Phase), a.OwnerPerson is { } p ? $"{a.OwnerDepartment} ({p})" : a.OwnerDepartment,
                ActionStatus.Label(a.Status), a.Deadline))
            .ToList();
        var adopted = all.Where(a => a.MeasureCode is not null).Select(a => a.MeasureCode!).ToHashSet(StringComparer.Ordinal);
        var phaseOrder = catalogue.Phases.Select((p, i) => (p.Code, i)).ToDictionary(x => x.Code, x => x.i);
        var open = measures.Where(m => !adopted.Contains(m.Code))
            .OrderBy(m => phaseOrder.GetValueOrDefault(m.Phase)).ThenBy(m => m.Code, StringComparer.Ordinal)
            .Select(m => new TeamMeasure(m.Code, m.Name, Phase(m.Phase), null, null, null)).ToList();
        return new TeamScenario(decision.ScenarioCode, view?.Name ?? decision.ScenarioName, view?.Description ?? "", view?.TypicalDurationHours ?? 0,
            [.. (view?.VitalServices ?? []).Select(scenarios.VitalServiceName)], [.. (view?.ScarceResources ?? []).Select(scenarios.ResourceName)], actions, open);
    }

    private string Phase(string code) => catalogue.Phases.FirstOrDefault(p => p.Code == code)?.Name ?? code;
}
