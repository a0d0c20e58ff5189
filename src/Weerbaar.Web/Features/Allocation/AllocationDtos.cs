using System.Globalization;
using Weerbaar.Analysis.Allocation;

namespace Weerbaar.Web.Features.Allocation;

public sealed record AllocationPlanDto(
    string Gemeentecode, int Version, string? UpdatedBy, DateTimeOffset? UpdatedAt, string? Scenario, int Periods, int PeriodHours,
    string Policy, double MinimumServiceLevel, double MaxDistanceMeters, bool CarryOver,
    IReadOnlyList<PlanResourceDto> Resources, IReadOnlyList<PlanGroupDto> Groups, IReadOnlyList<PlanPointDto> Points,
    IReadOnlyList<PlanScenarioDto> Scenarios, IReadOnlyList<PlanNeedDefaultDto> NeedDefaults);

public sealed record PlanResourceDto(string Code, string Name, string Unit, IReadOnlyList<PlanStockDto> Stock);

public sealed record PlanStockDto(string Point, double Initial, IReadOnlyList<double> Deliveries);

public sealed record PlanGroupDto(string Code, string Name, int Tier, int DefaultTier, IReadOnlyDictionary<string, double> Need);

public sealed record PlanPointDto(string Id, string Name, string Status, double Latitude, double Longitude);

public sealed record PlanScenarioDto(string Code, string Name, int TypicalDurationHours, IReadOnlyList<string> ScarceResources, bool Own);

public sealed record PlanNeedDefaultDto(string Group, string Resource, double PerPersonPerPeriod, string Source, bool IsAssumption);

public sealed record AllocationResultDto(
    string Gemeentecode, int PlanVersion, string Policy, string Status, string Message, double ElapsedSeconds, int Periods,
    IReadOnlyList<ResourceOutcomeDto> Resources, IReadOnlyList<ShortfallDto> ByGroup, IReadOnlyList<ShortfallDto> ByTier,
    IReadOnlyList<ShortfallDto> ByPeriod, IReadOnlyList<ShortfallDto> ByBuurt, IReadOnlyList<AllocationBuurtDto> Buurten,
    IReadOnlyList<AllocationCellDto> Cells, IReadOnlyList<ComparisonDto> Comparison,
    int BuurtenWithoutLocation, int ResidentsWithoutLocation, string GroupMethod, string Source);

public sealed record ResourceOutcomeDto(string Code, string Name, string Unit, double Available, IReadOnlyList<double> SupplyPerPeriod,
    double Need, double Served, double Unmet, IReadOnlyList<double> ServedPerPeriod, bool MinimumNotMet);

public sealed record ShortfallDto(string Resource, string Key, double Need, double Served, double Unmet, double ServiceFraction);

public sealed record AllocationBuurtDto(string Buurtcode, string Name, int Residents, bool HasLocation, IReadOnlyDictionary<string, double> Groups);

public sealed record AllocationCellDto(string Buurtcode, string Group, string Resource, int Tier, double People, double Need, double Served, string Explanation);

public sealed record ComparisonDto(string Policy, string Resource, double Unmet, IReadOnlyDictionary<string, double> UnmetPerTier, double Gini, double ElapsedSeconds, string Status, string Message);

public static class AllocationDtoMapping
{
    public static AllocationPlanDto ToDto(string gemeente, LoadedPlan p)
    {
        var s = p.Settings;
        return new AllocationPlanDto(gemeente, p.Version, p.UpdatedBy, p.UpdatedAt, s.Scenario, s.Periods, AllocationCatalog.PeriodHours, s.Policy,
            s.MinimumServiceLevel, s.MaxDistanceMeters, s.CarryOver,
            [.. s.Resources.Select(r => p.Context.Resource(r.Code)!).Select(r => new PlanResourceDto(r.Code, r.Name, r.Unit,
                [.. s.Resources.First(x => x.Code == r.Code).Stock.Select(x => new PlanStockDto(x.Point.ToString(), x.Initial, x.Deliveries))]))],
            [.. s.Groups.Select(g => new PlanGroupDto(g.Code, AllocationCatalog.Group(g.Code)!.Name, g.Tier, AllocationCatalog.Group(g.Code)!.DefaultTier, g.Need))],
            [.. p.Context.Points.Select(x => new PlanPointDto(x.Id.ToString(), x.Name, x.Status, x.Latitude, x.Longitude))],
            [.. p.Context.Scenarios.Select(x => new PlanScenarioDto(x.Code, x.Name, x.TypicalDurationHours, x.ScarceResources, x.Own))],
            [.. AllocationCatalog.Needs.Select(n => new PlanNeedDefaultDto(n.Group, n.Resource, n.PerPersonPerPeriod, n.Source, n.IsAssumption))]);
    }

    public static string StatusCode(AllocationStatus status) => status switch
    {
        AllocationStatus.Optimal => "optimaal",
        AllocationStatus.OptimalWithoutMinimum => "optimaal-zonder-minimum",
        AllocationStatus.NoSolution => "geen-oplossing",
        _ => "ongeldig",
    };

    public static AllocationResultDto ToDto(AllocationRun run)
    {
        var r = run.Result;
        var s = run.Plan.Settings;
        var resources = s.Resources.Select(x => run.Plan.Context.Resource(x.Code)!).Select(res =>
        {
            var cells = r.Cells.Where(c => c.ResourceId == res.Code).ToList();
            var supply = run.SupplyPerPeriod[res.Code];
            var served = Enumerable.Range(0, s.Periods).Select(t => cells.Sum(c => t < c.Served.Count ? c.Served[t] : 0)).ToList();
            return new ResourceOutcomeDto(res.Code, res.Name, res.Unit, supply.Sum(), supply, cells.Sum(c => c.TotalNeed), cells.Sum(c => c.TotalServed),
                cells.Sum(c => c.Shortfall), served, r.ResourcesWithoutMinimum.Contains(res.Code));
        }).ToList();
        return new AllocationResultDto(run.Gemeente.Code, run.Plan.Version, AllocationCatalog.PolicyCode(r.Policy), StatusCode(r.Status), r.Message,
            run.Elapsed.TotalSeconds, s.Periods, resources,
            Shortfalls(r.ByGroup()), Shortfalls(r.ByTier()), Shortfalls(r.ByPeriod()), Shortfalls(r.ByBuurt()),
            [.. run.Buurten.Select(b => new AllocationBuurtDto(b.Code, b.Name, b.Residents, b.HasLocation,
                AllocationCatalog.Groups.ToDictionary(g => g.Code, g => b.Groups.Of(g.Code))))],
            [.. r.Cells.Select(c => new AllocationCellDto(c.BuurtId, c.GroupId, c.ResourceId, c.Tier, c.People, c.TotalNeed, c.TotalServed, c.Explanation))],
            [.. run.Comparison.Select(c =>
            {
                var result = run.All.First(x => x.Policy == c.Policy);
                return new ComparisonDto(AllocationCatalog.PolicyCode(c.Policy), c.ResourceId, c.Unmet,
                    c.UnmetPerTier.ToDictionary(t => t.Key.ToString(CultureInfo.InvariantCulture), t => t.Value), c.Gini, c.Elapsed.TotalSeconds,
                    StatusCode(result.Status), result.Message);
            })],
            run.WithoutLocation.Count(), run.ResidentsWithoutLocation, DemandGroupSizes.Method, AllocationEndpoints.Source);
    }

    private static List<ShortfallDto> Shortfalls(IEnumerable<AllocationShortfall> rows)
        => [.. rows.Select(x => new ShortfallDto(x.ResourceId, x.Key, x.Need, x.Served, x.Unmet, x.ServiceFraction))];
}
