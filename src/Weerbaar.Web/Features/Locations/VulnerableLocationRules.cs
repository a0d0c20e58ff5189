using Weerbaar.Web.Features.Accounts;

namespace Weerbaar.Web.Features.Locations;

/// <summary>One vulnerable location as typed: every value text, as the form, the CSV file and the API give it.</summary>
public sealed record VulnerableLocationFields(
    string? Category, string? Name, string? Address, string? Postcode, string? BuurtCode, string? Latitude, string? Longitude,
    string? People, string? HoursWithoutPower, string? HoursWithoutWater, string? HoursWithoutCommunication, string? Dependencies,
    string? ContactName, string? ContactPhone, string? ContactEmail, string? Notes);

/// <summary>A valid vulnerable location, ready to store.</summary>
public sealed record VulnerableLocationValues(
    string Category, string Name, string? Address, string? Postcode, string? BuurtCode, double? Latitude, double? Longitude,
    int People, int? HoursWithoutPower, int? HoursWithoutWater, int? HoursWithoutCommunication, List<string> Dependencies,
    string? ContactName, string? ContactPhone, string? ContactEmail, string? Notes)
{
    public void ApplyTo(VulnerableLocation l)
    {
        (l.Category, l.Name, l.Address, l.Postcode, l.BuurtCode, l.Latitude, l.Longitude) = (Category, Name, Address, Postcode, BuurtCode, Latitude, Longitude);
        (l.People, l.HoursWithoutPower, l.HoursWithoutWater, l.HoursWithoutCommunication) = (People, HoursWithoutPower, HoursWithoutWater, HoursWithoutCommunication);
        (l.Dependencies, l.ContactName, l.ContactPhone, l.ContactEmail, l.Notes) = ([.. Dependencies], ContactName, ContactPhone, ContactEmail, Notes);
    }
}

/// <summary>
/// The one set of rules for a vulnerable location, used by the form, the CSV import and the API. Column names are
/// those of the CSV file (and the ids of the form fields).
/// </summary>
public static class VulnerableLocationRules
{
    public const string Categorie = "categorie", Naam = "naam", Adres = "adres", Postcode = "postcode", Buurtcode = "buurtcode",
        Breedtegraad = "breedtegraad", Lengtegraad = "lengtegraad", AantalPersonen = "aantal_personen",
        UrenZonderStroom = "uren_zonder_stroom", UrenZonderWater = "uren_zonder_water", UrenZonderCommunicatie = "uren_zonder_communicatie",
        AfhankelijkVan = "afhankelijk_van", ContactNaam = "contact_naam", ContactTelefoon = "contact_telefoon", ContactEmail = "contact_email",
        Opmerkingen = "opmerkingen";

    public const int MaxHours = 720;

    public static readonly IReadOnlyList<string> Columns =
    [
        Categorie, Naam, Adres, Postcode, Buurtcode, Breedtegraad, Lengtegraad, AantalPersonen, UrenZonderStroom, UrenZonderWater,
        UrenZonderCommunicatie, AfhankelijkVan, ContactNaam, ContactTelefoon, ContactEmail, Opmerkingen,
    ];

    /// <summary>The API's JSON property for each column, so API errors name the field the client sent.</summary>
    public static readonly IReadOnlyDictionary<string, string> JsonNames = new Dictionary<string, string>
    {
        [Categorie] = "category",
        [Naam] = "name",
        [Adres] = "address",
        [Postcode] = "postcode",
        [Buurtcode] = "buurtCode",
        [Breedtegraad] = "latitude",
        [Lengtegraad] = "longitude",
        [AantalPersonen] = "people",
        [UrenZonderStroom] = "hoursWithoutPower",
        [UrenZonderWater] = "hoursWithoutWater",
        [UrenZonderCommunicatie] = "hoursWithoutCommunication",
        [AfhankelijkVan] = "dependencies",
        [ContactNaam] = "contactName",
        [ContactTelefoon] = "contactPhone",
        [ContactEmail] = "contactEmail",
        [Opmerkingen] = "notes",
    };

    public static (VulnerableLocationValues? Values, List<FieldError> Errors) Validate(VulnerableLocationFields f, IReadOnlySet<string> buurten, string gemeenteName)
    {
        var checks = new FieldChecks();
        var category = LocationCategories.Find(f.Category);
        if (category is null)
        {
            checks.Errors.Add(new(Categorie, FieldChecks.Empty(f.Category)
                ? "Kies een categorie."
                : $"'{f.Category!.Trim()}' is geen categorie. Kies uit: {string.Join(", ", LocationCategories.All.Select(c => c.Code))}."));
        }
        var name = checks.Text(Naam, "de naam", f.Name, FieldChecks.MaxName, required: true);
        var address = checks.Text(Adres, "het adres", f.Address, FieldChecks.MaxAddress);
        var postcode = checks.Postcode(Postcode, f.Postcode);
        var buurt = checks.Buurt(Buurtcode, f.BuurtCode, buurten, gemeenteName);
        var (lat, lon) = checks.Coordinates(Breedtegraad, f.Latitude, Lengtegraad, f.Longitude);
        var people = checks.WholeNumber(AantalPersonen, "het aantal personen", f.People, category?.Aggregated == true ? 1 : 0, FieldChecks.MaxPeople, required: true);
        var power = checks.WholeNumber(UrenZonderStroom, "het aantal uren zonder stroom", f.HoursWithoutPower, 0, MaxHours);
        var water = checks.WholeNumber(UrenZonderWater, "het aantal uren zonder water", f.HoursWithoutWater, 0, MaxHours);
        var communication = checks.WholeNumber(UrenZonderCommunicatie, "het aantal uren zonder communicatie", f.HoursWithoutCommunication, 0, MaxHours);
        var dependencies = Dependencies(checks, f.Dependencies);
        var contactName = checks.Text(ContactNaam, "de naam van de contactpersoon", f.ContactName, FieldChecks.MaxName);
        var contactPhone = checks.Phone(ContactTelefoon, f.ContactPhone);
        var contactEmail = checks.Email(ContactEmail, f.ContactEmail);
        var notes = checks.Text(Opmerkingen, "de opmerkingen", f.Notes, FieldChecks.MaxNotes, multiLine: true);

        if (category?.Aggregated == true)
        {
            // Privacy: home dialysis and ventilation are counted per buurt or gemeente, never traceable to a home or a person.
            foreach (var (column, value) in new[] { (Adres, f.Address), (Postcode, f.Postcode), (Breedtegraad, f.Latitude), (Lengtegraad, f.Longitude),
                         (ContactNaam, f.ContactName), (ContactTelefoon, f.ContactPhone), (ContactEmail, f.ContactEmail) })
            {
                if (!FieldChecks.Empty(value))
                {
                    checks.Errors.Add(new(column, $"{category.Label}: alleen een aantal personen (eventueel per buurt), zonder adres, postcode, coördinaten of contactpersoon. Laat {column} leeg."));
                }
            }
        }
        return checks.Errors.Count > 0
            ? (null, checks.Errors)
            : (new VulnerableLocationValues(category!.Code, name!, address, postcode, buurt, lat, lon, people!.Value, power, water, communication,
                dependencies, contactName, contactPhone, contactEmail, notes), checks.Errors);
    }

    /// <summary>Codes separated by ';' (also ',' or '|'), each from <see cref="VitalServices"/>; returned in list order without repeats.</summary>
    private static List<string> Dependencies(FieldChecks checks, string? value)
    {
        var codes = (value ?? "").Split([';', ',', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = codes.Where(c => VitalServices.Find(c) is null).ToList();
        if (unknown.Count > 0)
        {
            checks.Errors.Add(new(AfhankelijkVan, $"Onbekend: {string.Join(", ", unknown.Select(u => $"'{u}'"))}. Kies uit: {string.Join(", ", VitalServices.All.Select(s => s.Code))} (gescheiden door ;)."));
        }
        return VitalServices.All.Where(s => codes.Any(c => string.Equals(c, s.Code, StringComparison.OrdinalIgnoreCase))).Select(s => s.Code).ToList();
    }

    public static VulnerableLocationFields FieldsOf(VulnerableLocation l) => new(
        l.Category, l.Name, l.Address, l.Postcode, l.BuurtCode, Number(l.Latitude), Number(l.Longitude), Number(l.People),
        Number(l.HoursWithoutPower), Number(l.HoursWithoutWater), Number(l.HoursWithoutCommunication), string.Join(";", l.Dependencies),
        l.ContactName, l.ContactPhone, l.ContactEmail, l.Notes);

    public static string? Number(double? value) => value?.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    public static string? Number(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
