using Weerbaar.Web.Features.Scan.Responses;
using R = Weerbaar.Web.Features.Locations.NoodsteunpuntRules;

namespace Weerbaar.Web.Features.Locations;

/// <summary>The noodsteunpunten file: columns <see cref="NoodsteunpuntRules.Columns"/>, one noodsteunpunt per row.</summary>
public static class NoodsteunpuntCsv
{
    private static readonly HashSet<string> TextColumns = [R.Naam, R.Adres, R.Openingsregeling, R.Partners, R.ContactNaam, R.ContactTelefoon, R.ContactEmail, R.Opmerkingen];

    public static (List<NoodsteunpuntValues> Rows, List<CsvError> Errors) Parse(byte[] bytes, IReadOnlySet<string> buurten, string gemeenteName)
    {
        var (rows, errors) = RegisterCsv.Read(bytes, R.Columns, TextColumns, "noodsteunpunten");
        var valid = new List<NoodsteunpuntValues>();
        foreach (var (row, v) in rows.Where(r => r.Values.Count > 0))
        {
            var (values, rowErrors) = R.Validate(R.FieldsFrom(column => v[column]), buurten, gemeenteName);
            errors.AddRange(RegisterCsv.At(row, rowErrors));
            if (values is not null)
            {
                valid.Add(values);
            }
        }
        return (valid, errors.OrderBy(e => e.Row).ToList());
    }

    public static byte[] Write(IEnumerable<Noodsteunpunt> points) => RegisterCsv.Write(R.Columns, points.Select(n => R.Row(R.FieldsOf(n))), TextColumns);
}
