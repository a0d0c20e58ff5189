using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Weerbaar.Web.Features.Afweging;

/// <summary>
/// Refuses every save that would change or remove a <see cref="DecisionRecord"/>: the history of decisions is kept as
/// it was recorded, a correction is a new record. Registered with every <see cref="Data.AppDbContext"/>, so no page,
/// endpoint or job can get round it through EF change tracking. Bulk statements (ExecuteUpdate, ExecuteDelete, raw
/// SQL through EF) that update or delete the table are refused before they reach the database as well.
/// </summary>
public sealed partial class DecisionRecordGuard : SaveChangesInterceptor, IDbCommandInterceptor
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

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Check(command);
        return result;
    }

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Check(command);
        return result;
    }

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbCommand command)
    {
        if (ChangingStatement().Match(command.CommandText) is { Success: true } m)
        {
            throw new DecisionRecordImmutableException(null, m.Groups[1].Value.StartsWith('D') || m.Groups[1].Value.StartsWith('d'));
        }
    }

    [GeneratedRegex("\\b(UPDATE|DELETE\\s+FROM)\\s+\"DecisionRecords\"", RegexOptions.IgnoreCase)]
    private static partial Regex ChangingStatement();

    private static void Check(DbContext? context)
    {
        var changed = context?.ChangeTracker.Entries<DecisionRecord>().FirstOrDefault(e => e.State is EntityState.Modified or EntityState.Deleted);
        if (changed is not null)
        {
            throw new DecisionRecordImmutableException(changed.Entity.Number, changed.State == EntityState.Deleted);
        }
    }
}

public sealed class DecisionRecordImmutableException(int? number, bool delete)
    : InvalidOperationException($"{(number is null ? "Een besluit" : $"Besluit {number}")} kan niet worden {(delete ? "verwijderd" : "gewijzigd")}: een vastgelegd besluit blijft zoals het is; leg een correctie vast als nieuw besluit.");
