namespace Weerbaar.Web.Features.Allocation;

/// <summary>What <see cref="AllocationPlan.SettingsJson"/> holds: a plan that passed <see cref="AllocationPlanValidator"/>.</summary>
/// <param name="MinimumServiceLevel">Fraction 0–1 of the need everyone within reach gets every period when the stock allows.</param>
public sealed record AllocationPlanSettings(
    string? Scenario, int Periods, string Policy, double MinimumServiceLevel, double MaxDistanceMeters, bool CarryOver,
    IReadOnlyList<PlanResource> Resources, IReadOnlyList<PlanGroup> Groups);

/// <summary>A resource of the plan (a library resource code) with its stock per noodsteunpunt.</summary>
public sealed record PlanResource(string Code, IReadOnlyList<PlanStock> Stock);

/// <summary>Stock of one resource at one noodsteunpunt: on hand at the start and the delivery at the start of each period.</summary>
public sealed record PlanStock(Guid Point, double Initial, IReadOnlyList<double> Deliveries);

/// <summary>A demand group's priority tier and need per person per 6-hour period, per resource code.</summary>
public sealed record PlanGroup(string Code, int Tier, IReadOnlyDictionary<string, double> Need);

/// <summary>A plan as sent (API) or typed (form): anything may be missing or wrong; the validator says what.</summary>
public sealed record AllocationPlanRequest(
    int? Version, string? Scenario, int? Periods, string? Policy, double? MinimumServiceLevel, double? MaxDistanceMeters, bool? CarryOver,
    IReadOnlyList<PlanResourceRequest>? Resources, IReadOnlyList<PlanGroupRequest>? Groups);

public sealed record PlanResourceRequest(string? Code, IReadOnlyList<PlanStockRequest>? Stock);

public sealed record PlanStockRequest(string? Point, double? Initial, IReadOnlyList<double>? Deliveries);

public sealed record PlanGroupRequest(string? Code, int? Tier, IReadOnlyDictionary<string, double>? Need);
