using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Locations;
using Weerbaar.Web.Features.Scenarios;
using Weerbaar.Web.Features.SelfReliance;

namespace Weerbaar.Web.Features.Allocation;

/// <summary>A gemeente's plan as it holds now: stored or the defaults, fitted to its current noodsteunpunten.</summary>
public sealed record LoadedPlan(AllocationPlanSettings Settings, int Version, string? UpdatedBy, DateTimeOffset? UpdatedAt, PlanContext Context,
    IReadOnlyList<Noodsteunpunt> PointsWithoutLocation);

/// <summary>Reads and saves a gemeente's allocation plan; a save with a stale version is refused and changes nothing.</summary>
public sealed class AllocationPlanStore(AppDbContext db, NoodsteunpuntRegister register, TimeProvider clock)
{
    private static readonly Lazy<ScenarioLibrary> Library = new(ScenarioLibrary.LoadNewest);

    public static IReadOnlyList<string> DefaultResources => ["drinkwater", "maaltijden"];

    public async Task<(PlanContext Context, IReadOnlyList<Noodsteunpunt> WithoutLocation)> ContextAsync(string gemeenteCode, CancellationToken ct)
    {
        var library = Library.Value;
        var own = await db.OwnScenarios.AsNoTracking().Where(s => s.GemeenteCode == gemeenteCode).OrderBy(s => s.Name).ToListAsync(ct);
        var scenarios = library.Scenarios.Select(s => new PlanScenario(s.Code, s.Name, s.TypicalDurationHours, s.ScarceResources, false))
            .Concat(own.Select(s => new PlanScenario(s.Code, s.Name, s.TypicalDurationHours, s.ScarceResources, true))).ToList();
        var points = await register.ListAsync(gemeenteCode, ct);
        var located = points.Where(p => p.Latitude is not null && p.Longitude is not null).OrderBy(p => p.Name, StringComparer.Create(Shared.Format.Dutch, true))
            .Select(p => new PlanPoint(p.Id, p.Name, p.Status, p.Latitude!.Value, p.Longitude!.Value)).ToList();
        return (new PlanContext(library.Resources, scenarios, located), points.Where(p => p.Latitude is null || p.Longitude is null).ToList());
    }

    public async Task<LoadedPlan> LoadAsync(string gemeenteCode, CancellationToken ct)
    {
        var (context, withoutLocation) = await ContextAsync(gemeenteCode, ct);
        var row = await db.AllocationPlans.AsNoTracking().FirstOrDefaultAsync(p => p.GemeenteCode == gemeenteCode, ct);
        var stored = row is null ? null : JsonSerializer.Deserialize<AllocationPlanSettings>(row.SettingsJson, JsonSerializerOptions.Web);
        return new LoadedPlan(Fit(stored ?? Default(context), context), row?.Version ?? 0, row?.UpdatedBy, row?.UpdatedAt, context, withoutLocation);
    }

    public static AllocationPlanSettings Default(PlanContext context)
        => new(null, AllocationCatalog.MaxPeriods, AllocationCatalog.PolicyCode(Analysis.Allocation.AllocationPolicy.StrictPriority), 0,
            AllocationCatalog.DefaultMaxDistance, true, [.. DefaultResources.Select(r => new PlanResource(r, []))],
            [.. AllocationCatalog.Groups.Select(g => AllocationPlanValidator.DefaultGroup(g, DefaultResources))]);

    /// <summary>
    /// A scenario's scarce resources become the plan's resources (stock already entered for a resource is kept) and its
    /// typical duration, capped at 72 hours, the number of 6-hour periods; groups get the default need for a new resource.
    /// </summary>
    public static AllocationPlanSettings WithScenario(AllocationPlanSettings plan, PlanScenario scenario)
    {
        var resources = scenario.ScarceResources.Select(code => plan.Resources.FirstOrDefault(r => r.Code == code) ?? new PlanResource(code, [])).ToList();
        var periods = AllocationCatalog.PeriodsFor(scenario.TypicalDurationHours);
        resources = [.. resources.Select(r => r with { Stock = [.. r.Stock.Select(s => s with { Deliveries = [.. s.Deliveries.Take(periods)] })] })];
        var groups = plan.Groups.Select(g => g with
        {
            Need = scenario.ScarceResources.ToDictionary(r => r, r => g.Need.TryGetValue(r, out var v) ? v : AllocationCatalog.Need(g.Code, r)?.PerPersonPerPeriod ?? 0, StringComparer.Ordinal),
        }).ToList();
        return plan with { Scenario = scenario.Code, Periods = periods, Resources = resources, Groups = groups };
    }

    /// <summary>Drops stock at points that are gone or lost their coordinates since the plan was saved.</summary>
    private static AllocationPlanSettings Fit(AllocationPlanSettings plan, PlanContext context)
    {
        var ids = context.Points.Select(p => p.Id).ToHashSet();
        return plan with { Resources = [.. plan.Resources.Select(r => r with { Stock = [.. r.Stock.Where(s => ids.Contains(s.Point))] })] };
    }

    public static AllocationPlanRequest ToRequest(AllocationPlanSettings s, int? version)
        => new(version, s.Scenario, s.Periods, s.Policy, s.MinimumServiceLevel, s.MaxDistanceMeters, s.CarryOver,
            [.. s.Resources.Select(r => new PlanResourceRequest(r.Code, [.. r.Stock.Select(x => new PlanStockRequest(x.Point.ToString(), x.Initial, x.Deliveries))]))],
            [.. s.Groups.Select(g => new PlanGroupRequest(g.Code, g.Tier, g.Need))]);

    /// <param name="version">The version the editor saw (0 when nothing was stored); null skips the check (API without version).</param>
    public async Task<(AssumptionsOutcome Outcome, AllocationPlanSettings? Plan)> SaveAsync(string gemeenteCode, AllocationPlanRequest request, int? version, string user, CancellationToken ct)
    {
        var row = await db.AllocationPlans.FirstOrDefaultAsync(p => p.GemeenteCode == gemeenteCode, ct);
        if (version is { } v && v != (row?.Version ?? 0))
        {
            return (new AssumptionsOutcome.Conflict(row?.UpdatedBy ?? "?", row?.UpdatedAt ?? DateTimeOffset.MinValue), null);
        }
        var (context, _) = await ContextAsync(gemeenteCode, ct);
        // A scenario without resources of its own choosing: the scenario decides what is scarce and for how long.
        if (request.Resources is null && context.Scenario(request.Scenario?.Trim()) is { } scenario)
        {
            var current = row is null ? Default(context) : JsonSerializer.Deserialize<AllocationPlanSettings>(row.SettingsJson, JsonSerializerOptions.Web)!;
            var applied = WithScenario(Fit(current, context), scenario);
            request = request with
            {
                Resources = ToRequest(applied, null).Resources,
                Periods = request.Periods ?? applied.Periods,
                Groups = request.Groups ?? ToRequest(applied, null).Groups,
            };
        }
        var (plan, errors) = AllocationPlanValidator.Validate(request, context);
        if (plan is null)
        {
            return (new AssumptionsOutcome.Invalid(errors), null);
        }
        if (row is null)
        {
            row = new AllocationPlan { GemeenteCode = gemeenteCode, SettingsJson = "", UpdatedBy = user };
            db.AllocationPlans.Add(row);
        }
        row.SettingsJson = JsonSerializer.Serialize(plan, JsonSerializerOptions.Web);
        row.Version++;
        row.UpdatedBy = user;
        row.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var now = await db.AllocationPlans.AsNoTracking().FirstAsync(p => p.GemeenteCode == gemeenteCode, ct);
            return (new AssumptionsOutcome.Conflict(now.UpdatedBy, now.UpdatedAt), null);
        }
        catch (DbUpdateException) when (version is null)
        {
            // Two first saves at once without a version: the other one won.
            return (new AssumptionsOutcome.Conflict("?", clock.GetUtcNow()), null);
        }
        return (new AssumptionsOutcome.Saved(row.Version), plan);
    }
}
