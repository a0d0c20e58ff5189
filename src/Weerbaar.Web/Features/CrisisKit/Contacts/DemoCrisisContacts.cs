using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.CrisisKit.Contacts;

/// <summary>
/// Demo crisis contacts for Utrecht (GM0344): real organisation names with made-up numbers (030 000 00xx) and the note
/// "demonstratiegegevens". Only when Utrecht has no contacts yet.
/// </summary>
public static class DemoCrisisContacts
{
    public const string Gemeente = "GM0344";
    public const string Note = "Demonstratiegegevens: nummers en gespreksgroepen zijn verzonnen.";
    private const string By = "demo";

    public static async Task SeedAsync(AppDbContext db, TimeProvider clock)
    {
        // Seeding runs without a user: the tenant filters would hide every row.
        if (await db.CrisisContacts.IgnoreQueryFilters().AnyAsync(c => c.GemeenteCode == Gemeente))
        {
            return;
        }
        var now = clock.GetUtcNow();
        foreach (var input in Inputs())
        {
            var (values, errors) = CrisisContactRules.Check(input);
            if (values is null)
            {
                throw new InvalidOperationException($"Demo contact {input.Organisation}: {string.Join(" ", errors.Select(e => e.Message))}");
            }
            var row = new CrisisContact { GemeenteCode = Gemeente, Category = values.Category, Organisation = values.Organisation, UpdatedBy = By, Version = 1, UpdatedAt = now };
            CrisisContactStore.Apply(row, values);
            db.CrisisContacts.Add(row);
        }
        await db.SaveChangesAsync();
    }

    public static IReadOnlyList<CrisisContactInput> Inputs() =>
    [
        new("veiligheidsregio", "Veiligheidsregio Utrecht", "Officier van dienst bevolkingszorg", "030 000 0001", null, "24/7",
            "VRU-BZ-01 (demo)", "+870 000 000 001", null, null, Note, "1"),
        new("drinkwater", "Vitens", "Storingsdienst", "030 000 0002", null, "24/7", null, null, null, null, Note, "1"),
        new("netbeheerder", "Stedin", "Storingsdienst stroom en gas", "030 000 0003", null, "24/7", null, null, null, null, Note, "1"),
        new("ggd", "GGD regio Utrecht", "Algemeen commandant geneeskundige zorg", "030 000 0004", "ghor@weerbaar.demo", "24/7",
            "VRU-GHOR-01 (demo)", null, null, null, Note, "1"),
        new("politie", "Politie Midden-Nederland", "Meldkamer", "030 000 0005", null, "24/7", "VRU-POL-01 (demo)", null, null, null, Note, "1"),
        new("brandweer", "Brandweer Utrecht", "Officier van dienst", "030 000 0006", null, "24/7", "VRU-BRW-01 (demo)", null, null, null, Note, "1"),
        new("zorg", "Huisartsenpost Utrecht Stad", "Dienstdoende huisarts", "030 000 0007", null, "avond, nacht en weekend", null, null, null,
            "Bij uitval van de telefoon: een bode naar de post", Note, "1"),
        new("partner", "Rode Kruis Utrecht", "Noodhulpteam", "030 000 0008", "noodhulp@weerbaar.demo", "24/7", null, null, "PMR-kanaal 3 (demo)", null, Note, "1"),
    ];
}
