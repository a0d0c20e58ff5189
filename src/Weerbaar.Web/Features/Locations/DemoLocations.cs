using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.Locations;

/// <summary>
/// Demo vulnerable locations and noodsteunpunten for Utrecht (GM0344): invented names ending in "(demo)", plausible
/// coordinates inside Utrecht and real CBS buurtcodes. Only when the gemeente's register is still empty.
/// </summary>
public static class DemoLocations
{
    public const string Gemeente = "GM0344";
    private const string By = "demo";

    public static async Task SeedAsync(AppDbContext db, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        // Seeding runs without a user: the tenant filters would hide every row.
        if (!await db.VulnerableLocations.IgnoreQueryFilters().AnyAsync(l => l.GemeenteCode == Gemeente))
        {
            db.VulnerableLocations.AddRange(Locations().Select(l => { l.UpdatedAt = now; return l; }));
        }
        if (!await db.Noodsteunpunten.IgnoreQueryFilters().AnyAsync(n => n.GemeenteCode == Gemeente))
        {
            db.Noodsteunpunten.AddRange(Points().Select(n => { n.UpdatedAt = now; return n; }));
        }
        await db.SaveChangesAsync();
    }

    private static VulnerableLocation Location(string category, string name, string buurt, double? lat, double? lon, int people,
        int? power, int? water, int? communication, params string[] dependencies) => new()
        {
            GemeenteCode = Gemeente,
            Category = category,
            Name = name + " (demo)",
            BuurtCode = buurt,
            Latitude = lat,
            Longitude = lon,
            People = people,
            HoursWithoutPower = power,
            HoursWithoutWater = water,
            HoursWithoutCommunication = communication,
            Dependencies = [.. dependencies],
            UpdatedBy = By,
        };

    public static IEnumerable<VulnerableLocation> Locations() =>
    [
        Location("verpleeghuis", "Zorgcentrum Tuindorp", "BU03440422", 52.1082, 5.1302, 120, 4, 12, 8, "stroom", "drinkwater", "zorgpersoneel", "koeling"),
        Location("verpleeghuis", "Woonzorgcentrum De Meern", "BU03441031", 52.0815, 5.0352, 85, 2, 8, 6, "stroom", "drinkwater", "zorgpersoneel"),
        Location("ziekenhuis", "Ziekenhuis Science Park", "BU03440533", 52.0868, 5.1786, 950, 48, 24, 12, "drinkwater", "zorgpersoneel", "brandstof", "telecom"),
        Location("ziekenhuis", "Stadsziekenhuis Oudwijk", "BU03440512", 52.0876, 5.1368, 310, 24, 12, 8, "drinkwater", "zorgpersoneel", "brandstof"),
        Location("gehandicaptenzorg", "Woonvoorziening Lunetten", "BU03440711", 52.0672, 5.1398, 36, 2, 8, 4, "stroom", "zorgpersoneel"),
        Location("ggz-instelling", "Ggz-kliniek Overvecht", "BU03440321", 52.1158, 5.1105, 60, 4, 12, 4, "stroom", "zorgpersoneel", "telecom"),
        Location("school", "Basisschool Lombok", "BU03440121", 52.0912, 5.1046, 340, 0, 4, 2, "stroom", "drinkwater"),
        Location("school", "Scholengemeenschap Kanaleneiland", "BU03440832", 52.0738, 5.0962, 1150, 0, 4, 2, "stroom", "drinkwater", "vervoer"),
        Location("kinderopvang", "Kinderdagverblijf Leidsche Rijn", "BU03440931", 52.0948, 5.0604, 64, 0, 4, 2, "stroom", "drinkwater"),
        Location("gevangenis", "Penitentiaire inrichting Lageweide", "BU03440133", 52.1047, 5.0853, 240, 72, 24, 24, "brandstof", "drinkwater", "telecom"),
        Location("dagbesteding", "Dagbesteding Zuilen", "BU03440244", 52.1128, 5.0951, 45, 0, 8, 4, "vervoer", "zorgpersoneel"),
        // Aggregated counts: a buurt and a number of people, never an address or a person.
        Location("thuisdialyse", "Thuisdialyse Overvecht", "BU03440341", null, null, 7, 0, 0, 8, "stroom", "drinkwater", "vervoer"),
        Location("thuisbeademing", "Thuisbeademing Vleuten", "BU03441013", null, null, 4, 2, null, 4, "stroom", "zorgpersoneel"),
    ];

    private static Noodsteunpunt Point(string name, string buurt, double lat, double lon, int capacity, bool power) => new()
    {
        GemeenteCode = Gemeente,
        Name = name + " (demo)",
        BuurtCode = buurt,
        Latitude = lat,
        Longitude = lon,
        Capacity = capacity,
        HasBackupPower = power,
        UpdatedBy = By,
    };

    /// <summary>Six noodsteunpunten in every status: two open now, two ready to open, two still planned.</summary>
    public static IEnumerable<Noodsteunpunt> Points() =>
    [
        With(Point("Wijkcentrum Overvecht", "BU03440321", 52.1166, 5.1128, 150, true), n =>
        {
            (n.BuildingType, n.Status, n.BackupPowerHours) = (BuildingTypes.Buurthuis, NoodsteunpuntStatus.Actief, 72);
            n.OpeningArrangement = "Binnen 2 uur na een stroomuitval van meer dan 4 uur open; sleutel bij de beheerder en de wijkagent.";
            (n.HasDrinkingWater, n.HasHeating, n.HasFirstAid, n.HasToilets, n.IsWheelchairAccessible, n.HasCharging) = (true, true, true, true, true, true);
            (n.HasC2000, n.HasRadio, n.HasMobile) = (true, true, true);
            (n.Staff, n.Volunteers, n.ShiftsPerDay) = (4, 18, 3);
            n.Partners = "Rode Kruis Utrecht, buurtteam Overvecht, woningcorporatie";
            (n.ContactName, n.ContactPhone, n.ContactEmail) = ("Beheerder wijkcentrum", "030 123 45 01", "overvecht@example.nl");
        }),
        With(Point("Bibliotheek Neude", "BU03440611", 52.0926, 5.1188, 200, true), n =>
        {
            (n.BuildingType, n.Status, n.BackupPowerHours) = (BuildingTypes.Bibliotheek, NoodsteunpuntStatus.Actief, 48);
            n.OpeningArrangement = "Tijdens openingstijden direct; daarbuiten binnen 3 uur door de crisisorganisatie van de gemeente.";
            (n.HasDrinkingWater, n.HasHeating, n.HasFirstAid, n.HasToilets, n.IsWheelchairAccessible, n.HasCharging) = (true, true, true, true, true, true);
            (n.HasSatellite, n.HasC2000, n.HasRadio, n.HasMobile) = (true, true, true, true);
            (n.Staff, n.Volunteers, n.ShiftsPerDay) = (6, 12, 3);
            n.Partners = "Gemeente Utrecht (team OOV), Rode Kruis";
            (n.ContactName, n.ContactPhone, n.ContactEmail) = ("Teamleider bibliotheek", "030 123 45 02", "neude@example.nl");
        }),
        With(Point("Sporthal Kanaleneiland", "BU03440831", 52.0702, 5.0938, 300, false), n =>
        {
            (n.BuildingType, n.Status) = (BuildingTypes.Sporthal, NoodsteunpuntStatus.Gereed);
            n.OpeningArrangement = "Op verzoek van de gemeente binnen 4 uur open; sleutel bij de sportbeheerder.";
            (n.HasDrinkingWater, n.HasToilets, n.IsWheelchairAccessible) = (true, true, true);
            (n.HasRadio, n.HasMobile) = (true, true);
            (n.Staff, n.Volunteers, n.ShiftsPerDay) = (2, 10, 2);
            n.Partners = "Sportvereniging, moskee in de wijk";
        }),
        With(Point("Buurthuis Lunetten", "BU03440712", 52.0631, 5.1427, 80, false), n =>
        {
            (n.BuildingType, n.Status) = (BuildingTypes.Buurthuis, NoodsteunpuntStatus.Gereed);
            n.OpeningArrangement = "Vrijwilligers openen binnen 2 uur; sleutel bij twee buurtbewoners.";
            (n.HasDrinkingWater, n.HasHeating, n.HasToilets, n.HasCharging) = (true, true, true, true);
            n.HasMobile = true;
            (n.Staff, n.Volunteers, n.ShiftsPerDay) = (0, 8, 2);
            n.Partners = "Bewonersvereniging Lunetten";
        }),
        With(Point("Wijkcentrum Leidsche Rijn", "BU03440931", 52.0961, 5.0579, 250, true), n =>
        {
            (n.BuildingType, n.Status, n.BackupPowerHours) = (BuildingTypes.Buurthuis, NoodsteunpuntStatus.Gepland, 24);
            (n.HasToilets, n.IsWheelchairAccessible) = (true, true);
            n.Partners = "Nog te bespreken met de wijkraad";
        }),
        With(Point("Dorpshuis Vleuten", "BU03441013", 52.1079, 5.0148, 100, true), n =>
        {
            (n.BuildingType, n.Status, n.BackupPowerHours) = (BuildingTypes.Anders, NoodsteunpuntStatus.Gepland, 12);
            (n.HasHeating, n.HasToilets) = (true, true);
        }),
    ];

    private static Noodsteunpunt With(Noodsteunpunt n, Action<Noodsteunpunt> details)
    {
        details(n);
        return n;
    }
}
