using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Gemeenten;

namespace Weerbaar.Bench.Http;

/// <summary>
/// A made-up gemeente GM9600 with 600 buurten (no real gemeente has that many; Amsterdam has 476) for the foto page's
/// size goal: its buurten copy the figures of Amsterdam's and Rotterdam's buurten under new codes, each with a small
/// square geometry, so the page carries a full table and a full map layer. Bench data only.
/// </summary>
public static class FotoBenchData
{
    public const string Code = "GM9600";
    public const int Buurten = 600;

    public static async Task EnsureAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.Gemeenten.AnyAsync(g => g.Code == Code))
        {
            return;
        }
        var template = await db.Gemeenten.AsNoTracking().FirstAsync(g => g.Code == "GM0363");
        db.Gemeenten.Add(new Gemeente
        {
            Code = Code,
            Name = "Benchstad (600 buurten)",
            ProvincieCode = template.ProvincieCode,
            VeiligheidsregioCode = template.VeiligheidsregioCode,
            Residents = 0,
            UrbanityModal = 1,
            OutlineGeoJson = template.OutlineGeoJson,
        });
        var source = await db.Buurten.AsNoTracking().Where(b => b.GemeenteCode == "GM0363" || b.GemeenteCode == "GM0599")
            .OrderBy(b => b.Code).Take(Buurten).ToListAsync();
        var residents = 0;
        for (var i = 0; i < source.Count; i++)
        {
            var b = source[i];
            var code = $"BU9600{i / 100:00}{i % 100:00}";
            db.Buurten.Add(new Buurt
            {
                Code = code,
                Name = $"{b.Name} ({i + 1})",
                WijkCode = $"WK9600{i / 100:00}",
                GemeenteCode = Code,
                Residents = b.Residents,
                Age0To15 = b.Age0To15,
                Age15To25 = b.Age15To25,
                Age25To45 = b.Age25To45,
                Age45To65 = b.Age45To65,
                Age65Plus = b.Age65Plus,
                Households = b.Households,
                HouseholdsWithChildren = b.HouseholdsWithChildren,
                AverageHouseholdSize = b.AverageHouseholdSize,
                Density = b.Density,
                Urbanity = b.Urbanity,
            });
            var (lon, lat) = (4.80 + i % 25 * 0.008, 52.30 + i / 25 * 0.005);
            db.BuurtGeometries.Add(new BuurtGeometry
            {
                BuurtCode = code,
                CentroidLatitude = lat + 0.0025,
                CentroidLongitude = lon + 0.004,
                LoadedAt = DateTimeOffset.UtcNow,
                GeoJson = string.Create(CultureInfo.InvariantCulture,
                    $$"""{"type":"Polygon","coordinates":[[[{{lon}},{{lat}}],[{{lon + 0.008}},{{lat}}],[{{lon + 0.008}},{{lat + 0.005}}],[{{lon}},{{lat + 0.005}}],[{{lon}},{{lat}}]]]}"""),
            });
            residents += b.Residents ?? 0;
        }
        await db.SaveChangesAsync();
        await db.Gemeenten.Where(g => g.Code == Code).ExecuteUpdateAsync(s => s.SetProperty(g => g.Residents, residents));
        await scope.ServiceProvider.GetRequiredService<ReferenceData>().ReloadAsync(db);
    }
}
