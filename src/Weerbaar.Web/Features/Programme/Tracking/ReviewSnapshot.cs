using System.Text.Json;

namespace Weerbaar.Web.Features.Programme.Tracking;

public sealed record SnapshotAction(int Number, string Title, string Pillar, string Status, DateOnly Deadline, DateOnly? CompletedOn);

public sealed record SnapshotProgress(
    string Pillar, string Name, int Total, IReadOnlyDictionary<string, int> ByStatus, int Done, int Overdue, double? ShareDone, double? BudgetShareDone);

public sealed record SnapshotMonth(DateOnly Month, double PlannedFte, double AvailableFte);

public sealed record SnapshotBudgetYear(int Year, decimal OneOff, decimal Structural, decimal Begroting, decimal Shortfall);

/// <summary>Capacity and budget on the day: the months above the available FTE, the money per year against the begroting, or why the planning could not be computed.</summary>
public sealed record SnapshotPlanning(
    string? Problem, double AvailableFte, double PeakFte, IReadOnlyList<SnapshotMonth> OverAllocatedMonths, IReadOnlyList<SnapshotBudgetYear> BudgetPerYear,
    IReadOnlyList<string> DeadlineMisses)
{
    public static SnapshotPlanning Of(GemeenteProgramme programme, ProgrammePlanningResult plan) => new(
        plan.Problem,
        programme.AvailableFte,
        plan.Capacity.Select(c => c.PlannedFte).DefaultIfEmpty(0).Max(),
        [.. plan.Capacity.Where(c => c.IsOverAllocated).Select(c => new SnapshotMonth(c.Month, c.PlannedFte, c.AvailableFte))],
        [.. (plan.Budget?.PerYear ?? []).Select(y => new SnapshotBudgetYear(y.Year, y.OneOff, y.Structural, y.Begroting, y.Shortfall))],
        [.. (plan.Schedule?.DeadlineMisses ?? []).Select(m => m.Message)]);
}

/// <summary>The programme as it stood on the day of a review; stored as JSON in <see cref="ProgrammeReview.SnapshotJson"/> and never recomputed.</summary>
public sealed record ReviewSnapshot(
    int SchemaVersion, DateOnly Date, string ProgrammeName, IReadOnlyList<SnapshotAction> Actions, IReadOnlyList<SnapshotProgress> Progress,
    IReadOnlyList<DeadlineItem> Overdue, SnapshotPlanning Planning)
{
    public const int CurrentSchemaVersion = 1;

    public static ReviewSnapshot Take(ProgrammeView view, IReadOnlyList<PartnerAgreement> agreements, IReadOnlyList<Scenarios.CodeName> pillars, DateOnly today)
    {
        var actions = view.Actions;
        var progress = PillarProgress.Compute(actions, pillars, today)
            .Select(r => new SnapshotProgress(r.Pillar, r.Name, r.Total, r.ByStatus, r.Done, r.Overdue, r.ShareDone, r.BudgetShareDone)).ToList();
        var overdue = DeadlineOverview.Compute(actions, agreements, today).Overdue;
        return new ReviewSnapshot(CurrentSchemaVersion, today, view.Programme.Name,
            [.. actions.OrderBy(a => a.Number).Select(a => new SnapshotAction(a.Number, a.Title, a.Pillar, a.Status, a.Deadline, a.CompletedOn))],
            progress, overdue, SnapshotPlanning.Of(view.Programme, ProgrammePlanning.Compute(view.Programme, actions)));
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static ReviewSnapshot FromJson(string json)
        => JsonSerializer.Deserialize<ReviewSnapshot>(json, JsonSerializerOptions.Web) ?? throw new InvalidOperationException("Lege momentopname.");
}
