using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.Programme;

/// <summary>A gemeente's programme as it holds now: the stored row or the default (version 0), and its actions by number.</summary>
public sealed record ProgrammeView(GemeenteProgramme Programme, IReadOnlyList<ProgrammeAction> Actions)
{
    public bool IsStored => Programme.Version > 0;
    public ProgrammeAction? Action(int number) => Actions.FirstOrDefault(a => a.Number == number);
}

/// <summary>Reads a gemeente's programme and actions (tenant filters apply).</summary>
public sealed class ProgrammeReader(AppDbContext db, TimeProvider clock)
{
    public const string DefaultName = "Programma weerbaarheid en veerkracht";

    public async Task<ProgrammeView> LoadAsync(string gemeenteCode, CancellationToken ct)
    {
        var programme = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.GemeenteCode == gemeenteCode, ct)
            ?? Default(gemeenteCode, Shared.Format.Today(clock));
        var actions = await db.ProgrammeActions.AsNoTracking().Where(a => a.GemeenteCode == gemeenteCode).OrderBy(a => a.Number).ToListAsync(ct);
        return new ProgrammeView(programme, actions);
    }

    /// <summary>What a gemeente without a stored programme sees: starts on the first of the current month, quarterly reviews.</summary>
    public static GemeenteProgramme Default(string gemeenteCode, DateOnly today) => new()
    {
        GemeenteCode = gemeenteCode,
        Name = DefaultName,
        StartDate = new DateOnly(today.Year, today.Month, 1),
        ReviewCycleMonths = 3,
        UpdatedBy = "",
    };
}
