using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Accounts;

namespace Weerbaar.Web.Features.SelfReliance;

public abstract record AssumptionsOutcome
{
    public sealed record Saved(int Version) : AssumptionsOutcome;
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : AssumptionsOutcome;
    public sealed record Conflict(string UpdatedBy, DateTimeOffset UpdatedAt) : AssumptionsOutcome;
}

/// <summary>Reads and saves a gemeente's assumptions; a save with a stale version is refused and changes nothing.</summary>
public sealed class SelfRelianceStore(AppDbContext db, TimeProvider clock)
{
    public Task<SelfRelianceAssumptions?> FindAsync(string gemeenteCode, CancellationToken ct)
        => db.SelfRelianceAssumptions.AsNoTracking().FirstOrDefaultAsync(a => a.GemeenteCode == gemeenteCode, ct);

    /// <param name="values">Fractions for shares; a missing key keeps its value; <paramref name="reset"/> restores every default.</param>
    /// <param name="version">The version the editor saw (0 when nothing was stored); null skips the check (API without version).</param>
    public async Task<AssumptionsOutcome> SaveAsync(string gemeenteCode, IReadOnlyDictionary<string, double?> values, bool reset,
        int? version, string user, CancellationToken ct)
    {
        var errors = SelfRelianceAssumptionCatalog.Validate(values);
        if (errors.Count > 0)
        {
            return new AssumptionsOutcome.Invalid(errors);
        }
        var row = await db.SelfRelianceAssumptions.FirstOrDefaultAsync(a => a.GemeenteCode == gemeenteCode, ct);
        if (version is { } v && v != (row?.Version ?? 0))
        {
            return new AssumptionsOutcome.Conflict(row?.UpdatedBy ?? "?", row?.UpdatedAt ?? DateTimeOffset.MinValue);
        }
        if (row is null)
        {
            row = new SelfRelianceAssumptions { GemeenteCode = gemeenteCode, UpdatedBy = user };
            db.SelfRelianceAssumptions.Add(row);
        }
        var stored = reset ? [] : new Dictionary<string, string>(row.Values);
        foreach (var (key, value) in values)
        {
            if (!reset && value is { } x)
            {
                stored[key] = x.ToString("R", CultureInfo.InvariantCulture);
            }
        }
        row.Values = stored;
        row.Version++;
        row.UpdatedBy = user;
        row.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.SelfRelianceAssumptions.AsNoTracking().FirstAsync(a => a.GemeenteCode == gemeenteCode, ct);
            return new AssumptionsOutcome.Conflict(current.UpdatedBy, current.UpdatedAt);
        }
        return new AssumptionsOutcome.Saved(row.Version);
    }
}
