using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Scan.Responses;

namespace Weerbaar.Web.Features.Locations;

/// <summary>Saving one row: the row, or the reasons it was refused; neither means the row does not exist (in this gemeente).</summary>
public sealed record SaveResult<T>(T? Entity, IReadOnlyList<FieldError> Errors) where T : class
{
    public bool NotFound => Entity is null && Errors.Count == 0;
}

/// <summary>An import: how many rows were stored and removed, or every error (then nothing is stored).</summary>
public sealed record RegisterImportResult(int Imported, int Removed, IReadOnlyList<CsvError> Errors);

public enum ImportMode { Replace, Append }

/// <summary>
/// One register of a gemeente (its vulnerable locations or its noodsteunpunten) for the pages and the API alike.
/// Every read goes through the tenant query filter of <see cref="AppDbContext"/> and narrows to the gemeente asked
/// for: both must allow a row. Whether the user may write is the caller's policy check.
/// </summary>
public abstract class Register<TEntity, TFields, TValues>(AppDbContext db, TimeProvider clock)
    where TEntity : class, ITenantOwned
    where TValues : class
{
    protected AppDbContext Db => db;
    protected abstract DbSet<TEntity> Set { get; }
    protected abstract IEnumerable<TEntity> Sort(IEnumerable<TEntity> rows);
    protected abstract (TValues? Values, List<FieldError> Errors) Validate(TFields fields, IReadOnlySet<string> buurten, string gemeenteName);
    protected abstract (List<TValues> Rows, List<CsvError> Errors) Parse(byte[] bytes, IReadOnlySet<string> buurten, string gemeenteName);
    protected abstract byte[] Write(IEnumerable<TEntity> rows);
    protected abstract TEntity Create(string gemeente, TValues values, string user);
    protected abstract void Apply(TEntity entity, TValues values, string user);

    protected DateTimeOffset Now => clock.GetUtcNow();

    private IQueryable<TEntity> Of(string gemeente) => Set.Where(e => e.GemeenteCode == gemeente);

    /// <summary>The codes of the gemeente's buurten (CBS); a row's buurtcode must be one of them.</summary>
    public async Task<IReadOnlySet<string>> BuurtenAsync(string gemeente, CancellationToken ct)
        => (await db.Buurten.AsNoTracking().Where(b => b.GemeenteCode == gemeente).Select(b => b.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

    public Task<Dictionary<string, string>> BuurtNamesAsync(string gemeente, CancellationToken ct)
        => db.Buurten.AsNoTracking().Where(b => b.GemeenteCode == gemeente).ToDictionaryAsync(b => b.Code, b => b.Name, StringComparer.Ordinal, ct);

    public async Task<List<TEntity>> ListAsync(string gemeente, CancellationToken ct)
        => Sort(await Of(gemeente).AsNoTracking().ToListAsync(ct)).ToList();

    public Task<TEntity?> FindAsync(string gemeente, Guid id, CancellationToken ct)
        => Of(gemeente).AsNoTracking().FirstOrDefaultAsync(e => EF.Property<Guid>(e, "Id") == id, ct);

    /// <param name="id">Null to add a row.</param>
    public async Task<SaveResult<TEntity>> SaveAsync(GemeenteInfo gemeente, Guid? id, TFields fields, string user, CancellationToken ct)
    {
        var entity = id is { } existing ? await Of(gemeente.Code).FirstOrDefaultAsync(e => EF.Property<Guid>(e, "Id") == existing, ct) : null;
        if (id is not null && entity is null)
        {
            return new(null, []);
        }
        var (values, errors) = Validate(fields, await BuurtenAsync(gemeente.Code, ct), gemeente.Name);
        if (values is null)
        {
            return new(null, errors);
        }
        if (entity is null)
        {
            entity = Create(gemeente.Code, values, user);
            Set.Add(entity);
        }
        else
        {
            Apply(entity, values, user);
        }
        await db.SaveChangesAsync(ct);
        return new(entity, []);
    }

    public async Task<bool> DeleteAsync(string gemeente, Guid id, CancellationToken ct)
        => await Of(gemeente).Where(e => EF.Property<Guid>(e, "Id") == id).ExecuteDeleteAsync(ct) > 0;

    /// <summary>All or nothing: the whole file is checked first; replace swaps the gemeente's register in one transaction.</summary>
    public async Task<RegisterImportResult> ImportAsync(GemeenteInfo gemeente, byte[] file, ImportMode mode, string user, CancellationToken ct)
    {
        var (rows, errors) = Parse(file, await BuurtenAsync(gemeente.Code, ct), gemeente.Name);
        if (errors.Count > 0)
        {
            return new(0, 0, errors);
        }
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var removed = mode == ImportMode.Replace ? await Of(gemeente.Code).ExecuteDeleteAsync(ct) : 0;
            foreach (var row in rows)
            {
                Set.Add(Create(gemeente.Code, row, user));
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return new RegisterImportResult(rows.Count, removed, []);
        });
    }

    public async Task<byte[]> ExportAsync(string gemeente, CancellationToken ct) => Write(await ListAsync(gemeente, ct));
}

public sealed class VulnerableLocationRegister(AppDbContext db, TimeProvider clock)
    : Register<VulnerableLocation, VulnerableLocationFields, VulnerableLocationValues>(db, clock)
{
    public static readonly StringComparer Names = StringComparer.Create(Shared.Format.Dutch, ignoreCase: true);

    protected override DbSet<VulnerableLocation> Set => Db.VulnerableLocations;

    protected override IEnumerable<VulnerableLocation> Sort(IEnumerable<VulnerableLocation> rows) => rows
        .OrderBy(l => LocationCategories.Order(l.Category)).ThenBy(l => l.Name, Names).ThenBy(l => l.Id);

    protected override (VulnerableLocationValues?, List<FieldError>) Validate(VulnerableLocationFields fields, IReadOnlySet<string> buurten, string gemeenteName)
        => VulnerableLocationRules.Validate(fields, buurten, gemeenteName);

    protected override (List<VulnerableLocationValues>, List<CsvError>) Parse(byte[] bytes, IReadOnlySet<string> buurten, string gemeenteName)
        => VulnerableLocationCsv.Parse(bytes, buurten, gemeenteName);

    protected override byte[] Write(IEnumerable<VulnerableLocation> rows) => VulnerableLocationCsv.Write(rows);

    protected override VulnerableLocation Create(string gemeente, VulnerableLocationValues values, string user)
    {
        var l = new VulnerableLocation { GemeenteCode = gemeente, Category = values.Category, Name = values.Name, UpdatedBy = user };
        Apply(l, values, user);
        return l;
    }

    protected override void Apply(VulnerableLocation entity, VulnerableLocationValues values, string user)
    {
        values.ApplyTo(entity);
        (entity.UpdatedBy, entity.UpdatedAt) = (user, Now);
    }
}

public sealed class NoodsteunpuntRegister(AppDbContext db, TimeProvider clock)
    : Register<Noodsteunpunt, NoodsteunpuntFields, NoodsteunpuntValues>(db, clock)
{
    protected override DbSet<Noodsteunpunt> Set => Db.Noodsteunpunten;

    protected override IEnumerable<Noodsteunpunt> Sort(IEnumerable<Noodsteunpunt> rows)
        => rows.OrderBy(n => n.Name, VulnerableLocationRegister.Names).ThenBy(n => n.Id);

    protected override (NoodsteunpuntValues?, List<FieldError>) Validate(NoodsteunpuntFields fields, IReadOnlySet<string> buurten, string gemeenteName)
        => NoodsteunpuntRules.Validate(fields, buurten, gemeenteName);

    protected override (List<NoodsteunpuntValues>, List<CsvError>) Parse(byte[] bytes, IReadOnlySet<string> buurten, string gemeenteName)
        => NoodsteunpuntCsv.Parse(bytes, buurten, gemeenteName);

    protected override byte[] Write(IEnumerable<Noodsteunpunt> rows) => NoodsteunpuntCsv.Write(rows);

    protected override Noodsteunpunt Create(string gemeente, NoodsteunpuntValues values, string user)
    {
        var n = new Noodsteunpunt { GemeenteCode = gemeente, Name = values.Name, UpdatedBy = user };
        Apply(n, values, user);
        return n;
    }

    protected override void Apply(Noodsteunpunt entity, NoodsteunpuntValues values, string user)
    {
        values.ApplyTo(entity);
        (entity.UpdatedBy, entity.UpdatedAt) = (user, Now);
    }
}
