using Weerbaar.Web.Features.Gemeenten;

namespace Weerbaar.Web.Features.Siting;

/// <summary>A national result per gemeente: new sites and the share of residents (of buurten with a location) within the norm.</summary>
public sealed record SitingNationalRow(
    string Code, string Name, int NewOptimal, int NewGreedy, int Located, int WithoutLocation, int ResidentsWithoutLocation,
    double? ShareNow, double? ShareOptimal, double? ShareGreedy);

public static class SitingNationalRows
{
    public static List<SitingNationalRow> Of(SitingRunResult r, ReferenceData reference)
    {
        var norm = r.Norms.NormDistanceMeters;
        var buurten = r.Buurten.Where(b => b.Latitude is not null).ToLookup(b => SitingCandidateSite.GemeenteOf(b.Code));
        var unlocated = r.Buurten.Where(b => b.Latitude is null).ToLookup(b => SitingCandidateSite.GemeenteOf(b.Code));
        var optimal = r.NewOptimal.Where(s => s.GemeenteCode is not null).ToLookup(s => s.GemeenteCode!);
        var greedy = r.NewGreedy.Where(s => s.GemeenteCode is not null).ToLookup(s => s.GemeenteCode!);
        double? Share(IEnumerable<SitingResultBuurt> rows, Func<SitingResultBuurt, double?> distance)
        {
            var list = rows.ToList();
            var total = list.Sum(b => b.Residents);
            return total == 0 ? null : (double)list.Where(b => distance(b) <= norm).Sum(b => b.Residents) / total;
        }
        return reference.Gemeenten.OrderBy(g => g.Name, StringComparer.Create(Shared.Format.Dutch, true)).Select(g =>
        {
            var own = buurten[g.Code].ToList();
            var without = unlocated[g.Code].ToList();
            return new SitingNationalRow(g.Code, g.Name, optimal[g.Code].Count(), greedy[g.Code].Count(), own.Sum(b => b.Residents), without.Count, without.Sum(b => b.Residents),
                Share(own, b => b.Now), Share(own, b => b.Optimal), Share(own, b => b.Greedy));
        }).ToList();
    }
}
