using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Accounts;

namespace Weerbaar.Web.Features.Programme.Planning;

/// <summary>What became of a save: stored, refused with field errors, refused because someone else saved first, or gone.</summary>
public abstract record AgreementOutcome
{
    public sealed record Saved(PartnerAgreement Agreement) : AgreementOutcome;
    public sealed record Invalid(List<FieldError> Errors) : AgreementOutcome;
    public sealed record Conflict(string UpdatedBy, DateTimeOffset UpdatedAt) : AgreementOutcome;
    public sealed record NotFound : AgreementOutcome;
}

/// <summary>Reads and changes a gemeente's partner agreements; a change with a stale version is refused and changes nothing.</summary>
public sealed class PartnerAgreementStore(AppDbContext db, MeasuresCatalogue catalogue, TimeProvider clock)
{
    public Task<List<PartnerAgreement>> ListAsync(string gemeenteCode, CancellationToken ct)
        => db.PartnerAgreements.AsNoTracking().Where(a => a.GemeenteCode == gemeenteCode)
            .OrderBy(a => a.ReviewDate).ThenBy(a => a.Partner).ThenBy(a => a.Id).ToListAsync(ct);

    public Task<PartnerAgreement?> FindAsync(string gemeenteCode, Guid id, CancellationToken ct)
        => db.PartnerAgreements.AsNoTracking().FirstOrDefaultAsync(a => a.GemeenteCode == gemeenteCode && a.Id == id, ct);

    /// <param name="id">Null adds a new agreement.</param>
    /// <param name="version">The version the editor saw; required for a change.</param>
    public async Task<AgreementOutcome> SaveAsync(string gemeenteCode, Guid? id, PartnerAgreementInput input, int? version, string user, CancellationToken ct)
    {
        PartnerAgreement? row = null;
        if (id is { } existing)
        {
            row = await db.PartnerAgreements.FirstOrDefaultAsync(a => a.GemeenteCode == gemeenteCode && a.Id == existing, ct);
            if (row is null)
            {
                return new AgreementOutcome.NotFound();
            }
            if (version != row.Version)
            {
                return new AgreementOutcome.Conflict(row.UpdatedBy, row.UpdatedAt);
            }
        }
        var numbers = (await db.ProgrammeActions.Where(a => a.GemeenteCode == gemeenteCode).Select(a => a.Number).ToListAsync(ct)).ToHashSet();
        var (values, errors) = PartnerAgreementRules.Check(input, catalogue, numbers);
        if (values is null)
        {
            return new AgreementOutcome.Invalid(errors);
        }
        if (row is null)
        {
            row = new PartnerAgreement { GemeenteCode = gemeenteCode, Partner = values.Partner, Subject = values.Subject, UpdatedBy = user };
            db.PartnerAgreements.Add(row);
        }
        row.Partner = values.Partner;
        row.Subject = values.Subject;
        row.Contact = values.Contact;
        row.AgreedOn = values.AgreedOn;
        row.ReviewDate = values.ReviewDate;
        row.ActionNumbers = values.ActionNumbers;
        row.Version++;
        row.UpdatedBy = user;
        row.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await FindAsync(gemeenteCode, row.Id, ct) is { } current
                ? new AgreementOutcome.Conflict(current.UpdatedBy, current.UpdatedAt)
                : new AgreementOutcome.NotFound();
        }
        return new AgreementOutcome.Saved(row);
    }

    /// <summary>False when there is no such agreement in this gemeente.</summary>
    public async Task<bool> DeleteAsync(string gemeenteCode, Guid id, CancellationToken ct)
        => await db.PartnerAgreements.Where(a => a.GemeenteCode == gemeenteCode && a.Id == id).ExecuteDeleteAsync(ct) > 0;
}
