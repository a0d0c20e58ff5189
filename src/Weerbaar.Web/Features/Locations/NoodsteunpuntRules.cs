using Weerbaar.Web.Features.Accounts;

namespace Weerbaar.Web.Features.Locations;

/// <summary>One noodsteunpunt as typed (form, CSV, API).</summary>
public sealed record NoodsteunpuntFields(
    string? Name, string? Address, string? Postcode, string? BuurtCode, string? Latitude, string? Longitude, string? Capacity, string? BackupPower, string? Notes);

public sealed record NoodsteunpuntValues(
    string Name, string? Address, string? Postcode, string? BuurtCode, double? Latitude, double? Longitude, int? Capacity, bool HasBackupPower, string? Notes)
{
    public void ApplyTo(Noodsteunpunt n)
        => (n.Name, n.Address, n.Postcode, n.BuurtCode, n.Latitude, n.Longitude, n.Capacity, n.HasBackupPower, n.Notes)
            = (Name, Address, Postcode, BuurtCode, Latitude, Longitude, Capacity, HasBackupPower, Notes);
}

/// <summary>The one set of rules for a noodsteunpunt (form, CSV import, API); column names as in the CSV file.</summary>
public static class NoodsteunpuntRules
{
    public const string Naam = "naam", Adres = "adres", Postcode = "postcode", Buurtcode = "buurtcode", Breedtegraad = "breedtegraad",
        Lengtegraad = "lengtegraad", Capaciteit = "capaciteit", Noodstroom = "noodstroom", Opmerkingen = "opmerkingen";

    public static readonly IReadOnlyList<string> Columns = [Naam, Adres, Postcode, Buurtcode, Breedtegraad, Lengtegraad, Capaciteit, Noodstroom, Opmerkingen];

    public static readonly IReadOnlyDictionary<string, string> JsonNames = new Dictionary<string, string>
    {
        [Naam] = "name",
        [Adres] = "address",
        [Postcode] = "postcode",
        [Buurtcode] = "buurtCode",
        [Breedtegraad] = "latitude",
        [Lengtegraad] = "longitude",
        [Capaciteit] = "capacity",
        [Noodstroom] = "hasBackupPower",
        [Opmerkingen] = "notes",
    };

    public static (NoodsteunpuntValues? Values, List<FieldError> Errors) Validate(NoodsteunpuntFields f, IReadOnlySet<string> buurten, string gemeenteName)
    {
        var checks = new FieldChecks();
        var name = checks.Text(Naam, "de naam", f.Name, FieldChecks.MaxName, required: true);
        var address = checks.Text(Adres, "het adres", f.Address, FieldChecks.MaxAddress);
        var postcode = checks.Postcode(Postcode, f.Postcode);
        var buurt = checks.Buurt(Buurtcode, f.BuurtCode, buurten, gemeenteName);
        var (lat, lon) = checks.Coordinates(Breedtegraad, f.Latitude, Lengtegraad, f.Longitude);
        var capacity = checks.WholeNumber(Capaciteit, "de capaciteit", f.Capacity, 0, FieldChecks.MaxPeople);
        var power = f.BackupPower?.Trim().ToLowerInvariant() switch
        {
            null or "" or "nee" => false,
            "ja" => true,
            _ => (bool?)null,
        };
        if (power is null)
        {
            checks.Errors.Add(new(Noodstroom, $"Noodstroom is 'ja' of 'nee' (niet '{f.BackupPower!.Trim()}')."));
        }
        var notes = checks.Text(Opmerkingen, "de opmerkingen", f.Notes, FieldChecks.MaxNotes, multiLine: true);
        return checks.Errors.Count > 0
            ? (null, checks.Errors)
            : (new NoodsteunpuntValues(name!, address, postcode, buurt, lat, lon, capacity, power!.Value, notes), checks.Errors);
    }

    public static NoodsteunpuntFields FieldsOf(Noodsteunpunt n) => new(
        n.Name, n.Address, n.Postcode, n.BuurtCode, VulnerableLocationRules.Number(n.Latitude), VulnerableLocationRules.Number(n.Longitude),
        VulnerableLocationRules.Number(n.Capacity), n.HasBackupPower ? "ja" : "nee", n.Notes);
}
