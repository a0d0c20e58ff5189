using Weerbaar.Web.Features.Scan.Responses;
using R = Weerbaar.Web.Features.Locations.VulnerableLocationRules;

namespace Weerbaar.Web.Features.Locations;

/// <summary>The vulnerable locations file: columns <see cref="VulnerableLocationRules.Columns"/>, one location per row.</summary>
public static class VulnerableLocationCsv
{
    private static readonly HashSet<string> TextColumns = [R.Naam, R.Adres, R.ContactNaam, R.ContactTelefoon, R.ContactEmail, R.Opmerkingen];

    public static (List<VulnerableLocationValues> Rows, List<CsvError> Errors) Parse(byte[] bytes, IReadOnlySet<string> buurten, string gemeenteName)
    {
        var (rows, errors) = RegisterCsv.Read(bytes, R.Columns, TextColumns, "kwetsbare locaties");
        var valid = new List<VulnerableLocationValues>();
        foreach (var (row, v) in rows.Where(r => r.Values.Count > 0))
        {
            var fields = new VulnerableLocationFields(v[R.Categorie], v[R.Naam], v[R.Adres], v[R.Postcode], v[R.Buurtcode], v[R.Breedtegraad], v[R.Lengtegraad],
                v[R.AantalPersonen], v[R.UrenZonderStroom], v[R.UrenZonderWater], v[R.UrenZonderCommunicatie], v[R.AfhankelijkVan],
                v[R.ContactNaam], v[R.ContactTelefoon], v[R.ContactEmail], v[R.Opmerkingen]);
            var (values, rowErrors) = R.Validate(fields, buurten, gemeenteName);
            errors.AddRange(RegisterCsv.At(row, rowErrors));
            if (values is not null)
            {
                valid.Add(values);
            }
        }
        return (valid, errors.OrderBy(e => e.Row).ToList());
    }

    public static byte[] Write(IEnumerable<VulnerableLocation> locations) => RegisterCsv.Write(R.Columns, locations.Select(l =>
    {
        var f = R.FieldsOf(l);
        return (IReadOnlyList<string?>)[f.Category, f.Name, f.Address, f.Postcode, f.BuurtCode, f.Latitude, f.Longitude, f.People, f.HoursWithoutPower,
            f.HoursWithoutWater, f.HoursWithoutCommunication, f.Dependencies, f.ContactName, f.ContactPhone, f.ContactEmail, f.Notes];
    }), TextColumns);
}
