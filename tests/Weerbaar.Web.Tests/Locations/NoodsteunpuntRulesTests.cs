using System.Text;
using Weerbaar.Web.Features.Locations;
using R = Weerbaar.Web.Features.Locations.NoodsteunpuntRules;

namespace Weerbaar.Web.Tests.Locations;

/// <summary>The rules of a noodsteunpunt and its CSV file, without a database.</summary>
public sealed class NoodsteunpuntRulesTests
{
    private static readonly HashSet<string> Buurten = ["BU03440111", "BU03440112"];

    /// <summary>A valid noodsteunpunt with every field filled, keyed by CSV column.</summary>
    private static Dictionary<string, string> Complete() => new()
    {
        [R.Naam] = "Wijkcentrum De Schakel",
        [R.Gebouwtype] = "Buurthuis",
        [R.Status] = " Actief ",
        [R.Adres] = "Plein 1",
        [R.Postcode] = "3511ab",
        [R.Buurtcode] = "bu03440111",
        [R.Breedtegraad] = "52,09071",
        [R.Lengtegraad] = "5.12142",
        [R.Capaciteit] = "150",
        [R.Openingsregeling] = "Binnen 2 uur na stroomuitval open,\nsleutel bij de beheerder.",
        [R.Noodstroom] = "JA",
        [R.NoodstroomUren] = "72",
        [R.Drinkwater] = "ja",
        [R.Verwarming] = "ja",
        [R.Ehbo] = "ja",
        [R.Toiletten] = "ja",
        [R.Rolstoeltoegankelijk] = "ja",
        [R.Opladen] = "ja",
        [R.Satelliet] = "ja",
        [R.C2000] = "ja",
        [R.Noodradio] = "ja",
        [R.Mobiel] = "ja",
        [R.Medewerkers] = "4",
        [R.Vrijwilligers] = "18",
        [R.DienstenPerDag] = "3",
        [R.Partners] = "Rode Kruis; buurtteam",
        [R.ContactNaam] = "Beheerder",
        [R.ContactTelefoon] = "+31 30 123 45 67",
        [R.ContactEmail] = "schakel@example.nl",
        [R.Opmerkingen] = "Let op: parkeren achter.",
    };

    private static NoodsteunpuntFields With(string column, string value)
    {
        var v = Complete();
        v[column] = value;
        return R.FieldsFrom(c => v[c]);
    }

    private static List<string> ErrorColumns(NoodsteunpuntFields f) => R.Validate(f, Buurten, "Utrecht").Errors.Select(e => e.Field).ToList();

    [Fact]
    public void A_complete_noodsteunpunt_is_normalised()
    {
        var (v, errors) = R.Validate(R.FieldsFrom(c => Complete()[c]), Buurten, "Utrecht");
        Assert.Empty(errors);
        Assert.Equal((BuildingTypes.Buurthuis, NoodsteunpuntStatus.Actief, "3511 AB", "BU03440111"), (v!.BuildingType, v.Status, v.Postcode, v.BuurtCode));
        Assert.Equal((52.09071, 5.12142, 150, 72), (v.Latitude!.Value, v.Longitude!.Value, v.Capacity!.Value, v.BackupPowerHours!.Value));
        Assert.True(v.HasBackupPower && v.HasDrinkingWater && v.HasHeating && v.HasFirstAid && v.HasToilets && v.IsWheelchairAccessible && v.HasCharging);
        Assert.True(v.HasSatellite && v.HasC2000 && v.HasRadio && v.HasMobile);
        Assert.Equal((4, 18, 3), (v.Staff!.Value, v.Volunteers!.Value, v.ShiftsPerDay!.Value));
        Assert.Equal(("Rode Kruis; buurtteam", "Beheerder", "+31 30 123 45 67", "schakel@example.nl"), (v.Partners, v.ContactName, v.ContactPhone, v.ContactEmail));
        Assert.Contains("\nsleutel", v.OpeningArrangement, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_name_is_needed_and_a_new_noodsteunpunt_is_planned()
    {
        var (v, errors) = R.Validate(new NoodsteunpuntFields("Dorpshuis", null, null, null, null, null, null, null, null), Buurten, "Utrecht");
        Assert.Empty(errors);
        Assert.Equal((NoodsteunpuntStatus.Gepland, (string?)null, (int?)null), (v!.Status, v.BuildingType, v.BackupPowerHours));
        Assert.False(v.HasBackupPower || v.HasDrinkingWater || v.HasHeating || v.HasFirstAid || v.HasToilets || v.IsWheelchairAccessible || v.HasCharging
            || v.HasSatellite || v.HasC2000 || v.HasRadio || v.HasMobile);
        Assert.Equal(NoodsteunpuntStatus.Gepland, NoodsteunpuntFields.Empty.Status);
    }

    [Theory]
    [InlineData("gebouwtype", "kerk")]
    [InlineData("status", "open")]
    [InlineData("noodstroom_uren", "721")]
    [InlineData("noodstroom_uren", "-1")]
    [InlineData("noodstroom_uren", "2,5")]
    [InlineData("drinkwater", "misschien")]
    [InlineData("verwarming", "1")]
    [InlineData("ehbo", "yes")]
    [InlineData("toiletten", "j")]
    [InlineData("rolstoeltoegankelijk", "deels")]
    [InlineData("opladen", "x")]
    [InlineData("satelliet", "true")]
    [InlineData("c2000", "n")]
    [InlineData("noodradio", "portofoon")]
    [InlineData("mobiel", "soms")]
    [InlineData("medewerkers", "10001")]
    [InlineData("medewerkers", "veel")]
    [InlineData("vrijwilligers", "-3")]
    [InlineData("diensten_per_dag", "25")]
    [InlineData("diensten_per_dag", "1.5")]
    [InlineData("contact_telefoon", "bel mij")]
    [InlineData("contact_email", "geen-adres")]
    [InlineData("contact_naam", "Jan\tJansen")]
    [InlineData("naam", "")]
    public void One_bad_value_is_one_error_on_its_column(string column, string value)
        => Assert.Equal([column], ErrorColumns(With(column, value)));

    [Theory]
    [InlineData("openingsregeling")]
    [InlineData("partners")]
    public void Long_texts_are_at_most_1000_characters(string column)
    {
        Assert.Empty(ErrorColumns(With(column, new string('a', R.MaxText))));
        var error = Assert.Single(R.Validate(With(column, new string('a', R.MaxText + 1)), Buurten, "Utrecht").Errors);
        Assert.Equal((column, true), (error.Field, error.Message.Contains("langer dan 1000 tekens", StringComparison.Ordinal)));
    }

    [Fact]
    public void Ja_nee_and_numbers_accept_the_edges_and_messages_are_Dutch()
    {
        Assert.Empty(ErrorColumns(With(R.NoodstroomUren, "720")));
        Assert.Empty(ErrorColumns(With(R.NoodstroomUren, "0")));
        Assert.Empty(ErrorColumns(With(R.DienstenPerDag, "24")));
        Assert.Empty(ErrorColumns(With(R.Drinkwater, " Nee ")));
        Assert.Empty(ErrorColumns(With(R.Drinkwater, "")));
        Assert.Empty(ErrorColumns(With(R.Status, "GEREED")));
        Assert.Empty(ErrorColumns(With(R.Gebouwtype, "")));
        var messages = R.Validate(With(R.Status, "open") with { BuildingType = "kerk", Heating = "misschien" }, Buurten, "Utrecht").Errors.Select(e => e.Message).ToList();
        Assert.Equal([
            "'kerk' is geen gebouwtype. Kies uit: gemeentehuis, school, buurthuis, sporthal, gebedshuis, bibliotheek, brandweerkazerne, zorginstelling, bedrijf, anders.",
            "'open' is geen status. Kies uit: gepland, gereed, actief.",
            "Verwarming is 'ja' of 'nee' (niet 'misschien')."], messages);
    }

    [Fact]
    public void Hours_of_backup_power_need_backup_power()
    {
        Assert.Equal(["noodstroom_uren"], ErrorColumns(With(R.Noodstroom, "nee")));
        Assert.Empty(ErrorColumns(With(R.Noodstroom, "nee") with { BackupPowerHours = "0" }));
        Assert.Empty(ErrorColumns(With(R.Noodstroom, "nee") with { BackupPowerHours = null }));
    }

    [Fact]
    public void A_planned_noodsteunpunt_from_the_factory_is_valid_and_planned()
    {
        var planned = NoodsteunpuntValues.Planned("Voorgesteld punt", 52.09, 5.12, "BU03440112");
        Assert.Equal((NoodsteunpuntStatus.Gepland, 52.09, 5.12, "BU03440112"), (planned.Status, planned.Latitude!.Value, planned.Longitude!.Value, planned.BuurtCode));
        var entity = new Noodsteunpunt { GemeenteCode = "GM0344", Name = "x", UpdatedBy = "test", Status = NoodsteunpuntStatus.Actief };
        planned.ApplyTo(entity);
        Assert.Equal(NoodsteunpuntStatus.Gepland, entity.Status);
        var (again, errors) = R.Validate(R.FieldsOf(entity), Buurten, "Utrecht");
        Assert.Empty(errors);
        Assert.Equal(planned, again);
    }

    [Fact]
    public void Status_and_building_types_are_code_lists_with_Dutch_labels()
    {
        Assert.Equal(["gepland", "gereed", "actief"], NoodsteunpuntStatus.All.Select(s => s.Code));
        Assert.Equal("Gereed", NoodsteunpuntStatus.Label(NoodsteunpuntStatus.Gereed));
        Assert.Equal(NoodsteunpuntStatus.Actief, NoodsteunpuntStatus.Find(" ACTIEF"));
        Assert.Null(NoodsteunpuntStatus.Find("open"));
        Assert.Equal("Kerk, moskee of ander gebedshuis", BuildingTypes.Label(BuildingTypes.Gebedshuis));
        Assert.Equal(10, BuildingTypes.All.Count);
    }

    [Fact]
    public void The_file_reports_every_error_in_the_new_columns_by_row_and_column()
    {
        var file = RegisterFiles.PointsFile(
            RegisterFiles.Point("Goed", status: "gereed", power: "ja", powerHours: "48"),
            RegisterFiles.Point("Kerk", type: "kerk", status: "open"),
            RegisterFiles.Point("Sporthal", powerHours: "12", water: "misschien", c2000: "wel"),
            RegisterFiles.Point("Buurthuis", staff: "veel", shifts: "30", contactPhone: "bellen", contactEmail: "@"));
        var (rows, errors) = NoodsteunpuntCsv.Parse(Encoding.UTF8.GetBytes(file), Buurten, "Utrecht");
        Assert.Equal([(3, "gebouwtype"), (3, "status"), (4, "noodstroom_uren"), (4, "drinkwater"), (4, "c2000"),
            (5, "medewerkers"), (5, "diensten_per_dag"), (5, "contact_telefoon"), (5, "contact_email")], errors.Select(e => (e.Row, e.Column)));
        Assert.Single(rows);
    }

    [Fact]
    public void The_export_of_a_fully_filled_noodsteunpunt_reads_back_the_same()
    {
        var (values, _) = R.Validate(R.FieldsFrom(c => Complete()[c]), Buurten, "Utrecht");
        var entity = new Noodsteunpunt { GemeenteCode = "GM0344", Name = "x", UpdatedBy = "test" };
        values!.ApplyTo(entity);
        var bytes = NoodsteunpuntCsv.Write([entity]);
        var (rows, errors) = NoodsteunpuntCsv.Parse(bytes, Buurten, "Utrecht");
        Assert.Empty(errors);
        Assert.Equal(values, Assert.Single(rows));
        var again = new Noodsteunpunt { GemeenteCode = "GM0344", Name = "x", UpdatedBy = "test" };
        rows[0].ApplyTo(again);
        Assert.Equal(bytes, NoodsteunpuntCsv.Write([again]));
        Assert.StartsWith(string.Join(",", R.Columns) + "\r\n", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }
}
