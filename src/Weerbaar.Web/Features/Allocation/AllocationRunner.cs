using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Analysis.Allocation;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.SelfReliance;

namespace Weerbaar.Web.Features.Allocation;

/// <summary>A buurt with its demand groups and whether it has a location (without one it cannot be served and is listed).</summary>
public sealed record AllocationBuurt(string Code, string Name, int Residents, BuurtGroupSizes Groups, bool HasLocation);

/// <summary>One run of a gemeente's plan: the chosen policy's answer, all three for comparison, and who was left out for lack of a location.</summary>
public sealed record AllocationRun(
    GemeenteInfo Gemeente, LoadedPlan Plan, IReadOnlyList<AllocationBuurt> Buurten, AllocationResult Result,
    IReadOnlyList<AllocationResult> All, IReadOnlyList<AllocationComparison> Comparison, IReadOnlyDictionary<string, double[]> SupplyPerPeriod, TimeSpan Elapsed)
{
    public IEnumerable<AllocationBuurt> WithoutLocation => Buurten.Where(b => !b.HasLocation);

    public int ResidentsWithoutLocation => WithoutLocation.Sum(b => b.Residents);
}

/// <summary>Builds the solver's input from the plan, the CBS buurten and the noodsteunpunten, and runs the three policies.</summary>
public sealed class AllocationRunner(AppDbContext db, ReferenceData reference, AllocationPlanStore plans, SelfRelianceEstimator selfReliance, BuurtLocations locations)
{
    /// <summary>The buurten of the gemeente with their demand groups; null for an unknown gemeente.</summary>
    public async Task<(GemeenteInfo Gemeente, List<AllocationBuurt> Buurten, Dictionary<string, BuurtLocation> Located)?> BuurtenAsync(string gemeenteCode, CancellationToken ct)
    {
        if (reference.Gemeente(gemeenteCode.ToUpperInvariant()) is not { } gemeente)
        {
            return null;
        }
        var estimate = (await selfReliance.ForGemeenteAsync(gemeente.Code, ct))!;
        var young = await db.Buurten.AsNoTracking().Where(b => b.GemeenteCode == gemeente.Code).ToDictionaryAsync(b => b.Code, b => b.Age0To15, ct);
        var located = await locations.ForGemeenteAsync(gemeente.Code, ct);
        var buurten = estimate.Buurten.Select(b => new AllocationBuurt(b.Code, b.Name, b.Residents ?? 0,
            DemandGroupSizes.For(b.Residents ?? 0, young.GetValueOrDefault(b.Code), b.Estimate), located.ContainsKey(b.Code))).ToList();
        return (gemeente, buurten, located);
    }

    public async Task<AllocationRun?> RunAsync(string gemeenteCode, CancellationToken ct)
    {
        if (await BuurtenAsync(gemeenteCode, ct) is not { } found)
        {
            return null;
        }
        var (gemeente, buurten, located) = found;
        var plan = await plans.LoadAsync(gemeente.Code, ct);
        var s = plan.Settings;
        var input = new AllocationInput(
            [.. s.Resources.Select(r => plan.Context.Resource(r.Code)!).Select(r => new AllocationResource(r.Code, r.Name.ToLowerInvariant(), r.Unit))],
            [.. plan.Context.Points.Select(p => new AllocationPoint(p.Id.ToString(), p.Latitude, p.Longitude))],
            [.. s.Resources.SelectMany(r => r.Stock.Select(x => new AllocationStock(x.Point.ToString(), r.Code, x.Initial, x.Deliveries)))],
            [.. s.Groups.Select(g => new AllocationGroup(g.Code, AllocationCatalog.Group(g.Code)!.Name, g.Tier, g.Need))],
            [.. buurten.Where(b => b.HasLocation).SelectMany(b => s.Groups.Select(g =>
                new AllocationDemand(b.Code, located[b.Code].Latitude, located[b.Code].Longitude, g.Code, b.Groups.Of(g.Code))))]);
        var options = new AllocationOptions(s.Periods, s.MinimumServiceLevel, s.MaxDistanceMeters, s.CarryOver,
            AllocationCatalog.Policy(s.Policy) ?? AllocationPolicy.StrictPriority, TimeSpan.FromSeconds(20), PeriodByPeriod: true);
        var clock = Stopwatch.StartNew();
        var all = input.Demand.Count == 0 ? [] : AllocationSolver.CompareAll(input, options);
        var chosen = all.FirstOrDefault(r => r.Policy == options.Policy)
            ?? new AllocationResult(AllocationStatus.Invalid, "Er zijn geen buurten met een locatie om te bedienen.", options.Policy, TimeSpan.Zero, [], [], [], []);
        var supply = s.Resources.ToDictionary(r => r.Code, r =>
        {
            var perPeriod = new double[s.Periods];
            foreach (var x in r.Stock)
            {
                perPeriod[0] += x.Initial;
                for (var t = 0; t < Math.Min(s.Periods, x.Deliveries.Count); t++)
                {
                    perPeriod[t] += x.Deliveries[t];
                }
            }
            return perPeriod;
        });
        return new AllocationRun(gemeente, plan, buurten, chosen, all, AllocationComparison.Of(all), supply, clock.Elapsed);
    }
}
