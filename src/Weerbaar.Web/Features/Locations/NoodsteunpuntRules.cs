using Weerbaar.Web.Features.Accounts;

namespace Weerbaar.Web.Features.Locations;

/// <summary>One noodsteunpunt as typed (form, CSV, API); ja/nee fields as "ja" or "nee" (empty is nee).</summary>
public sealed record NoodsteunpuntFields(
    string? Name, string? Address, string? Postcode, string? BuurtCode, string? Latitude, string? Longitude, string? Capacity, string? BackupPower, string? Notes,
    string? BuildingType = null, string? Status = null, string? OpeningArrangement = null, string? BackupPowerHours = null,
    string? DrinkingWater = null, string? Heating = null, string? FirstAid = null, string? Toilets = null, string? WheelchairAccessible = null, string? Charging = null,
    string? Satellite = null, string? C2000 = null, string? Radio = null, string? Mobile = null,
    string? Staff = null, string? Volunteers = null, string? ShiftsPerDay = null,
    string? Partners = null, string? ContactName = null, string? ContactPhone = null, string? ContactEmail = null)
{
    /// <summary>An empty form: a new noodsteunpunt starts as planned.</summary>
    public static NoodsteunpuntFields Empty { get; } = new(null, null, null, null, null, null, null, null, null, Status: NoodsteunpuntStatus.Gepland);
}

/// <summary>
/// A valid noodsteunpunt, ready to store. The parameters after <paramref name="Notes"/> are optional: a new
/// noodsteunpunt is planned (<see cref="NoodsteunpuntStatus.Gepland"/>) and has no further details until they are known.
/// </summary>
public sealed record NoodsteunpuntValues(
    string Name, string? Address, string? Postcode, string? BuurtCode, double? Latitude, double? Longitude, int? Capacity, bool HasBackupPower, string? Notes,
    string? BuildingType = null, string Status = NoodsteunpuntStatus.Gepland, string? OpeningArrangement = null, int? BackupPowerHours = null,
    bool HasDrinkingWater = false, bool HasHeating = false, bool HasFirstAid = false, bool HasToilets = false, bool IsWheelchairAccessible = false,
    bool HasCharging = false, bool HasSatellite = false, bool HasC2000 = false, bool HasRadio = false, bool HasMobile = false,
    int? Staff = null, int? Volunteers = null, int? ShiftsPerDay = null,
    string? Partners = null, string? ContactName = null, string? ContactPhone = null, string? ContactEmail = null)
{
    /// <summary>A planned noodsteunpunt at a place (e.g. proposed by the siting model); everything else still open.</summary>
    public static NoodsteunpuntValues Planned(string name, double latitude, double longitude, string? buurtCode = null)
        => new(name, null, null, buurtCode, latitude, longitude, null, false, null);

    public void ApplyTo(Noodsteunpunt n)
    {
        (n.Name, n.BuildingType, n.Status, n.Address, n.Postcode, n.BuurtCode, n.Latitude, n.Longitude, n.Capacity, n.OpeningArrangement)
            = (Name, BuildingType, Status, Address, Postcode, BuurtCode, Latitude, Longitude, Capacity, OpeningArrangement);
        (n.HasBackupPower, n.BackupPowerHours, n.HasDrinkingWater, n.HasHeating, n.HasFirstAid, n.HasToilets, n.IsWheelchairAccessible, n.HasCharging)
            = (HasBackupPower, BackupPowerHours, HasDrinkingWater, HasHeating, HasFirstAid, HasToilets, IsWheelchairAccessible, HasCharging);
        (n.HasSatellite, n.HasC2000, n.HasRadio, n.HasMobile, n.Staff, n.Volunteers, n.ShiftsPerDay)
            = (HasSatellite, HasC2000, HasRadio, HasMobile, Staff, Volunteers, ShiftsPerDay);
        (n.Partners, n.ContactName, n.ContactPhone, n.ContactEmail, n.Notes) = (Partners, ContactName, ContactPhone, ContactEmail, Notes);
    }
}

/// <summary>A ja/nee property of a noodsteunpunt: its CSV column (and form field), Dutch label and how to read it.</summary>
public sealed record NoodsteunpuntFlag(string Column, string Label, string ShortLabel, Func<Noodsteunpunt, bool> Of, Func<NoodsteunpuntFields, string?> Typed);

/// <summary>The one set of rules for a noodsteunpunt (form, CSV import, API); column names as in the CSV file.</summary>
public static class NoodsteunpuntRules
{
    public const string Naam = "naam", Gebouwtype = "gebouwtype", Status = "status", Adres = "adres", Postcode = "postcode", Buurtcode = "buurtcode",
        Breedtegraad = "breedtegraad", Lengtegraad = "lengtegraad", Capaciteit = "capaciteit", Openingsregeling = "openingsregeling",
        Noodstroom = "noodstroom", NoodstroomUren = "noodstroom_uren", Drinkwater = "drinkwater", Verwarming = "verwarming", Ehbo = "ehbo",
        Toiletten = "toiletten", Rolstoeltoegankelijk = "rolstoeltoegankelijk", Opladen = "opladen",
        Satelliet = "satelliet", C2000 = "c2000", Noodradio = "noodradio", Mobiel = "mobiel",
        Medewerkers = "medewerkers", Vrijwilligers = "vrijwilligers", DienstenPerDag = "diensten_per_dag",
        Partners = "partners", ContactNaam = "contact_naam", ContactTelefoon = "contact_telefoon", ContactEmail = "contact_email", Opmerkingen = "opmerkingen";

    public const int MaxHours = 720, MaxStaff = 10_000, MaxShifts = 24, MaxText = 1000;

    public static readonly IReadOnlyList<string> Columns =
    [
        Naam, Gebouwtype, Status, Adres, Postcode, Buurtcode, Breedtegraad, Lengtegraad, Capaciteit, Openingsregeling,
        Noodstroom, NoodstroomUren, Drinkwater, Verwarming, Ehbo, Toiletten, Rolstoeltoegankelijk, Opladen,
        Satelliet, C2000, Noodradio, Mobiel, Medewerkers, Vrijwilligers, DienstenPerDag,
        Partners, ContactNaam, ContactTelefoon, ContactEmail, Opmerkingen,
    ];

    /// <summary>Facilities besides backup power (which has its hours beside it).</summary>
    public static readonly IReadOnlyList<NoodsteunpuntFlag> Facilities =
    [
        new(Drinkwater, "Drinkwater", "drinkwater", n => n.HasDrinkingWater, f => f.DrinkingWater),
        new(Verwarming, "Verwarming", "verwarming", n => n.HasHeating, f => f.Heating),
        new(Ehbo, "EHBO (eerste hulp)", "EHBO", n => n.HasFirstAid, f => f.FirstAid),
        new(Toiletten, "Toiletten", "toiletten", n => n.HasToilets, f => f.Toilets),
        new(Rolstoeltoegankelijk, "Rolstoeltoegankelijk", "rolstoeltoegankelijk", n => n.IsWheelchairAccessible, f => f.WheelchairAccessible),
        new(Opladen, "Telefoons opladen", "opladen", n => n.HasCharging, f => f.Charging),
    ];

    public static readonly IReadOnlyList<NoodsteunpuntFlag> CommunicationMeans =
    [
        new(Satelliet, "Satelliettelefoon", "satelliet", n => n.HasSatellite, f => f.Satellite),
        new(C2000, "C2000", "C2000", n => n.HasC2000, f => f.C2000),
        new(Noodradio, "Noodradio of portofoon", "noodradio", n => n.HasRadio, f => f.Radio),
        new(Mobiel, "Mobiele telefoon", "mobiel", n => n.HasMobile, f => f.Mobile),
    ];

    public static readonly IReadOnlyDictionary<string, string> JsonNames = new Dictionary<string, string>
    {
        [Naam] = "name",
        [Gebouwtype] = "buildingType",
        [Status] = "status",
        [Adres] = "address",
        [Postcode] = "postcode",
        [Buurtcode] = "buurtCode",
        [Breedtegraad] = "latitude",
        [Lengtegraad] = "longitude",
        [Capaciteit] = "capacity",
        [Openingsregeling] = "openingArrangement",
        [Noodstroom] = "hasBackupPower",
        [NoodstroomUren] = "backupPowerHours",
        [Drinkwater] = "hasDrinkingWater",
        [Verwarming] = "hasHeating",
        [Ehbo] = "hasFirstAid",
        [Toiletten] = "hasToilets",
        [Rolstoeltoegankelijk] = "isWheelchairAccessible",
        [Opladen] = "hasCharging",
        [Satelliet] = "hasSatellite",
        [C2000] = "hasC2000",
        [Noodradio] = "hasRadio",
        [Mobiel] = "hasMobile",
        [Medewerkers] = "staff",
        [Vrijwilligers] = "volunteers",
        [DienstenPerDag] = "shiftsPerDay",
        [Partners] = "partners",
        [ContactNaam] = "contactName",
        [ContactTelefoon] = "contactPhone",
        [ContactEmail] = "contactEmail",
        [Opmerkingen] = "notes",
    };

    public static (NoodsteunpuntValues? Values, List<FieldError> Errors) Validate(NoodsteunpuntFields f, IReadOnlySet<string> buurten, string gemeenteName)
    {
        var checks = new FieldChecks();
        var name = checks.Text(Naam, "de naam", f.Name, FieldChecks.MaxName, required: true);
        var buildingType = BuildingTypes.Find(f.BuildingType);
        if (buildingType is null && !FieldChecks.Empty(f.BuildingType))
        {
            checks.Errors.Add(new(Gebouwtype, $"'{f.BuildingType!.Trim()}' is geen gebouwtype. Kies uit: {string.Join(", ", BuildingTypes.All.Select(t => t.Code))}."));
        }
        // Empty is a new (planned) noodsteunpunt.
        var status = FieldChecks.Empty(f.Status) ? NoodsteunpuntStatus.Gepland : NoodsteunpuntStatus.Find(f.Status);
        if (status is null)
        {
            checks.Errors.Add(new(Status, $"'{f.Status!.Trim()}' is geen status. Kies uit: {string.Join(", ", NoodsteunpuntStatus.All.Select(s => s.Code))}."));
        }
        var address = checks.Text(Adres, "het adres", f.Address, FieldChecks.MaxAddress);
        var postcode = checks.Postcode(Postcode, f.Postcode);
        var buurt = checks.Buurt(Buurtcode, f.BuurtCode, buurten, gemeenteName);
        var (lat, lon) = checks.Coordinates(Breedtegraad, f.Latitude, Lengtegraad, f.Longitude);
        var capacity = checks.WholeNumber(Capaciteit, "de capaciteit", f.Capacity, 0, FieldChecks.MaxPeople);
        var opening = checks.Text(Openingsregeling, "de openingsregeling", f.OpeningArrangement, MaxText, multiLine: true);
        var power = checks.YesNo(Noodstroom, "Noodstroom", f.BackupPower);
        var powerHours = checks.WholeNumber(NoodstroomUren, "het aantal uren noodstroom", f.BackupPowerHours, 0, MaxHours);
        if (powerHours > 0 && power == false)
        {
            checks.Errors.Add(new(NoodstroomUren, "Vul alleen uren noodstroom in als er noodstroom is (noodstroom ja)."));
        }
        var facilities = Facilities.Select(x => checks.YesNo(x.Column, x.Label, x.Typed(f))).ToList();
        var communication = CommunicationMeans.Select(x => checks.YesNo(x.Column, x.Label, x.Typed(f))).ToList();
        var staff = checks.WholeNumber(Medewerkers, "het aantal medewerkers", f.Staff, 0, MaxStaff);
        var volunteers = checks.WholeNumber(Vrijwilligers, "het aantal vrijwilligers", f.Volunteers, 0, MaxStaff);
        var shifts = checks.WholeNumber(DienstenPerDag, "het aantal diensten per dag", f.ShiftsPerDay, 0, MaxShifts);
        var partners = checks.Text(Partners, "de partners", f.Partners, MaxText, multiLine: true);
        var contactName = checks.Text(ContactNaam, "de naam van de contactpersoon", f.ContactName, FieldChecks.MaxName);
        var contactPhone = checks.Phone(ContactTelefoon, f.ContactPhone);
        var contactEmail = checks.Email(ContactEmail, f.ContactEmail);
        var notes = checks.Text(Opmerkingen, "de opmerkingen", f.Notes, FieldChecks.MaxNotes, multiLine: true);
        if (checks.Errors.Count > 0)
        {
            return (null, checks.Errors);
        }
        return (new NoodsteunpuntValues(name!, address, postcode, buurt, lat, lon, capacity, power!.Value, notes,
            buildingType, status!, opening, powerHours,
            facilities[0]!.Value, facilities[1]!.Value, facilities[2]!.Value, facilities[3]!.Value, facilities[4]!.Value, facilities[5]!.Value,
            communication[0]!.Value, communication[1]!.Value, communication[2]!.Value, communication[3]!.Value,
            staff, volunteers, shifts, partners, contactName, contactPhone, contactEmail), checks.Errors);
    }

    public static string YesNo(bool value) => value ? "ja" : "nee";

    public static NoodsteunpuntFields FieldsOf(Noodsteunpunt n) => new(
        n.Name, n.Address, n.Postcode, n.BuurtCode, VulnerableLocationRules.Number(n.Latitude), VulnerableLocationRules.Number(n.Longitude),
        VulnerableLocationRules.Number(n.Capacity), YesNo(n.HasBackupPower), n.Notes,
        n.BuildingType, n.Status, n.OpeningArrangement, VulnerableLocationRules.Number(n.BackupPowerHours),
        YesNo(n.HasDrinkingWater), YesNo(n.HasHeating), YesNo(n.HasFirstAid), YesNo(n.HasToilets), YesNo(n.IsWheelchairAccessible), YesNo(n.HasCharging),
        YesNo(n.HasSatellite), YesNo(n.HasC2000), YesNo(n.HasRadio), YesNo(n.HasMobile),
        VulnerableLocationRules.Number(n.Staff), VulnerableLocationRules.Number(n.Volunteers), VulnerableLocationRules.Number(n.ShiftsPerDay),
        n.Partners, n.ContactName, n.ContactPhone, n.ContactEmail);

    /// <summary>The fields in the order of <see cref="Columns"/> (a CSV row).</summary>
    public static IReadOnlyList<string?> Row(NoodsteunpuntFields f) =>
    [
        f.Name, f.BuildingType, f.Status, f.Address, f.Postcode, f.BuurtCode, f.Latitude, f.Longitude, f.Capacity, f.OpeningArrangement,
        f.BackupPower, f.BackupPowerHours, f.DrinkingWater, f.Heating, f.FirstAid, f.Toilets, f.WheelchairAccessible, f.Charging,
        f.Satellite, f.C2000, f.Radio, f.Mobile, f.Staff, f.Volunteers, f.ShiftsPerDay,
        f.Partners, f.ContactName, f.ContactPhone, f.ContactEmail, f.Notes,
    ];

    /// <summary>The fields from values keyed by column (a CSV row or a posted form); a missing key is empty.</summary>
    public static NoodsteunpuntFields FieldsFrom(Func<string, string?> v) => new(
        v(Naam), v(Adres), v(Postcode), v(Buurtcode), v(Breedtegraad), v(Lengtegraad), v(Capaciteit), v(Noodstroom), v(Opmerkingen),
        v(Gebouwtype), v(Status), v(Openingsregeling), v(NoodstroomUren),
        v(Drinkwater), v(Verwarming), v(Ehbo), v(Toiletten), v(Rolstoeltoegankelijk), v(Opladen),
        v(Satelliet), v(C2000), v(Noodradio), v(Mobiel),
        v(Medewerkers), v(Vrijwilligers), v(DienstenPerDag),
        v(Partners), v(ContactNaam), v(ContactTelefoon), v(ContactEmail));
}
