using System.Security.Cryptography;
using System.Text.Json;

namespace Weerbaar.Web.Features.CrisisKit;

/// <summary>
/// The canonical JSON of a pack's content (what the offline file carries and the API returns), its SHA-256, and a hash
/// per section, so a changed source can be named ("de contacten zijn gewijzigd") rather than just "anders".
/// </summary>
public static class PackHash
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static readonly IReadOnlyList<(string Key, string Label)> SectionLabels =
    [
        ("punt", "gegevens van het noodsteunpunt"),
        ("gebied", "verzorgingsgebied en bewoners"),
        ("locaties", "kwetsbare locaties"),
        ("voorraad", "voorraad"),
        ("contacten", "contacten"),
        ("verdeling", "verdeelregels"),
        ("checklist", "checklist eerste 72 uur"),
    ];

    public static readonly IReadOnlyList<(string Key, string Label)> TeamSectionLabels =
    [
        ("samenvatting", "samenvatting van de foto en het bereik"),
        ("noodsteunpunten", "noodsteunpunten en verzorgingsgebieden"),
        ("verdeling", "verdeelregels en besluit"),
        ("scenario", "gekozen scenario en maatregelen"),
        ("contacten", "contacten"),
        ("locaties", "kwetsbare locaties"),
    ];

    public static byte[] Json<T>(T content) => JsonSerializer.SerializeToUtf8Bytes(content, Options);

    public static string Sha256(byte[] json) => Convert.ToHexStringLower(SHA256.HashData(json));

    public static IReadOnlyDictionary<string, string> Sections(NoodsteunpuntPackContent c) => new Dictionary<string, string>
    {
        ["punt"] = Of(c.Point) + Of(c.Gemeente),
        ["gebied"] = Of(c.Catchment),
        ["locaties"] = Of(c.Locations),
        ["voorraad"] = Of(c.Stock),
        ["contacten"] = Of(c.Contacts),
        ["verdeling"] = Of(c.Rules),
        ["checklist"] = Of(c.Checklist),
    };

    public static IReadOnlyDictionary<string, string> Sections(Team.CrisisTeamPackContent c) => new Dictionary<string, string>
    {
        ["samenvatting"] = Of(c.Gemeente) + Of(c.Summary) + Of(c.Coverage),
        ["noodsteunpunten"] = Of(c.Points) + Of(c.Buurten),
        ["verdeling"] = Of(c.Rules),
        ["scenario"] = Of(c.Scenario),
        ["contacten"] = Of(c.Contacts),
        ["locaties"] = Of(c.Locations),
    };

    private static string Of<T>(T value) => Sha256(JsonSerializer.SerializeToUtf8Bytes(value, Options))[..16];
}
