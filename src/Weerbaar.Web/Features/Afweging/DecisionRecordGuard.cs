using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Weerbaar.Web.Features.Afweging;

/// <summary>
/// Refuses every save that would change or remove a <see cref="DecisionRecord"/>: the history of decisions is kept as
/// it was recorded, a correction is a new record. Registered with every <see cref="Data.AppDbContext"/>, so no page,
/// endpoint or job can get round it through EF change tracking.
/// </summary>
public sealed class DecisionRecordGuard : SaveChangesInterceptor
{
    public static readonly DecisionRecordGuard Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        var changed = context?.ChangeTracker.Entries<DecisionRecord>().FirstOrDefault(e => e.State is EntityState.Modified or EntityState.Deleted);
        if (changed is not null)
        {
            throw new DecisionRecordImmutableException(changed.Entity.Number, changed.State == EntityState.Deleted);
        }
    }
}

public sealed class DecisionRecordImmutableException(int number, bool delete)
    : InvalidOperationException($"Besluit {number} kan niet worden {(delete ? "verwijderd" : "gewijzigd")}: een vastgelegd besluit blijft zoals het is; leg een correctie vast als nieuw besluit.");
