using System.Text;
using Weerbaar.Web.Features.Locations;
using R = Weerbaar.Web.Features.Locations.VulnerableLocationRules;

namespace Weerbaar.Web.Tests.Locations;

/// <summary>The one validator of the registers and the CSV file rules, without a database.</summary>
public sealed class RegisterRulesTests
{
    private static readonly HashSet<string> Buurten = ["BU03440111", "BU03440112"];

    private static VulnerableLocationFields Fields(string category = "verpleeghuis", string? name = "Zorgcentrum", string? address = null, string? postcode = null,
        string? buurt = null, string? lat = null, string? lon = null, string? people = "10", string? power = null, string? deps = null,
        string? contactName = null, string? phone = null, string? email = null)
        => new(category, name, address, postcode, buurt, lat, lon, people, power, null, null, deps, contactName, phone, email, null);

    private static List<string> ErrorColumns(VulnerableLocationFields f) => R.Validate(f, Buurten, "Utrecht").Errors.Select(e => e.Field).ToList();

    [Fact]
    public void A_complete_location_is_normalised()
    {
        var (v, errors) = R.Validate(Fields(category: " Verpleeghuis ", address: " Straat 1 ", postcode: "3511ab", buurt: "bu03440111", lat: "52,0907", lon: "5.1214",
            deps: "koeling; stroom;stroom", phone: "+31 30 123 45 67", email: "zorg@example.nl"), Buurten, "Utrecht");
        Assert.Empty(errors);
        Assert.Equal(("verpleeghuis", "Straat 1", "3511 AB", "BU03440111"), (v!.Category, v.Address, v.Postcode, v.BuurtCode));
        Assert.Equal((52.0907, 5.1214), (v.Latitude!.Value, v.Longitude!.Value));
        Assert.Equal(["stroom", "koeling"], v.Dependencies); // list order, no repeats
    }

    [Theory]
    [InlineData("postcode", "0123 AB")]
    [InlineData("postcode", "3511")]
    [InlineData("buurtcode", "BU03630000")]
    [InlineData("uren_zonder_stroom", "721")]
    [InlineData("uren_zonder_stroom", "-1")]
    [InlineData("uren_zonder_stroom", "4,5")]
    [InlineData("aantal_personen", "")]
    [InlineData("aantal_personen", "100001")]
    [InlineData("afhankelijk_van", "stroom;wifi")]
    [InlineData("contact_telefoon", "bel mij")]
    [InlineData("contact_email", "geen-adres")]
    [InlineData("categorie", "kerk")]
    [InlineData("naam", "")]
    public void One_bad_value_is_one_error_on_its_column(string column, string value)
    {
        var f = column switch
        {
            "postcode" => Fields(postcode: value),
            "buurtcode" => Fields(buurt: value),
            "uren_zonder_stroom" => Fields(power: value),
            "aantal_personen" => Fields(people: value),
            "afhankelijk_van" => Fields(deps: value),
            "contact_telefoon" => Fields(phone: value),
            "contact_email" => Fields(email: value),
            "categorie" => Fields(category: value),
            _ => Fields(name: value),
        };
        Assert.Equal([column], ErrorColumns(f));
    }

    [Fact]
    public void Coordinates_lie_in_the_Netherlands_and_come_in_pairs()
    {
        Assert.Equal(["lengtegraad"], ErrorColumns(Fields(lat: "52.1")));
        Assert.Equal(["breedtegraad"], ErrorColumns(Fields(lon: "5.1")));
        Assert.Equal(["breedtegraad"], ErrorColumns(Fields(lat: "48.85", lon: "5.1")));   // Paris latitude
        Assert.Equal(["lengtegraad"], ErrorColumns(Fields(lat: "52.1", lon: "7.31")));
        Assert.Empty(ErrorColumns(Fields(lat: "50.7", lon: "7.3")));                       // the box's corner is inside
    }

    [Fact]
    public void Aggregated_counts_have_no_address_coordinates_or_contact_and_at_least_one_person()
    {
        Assert.Empty(ErrorColumns(Fields(category: "thuisdialyse", name: "Thuisdialyse", buurt: "BU03440112", people: "3")));
        var refused = R.Validate(Fields(category: "thuisbeademing", name: "Beademing", address: "Straat 1", postcode: "3511 AB", lat: "52.1", lon: "5.1",
            contactName: "Jan", phone: "0301234567", email: "jan@example.nl", people: "0"), Buurten, "Utrecht").Errors;
        Assert.Equal(["aantal_personen", "adres", "postcode", "breedtegraad", "lengtegraad", "contact_naam", "contact_telefoon", "contact_email"],
            refused.Select(e => e.Field));
        Assert.Contains("zonder adres, postcode, coördinaten of contactpersoon", refused[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Noodstroom_is_ja_or_nee()
    {
        Assert.True(NoodsteunpuntRules.Validate(new("Wijkcentrum", null, null, null, null, null, "100", "JA", null), Buurten, "Utrecht").Values!.HasBackupPower);
        Assert.False(NoodsteunpuntRules.Validate(new("Wijkcentrum", null, null, null, null, null, null, "", null), Buurten, "Utrecht").Values!.HasBackupPower);
        Assert.Equal(["noodstroom"], NoodsteunpuntRules.Validate(new("Wijkcentrum", null, null, null, null, null, null, "misschien", null), Buurten, "Utrecht").Errors.Select(e => e.Field));
    }

    private static readonly string Header = string.Join(",", R.Columns);

    [Fact]
    public void A_file_of_the_wrong_kind_empty_or_too_long_is_refused_as_a_whole()
    {
        static string Only(byte[] bytes) => Assert.Single(VulnerableLocationCsv.Parse(bytes, Buurten, "Utrecht").Errors).Message;

        Assert.Contains("kopregel", Only(Encoding.UTF8.GetBytes("respondent,gemeentecode,ingevuld_op\r\na,GM0344,2025-12-15\r\n")), StringComparison.Ordinal);
        Assert.Contains("geen UTF-8", Only([0x50, 0x4B, 0x03, 0x04, 0xFF, 0xFE, 0x00, 0x81]), StringComparison.Ordinal); // a zip (xlsx) header
        Assert.Equal("Het bestand is leeg.", Only([]));
        Assert.Contains("alleen een kopregel", Only(Encoding.UTF8.GetBytes(Header + "\r\n")), StringComparison.Ordinal);
        var row = "school,School,,,,,,10,,,,,,,,";
        var tooLong = string.Join("\r\n", Enumerable.Repeat(row, RegisterCsv.MaxRows + 1).Prepend(Header));
        Assert.Contains($"meer dan {RegisterCsv.MaxRows} rijen", Only(Encoding.UTF8.GetBytes(tooLong)), StringComparison.Ordinal);
        var justRight = string.Join("\r\n", Enumerable.Repeat(row, RegisterCsv.MaxRows).Prepend(Header));
        Assert.Equal(RegisterCsv.MaxRows, VulnerableLocationCsv.Parse(Encoding.UTF8.GetBytes(justRight), Buurten, "Utrecht").Rows.Count);
        Assert.Contains("groter dan 2 MB", Only(new byte[RegisterCsv.MaxBytes + 1]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_semicolon_file_as_Dutch_Excel_writes_it_is_read()
    {
        var csv = string.Join(";", R.Columns) + "\r\nverpleeghuis;\"Huis; met puntkomma\";;;;52,09;5,12;12;;;;\"stroom;drinkwater\";;;;\r\n";
        var (rows, errors) = VulnerableLocationCsv.Parse(Encoding.UTF8.GetBytes("\uFEFF" + csv), Buurten, "Utrecht");
        Assert.Empty(errors);
        var v = Assert.Single(rows);
        Assert.Equal(("Huis; met puntkomma", 52.09, 5.12, 12), (v.Name, v.Latitude!.Value, v.Longitude!.Value, v.People));
        Assert.Equal(["stroom", "drinkwater"], v.Dependencies);
    }
}
