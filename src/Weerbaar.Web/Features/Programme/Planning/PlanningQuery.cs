using Weerbaar.Analysis.Planning;
using Weerbaar.Web.Features.Gemeenten;

namespace Weerbaar.Web.Features.Programme.Planning;

/// <summary>An action with its place in the early and late schedule.</summary>
public sealed record PlannedAction(ProgrammeAction Action, ScheduledAction Schedule);

/// <summary>A gemeente's programme with its computed planning; <see cref="Rows"/> grouped by pillar (catalogue order), then by early start.</summary>
public sealed record PlanningView(GemeenteInfo Gemeente, ProgrammeView Programme, ProgrammePlanningResult Result, IReadOnlyList<PlannedAction> Rows, MeasuresCatalogue Catalogue)
{
    public bool IsEmpty => Programme.Actions.Count == 0;

    public string PillarName(string code) => Catalogue.Pillars.FirstOrDefault(p => p.Code == code)?.Name ?? code;

    public string PartnerName(string partner) => Catalogue.Partners.FirstOrDefault(p => p.Code == partner)?.Name ?? partner;

    /// <summary>"A-3 Titel" for an action number; the bare label when the number is not (or no longer) in the programme.</summary>
    public string ActionName(int number) => Programme.Action(number) is { } a ? $"{a.Label} {a.Title}" : $"A-{number}";
}

/// <summary>Loads a programme and computes its planning once per request, for the pages and the API.</summary>
public sealed class PlanningQuery(ProgrammeReader reader, ReferenceData reference, MeasuresCatalogue catalogue)
{
    /// <summary>Null when there is no gemeente with this code.</summary>
    public async Task<PlanningView?> LoadAsync(string gemeentecode, CancellationToken ct)
    {
        if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } gemeente)
        {
            return null;
        }
        var programme = await reader.LoadAsync(gemeente.Code, ct);
        var result = ProgrammePlanning.Compute(programme.Programme, programme.Actions);
        return new PlanningView(gemeente, programme, result, Rows(programme, result), catalogue);
    }

    private IReadOnlyList<PlannedAction> Rows(ProgrammeView programme, ProgrammePlanningResult result)
    {
        if (result.Schedule is not { } schedule)
        {
            return [];
        }
        var byKey = schedule.Actions.ToDictionary(s => s.Action.Id, StringComparer.Ordinal);
        var pillarOrder = catalogue.Pillars.Select((p, i) => (p.Code, i)).ToDictionary(p => p.Code, p => p.i, StringComparer.Ordinal);
        return [.. programme.Actions
            .Select(a => new PlannedAction(a, byKey[ProgrammePlanningResult.Key(a.Number)]))
            .OrderBy(r => pillarOrder.GetValueOrDefault(r.Action.Pillar, int.MaxValue))
            .ThenBy(r => r.Action.Pillar, StringComparer.Ordinal)
            .ThenBy(r => r.Schedule.EarlyStart)
            .ThenBy(r => r.Action.Number)];
    }
}
