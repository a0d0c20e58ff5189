using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.Programme;

/// <summary>Creates, changes and deletes a gemeente's actions; every problem is reported at once and nothing is half saved.</summary>
public sealed class ProgrammeActionStore(AppDbContext db, MeasuresCatalogue catalogue, TimeProvider clock)
{
    private const int NumberAttempts = 5;

    public async Task<ProgrammeActionOutcome> CreateAsync(string gemeenteCode, ProgrammeActionInput input, string user, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (programme, others) = await ContextAsync(gemeenteCode, ct);
            var number = others.Count == 0 ? 1 : others.Max(a => a.Number) + 1;
            var row = new ProgrammeAction
            {
                GemeenteCode = gemeenteCode,
                Number = number,
                Title = "",
                Pillar = "",
                Phase = "",
                OwnerDepartment = "",
                CreatedBy = user,
                UpdatedBy = user,
            };
            var errors = ProgrammeActionValidator.Apply(row, input, catalogue, programme, others);
            if (errors.Count > 0)
            {
                return new ProgrammeActionOutcome.Invalid(errors);
            }
            row.Version = 1;
            row.CreatedAt = row.UpdatedAt = clock.GetUtcNow();
            db.ProgrammeActions.Add(row);
            try
            {
                await db.SaveChangesAsync(ct);
                return new ProgrammeActionOutcome.Saved(row);
            }
            catch (DbUpdateException) when (attempt < NumberAttempts)
            {
                // Another action took this number in between (unique index): number again.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <param name="version">The version the editor saw; a different stored version is a conflict and nothing changes.</param>
    public async Task<ProgrammeActionOutcome> UpdateAsync(string gemeenteCode, int number, ProgrammeActionInput input, int? version, string user, CancellationToken ct)
    {
        var row = await db.ProgrammeActions.FirstOrDefaultAsync(a => a.GemeenteCode == gemeenteCode && a.Number == number, ct);
        if (row is null)
        {
            return new ProgrammeActionOutcome.NotFound();
        }
        if (version is null)
        {
            return new ProgrammeActionOutcome.Invalid([new(ProgrammeActionFields.Version, "De versie ontbreekt; haal de actie opnieuw op en stuur de versie mee.")]);
        }
        if (version != row.Version)
        {
            return new ProgrammeActionOutcome.Conflict(row.UpdatedBy);
        }
        var (programme, others) = await ContextAsync(gemeenteCode, ct);
        var errors = ProgrammeActionValidator.Apply(row, input, catalogue, programme, others);
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new ProgrammeActionOutcome.Invalid(errors);
        }
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
            var current = await db.ProgrammeActions.AsNoTracking().FirstOrDefaultAsync(a => a.GemeenteCode == gemeenteCode && a.Number == number, ct);
            return current is null ? new ProgrammeActionOutcome.NotFound() : new ProgrammeActionOutcome.Conflict(current.UpdatedBy);
        }
        return new ProgrammeActionOutcome.Saved(row);
    }

    /// <summary>Deletes the action and its status history; refused while other actions wait for it.</summary>
    public async Task<ProgrammeActionOutcome> DeleteAsync(string gemeenteCode, int number, int? version, CancellationToken ct)
    {
        var actions = await db.ProgrammeActions.Where(a => a.GemeenteCode == gemeenteCode).ToListAsync(ct);
        if (actions.FirstOrDefault(a => a.Number == number) is not { } row)
        {
            return new ProgrammeActionOutcome.NotFound();
        }
        if (version is { } v && v != row.Version)
        {
            return new ProgrammeActionOutcome.Conflict(row.UpdatedBy);
        }
        var dependents = actions.Where(a => a.Dependencies.Any(d => d.PredecessorNumber == number)).OrderBy(a => a.Number).Select(a => a.Label).ToList();
        if (dependents.Count > 0)
        {
            return new ProgrammeActionOutcome.HasDependents(dependents);
        }
        db.ProgrammeActions.Remove(row);
        // Agreements keep serving the other actions; the number may later belong to a new action.
        foreach (var agreement in await db.PartnerAgreements.Where(p => p.GemeenteCode == gemeenteCode).ToListAsync(ct))
        {
            if (agreement.ActionNumbers.Contains(number))
            {
                agreement.ActionNumbers = [.. agreement.ActionNumbers.Where(n => n != number)];
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new ProgrammeActionOutcome.Conflict(row.UpdatedBy);
        }
        return new ProgrammeActionOutcome.Deleted();
    }

    public static string DependentsMessage(int number, IReadOnlyList<string> labels)
        => $"A-{number} kan niet worden verwijderd: {string.Join(", ", labels)} {(labels.Count == 1 ? "wacht" : "wachten")} erop. Haal eerst die afhankelijkheid weg.";

    private async Task<(GemeenteProgramme Programme, List<ProgrammeAction> Others)> ContextAsync(string gemeenteCode, CancellationToken ct)
    {
        var programme = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.GemeenteCode == gemeenteCode, ct)
            ?? ProgrammeReader.Default(gemeenteCode, Shared.Format.Today(clock));
        var others = await db.ProgrammeActions.AsNoTracking().Where(a => a.GemeenteCode == gemeenteCode).ToListAsync(ct);
        return (programme, others);
    }
}
