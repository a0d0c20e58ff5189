using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Locations;
using Weerbaar.Web.Features.Scan.Responses;

namespace Weerbaar.Web.Features.Siting;

public sealed record SitingCandidateFields(string? Name, string? Latitude, string? Longitude, string? Capacity, string? Notes)
{
    public static readonly SitingCandidateFields Empty = new(null, null, null, null, null);
}

public sealed record SitingCandidateValues(string Name, double Latitude, double Longitude, int? Capacity, string? Notes)
{
    public void ApplyTo(SitingCandidate c) => (c.Name, c.Latitude, c.Longitude, c.Capacity, c.Notes) = (Name, Latitude, Longitude, Capacity, Notes);
}

/// <summary>The one set of rules for a candidate site (form, CSV import, API); column names as in the CSV file.</summary>
public static class SitingCandidateRules
{
    public const string Naam = "naam", Breedtegraad = "breedtegraad", Lengtegraad = "lengtegraad", Capaciteit = "capaciteit", Opmerkingen = "opmerkingen";

    /// <summary>A site serves at most this many residents (more than the largest gemeente has).</summary>
    public const int MaxCapacity = 1_000_000;

    public static readonly IReadOnlyList<string> Columns = [Naam, Breedtegraad, Lengtegraad, Capaciteit, Opmerkingen];

    public static readonly IReadOnlyDictionary<string, string> JsonNames = new Dictionary<string, string>
    {
        [Naam] = "name",
        [Breedtegraad] = "latitude",
        [Lengtegraad] = "longitude",
        [Capaciteit] = "capacity",
        [Opmerkingen] = "notes",
    };

    public static (SitingCandidateValues? Values, List<FieldError> Errors) Validate(SitingCandidateFields f)
    {
        var checks = new FieldChecks();
        var name = checks.Text(Naam, "de naam", f.Name, FieldChecks.MaxName, required: true);
        var errorsBefore = checks.Errors.Count;
        var (lat, lon) = checks.Coordinates(Breedtegraad, f.Latitude, Lengtegraad, f.Longitude);
        if (lat is null && checks.Errors.Count == errorsBefore)
        {
            // The model needs a place: a candidate without coordinates cannot be chosen.
            checks.Errors.Add(new(Breedtegraad, "Vul breedtegraad en lengtegraad in (of klik op de kaart): zonder plek kan het model de locatie niet kiezen."));
        }
        var capacity = checks.WholeNumber(Capaciteit, "de capaciteit (inwoners)", f.Capacity, 1, MaxCapacity);
        var notes = checks.Text(Opmerkingen, "de opmerkingen", f.Notes, FieldChecks.MaxNotes, multiLine: true);
        return checks.Errors.Count > 0
            ? (null, checks.Errors)
            : (new SitingCandidateValues(name!, lat!.Value, lon!.Value, capacity, notes), checks.Errors);
    }

    public static SitingCandidateFields FieldsOf(SitingCandidate c)
        => new(c.Name, VulnerableLocationRules.Number(c.Latitude), VulnerableLocationRules.Number(c.Longitude), VulnerableLocationRules.Number(c.Capacity), c.Notes);
}

/// <summary>The candidates file: columns <see cref="SitingCandidateRules.Columns"/>, one site per row.</summary>
public static class SitingCandidateCsv
{
    private static readonly HashSet<string> TextColumns = [SitingCandidateRules.Naam, SitingCandidateRules.Opmerkingen];

    public static (List<SitingCandidateValues> Rows, List<CsvError> Errors) Parse(byte[] bytes)
    {
        var (rows, errors) = RegisterCsv.Read(bytes, SitingCandidateRules.Columns, TextColumns, "kandidaatlocaties");
        var valid = new List<SitingCandidateValues>();
        foreach (var (row, v) in rows.Where(r => r.Values.Count > 0))
        {
            var (values, rowErrors) = SitingCandidateRules.Validate(new(v[SitingCandidateRules.Naam], v[SitingCandidateRules.Breedtegraad],
                v[SitingCandidateRules.Lengtegraad], v[SitingCandidateRules.Capaciteit], v[SitingCandidateRules.Opmerkingen]));
            errors.AddRange(RegisterCsv.At(row, rowErrors));
            if (values is not null)
            {
                valid.Add(values);
            }
        }
        return (valid, errors.OrderBy(e => e.Row).ToList());
    }

    public static byte[] Write(IEnumerable<SitingCandidate> candidates) => RegisterCsv.Write(SitingCandidateRules.Columns, candidates.Select(c =>
    {
        var f = SitingCandidateRules.FieldsOf(c);
        return (IReadOnlyList<string?>)[f.Name, f.Latitude, f.Longitude, f.Capacity, f.Notes];
    }), TextColumns);
}
