using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Locations;
using Weerbaar.Web.Features.Scan.Responses;

namespace Weerbaar.Web.Features.Siting;

/// <summary>The candidate sites of a gemeente: a register like the others (form, CSV all-or-nothing, export, API).</summary>
public sealed class SitingCandidateRegister(AppDbContext db, TimeProvider clock)
    : Register<SitingCandidate, SitingCandidateFields, SitingCandidateValues>(db, clock)
{
    protected override DbSet<SitingCandidate> Set => Db.SitingCandidates;

    protected override IEnumerable<SitingCandidate> Sort(IEnumerable<SitingCandidate> rows)
        => rows.OrderBy(c => c.Name, VulnerableLocationRegister.Names).ThenBy(c => c.Id);

    protected override (SitingCandidateValues?, List<FieldError>) Validate(SitingCandidateFields fields, IReadOnlySet<string> buurten, string gemeenteName)
        => SitingCandidateRules.Validate(fields);

    protected override (List<SitingCandidateValues>, List<CsvError>) Parse(byte[] bytes, IReadOnlySet<string> buurten, string gemeenteName)
        => SitingCandidateCsv.Parse(bytes);

    protected override byte[] Write(IEnumerable<SitingCandidate> rows) => SitingCandidateCsv.Write(rows);

    protected override SitingCandidate Create(string gemeente, SitingCandidateValues values, string user)
    {
        var c = new SitingCandidate { GemeenteCode = gemeente, Name = values.Name, UpdatedBy = user };
        Apply(c, values, user);
        return c;
    }

    protected override void Apply(SitingCandidate entity, SitingCandidateValues values, string user)
    {
        values.ApplyTo(entity);
        (entity.UpdatedBy, entity.UpdatedAt) = (user, Now);
    }
}
