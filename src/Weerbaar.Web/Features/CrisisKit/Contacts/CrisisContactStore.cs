using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Shared;

namespace Weerbaar.Web.Features.CrisisKit.Contacts;

/// <summary>What became of a save: stored, refused with field errors, refused because someone else saved first, or gone.</summary>
public abstract record ContactOutcome
{
    public sealed record Saved(CrisisContact Contact) : ContactOutcome;
    public sealed record Invalid(List<FieldError> Errors) : ContactOutcome;
    public sealed record Conflict(string UpdatedBy, DateTimeOffset UpdatedAt) : ContactOutcome;
    public sealed record NotFound : ContactOutcome;
}

/// <summary>Reads and changes a gemeente's crisis contacts; a change with a stale version is refused and changes nothing.</summary>
public sealed class CrisisContactStore(AppDbContext db, TimeProvider clock)
{
    private static readonly StringComparer ByName = StringComparer.Create(Format.Dutch, ignoreCase: true);

    /// <summary>In category order, then sort order, then organisation: the order of the printed crisis kit.</summary>
    public async Task<List<CrisisContact>> ListAsync(string gemeenteCode, CancellationToken ct)
        => [.. (await db.CrisisContacts.AsNoTracking().Where(c => c.GemeenteCode == gemeenteCode).ToListAsync(ct))
            .OrderBy(c => CrisisContactCategories.Rank(c.Category)).ThenBy(c => c.SortOrder).ThenBy(c => c.Organisation, ByName).ThenBy(c => c.Id)];

    public Task<CrisisContact?> FindAsync(string gemeenteCode, Guid id, CancellationToken ct)
        => db.CrisisContacts.AsNoTracking().FirstOrDefaultAsync(c => c.GemeenteCode == gemeenteCode && c.Id == id, ct);

    /// <param name="id">Null adds a new contact.</param>
    /// <param name="version">The version the editor saw; required for a change.</param>
    public async Task<ContactOutcome> SaveAsync(string gemeenteCode, Guid? id, CrisisContactInput input, int? version, string user, CancellationToken ct)
    {
        CrisisContact? row = null;
        if (id is { } existing)
        {
            row = await db.CrisisContacts.FirstOrDefaultAsync(c => c.GemeenteCode == gemeenteCode && c.Id == existing, ct);
            if (row is null)
            {
                return new ContactOutcome.NotFound();
            }
            if (version != row.Version)
            {
                return new ContactOutcome.Conflict(row.UpdatedBy, row.UpdatedAt);
            }
        }
        var (values, errors) = CrisisContactRules.Check(input);
        if (values is null)
        {
            return new ContactOutcome.Invalid(errors);
        }
        if (row is null)
        {
            row = new CrisisContact { GemeenteCode = gemeenteCode, Category = values.Category, Organisation = values.Organisation, UpdatedBy = user };
            db.CrisisContacts.Add(row);
        }
        Apply(row, values);
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
                ? new ContactOutcome.Conflict(current.UpdatedBy, current.UpdatedAt)
                : new ContactOutcome.NotFound();
        }
        return new ContactOutcome.Saved(row);
    }

    /// <summary>False when there is no such contact in this gemeente.</summary>
    public async Task<bool> DeleteAsync(string gemeenteCode, Guid id, CancellationToken ct)
        => await db.CrisisContacts.Where(c => c.GemeenteCode == gemeenteCode && c.Id == id).ExecuteDeleteAsync(ct) > 0;

    internal static void Apply(CrisisContact row, CrisisContactValues values)
    {
        row.Category = values.Category;
        row.Organisation = values.Organisation;
        row.Name = values.Name;
        row.Phone = values.Phone;
        row.Email = values.Email;
        row.Available = values.Available;
        row.C2000 = values.C2000;
        row.Satellite = values.Satellite;
        row.Radio = values.Radio;
        row.OtherMeans = values.OtherMeans;
        row.Notes = values.Notes;
        row.SortOrder = values.SortOrder;
    }
}
