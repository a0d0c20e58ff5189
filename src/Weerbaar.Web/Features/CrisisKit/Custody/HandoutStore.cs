using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Locations;

namespace Weerbaar.Web.Features.CrisisKit.Custody;

/// <summary>What a handout form or request holds, as typed.</summary>
public sealed record HandoutInput(string? RecipientName, string? RecipientRole, string? Note, string? HandedOutOn)
{
    public static readonly HandoutInput Empty = new(null, null, null, null);
}

public abstract record HandoutOutcome
{
    public sealed record Saved(PackHandout Handout, IReadOnlyList<PackHandout> Replaced) : HandoutOutcome;
    public sealed record Invalid(List<FieldError> Errors) : HandoutOutcome;
    /// <summary>Already replaced or returned.</summary>
    public sealed record NotHeld(PackHandout Handout) : HandoutOutcome;
    public sealed record NotFound : HandoutOutcome;
}

/// <summary>The register of one gemeente as the reader may see it: its handouts, the newest version per pack and what is due.</summary>
public sealed record CustodyOverview(
    IReadOnlyList<Noodsteunpunt> Points, IReadOnlyList<PackHandout> Handouts, IReadOnlyDictionary<PackKey, LatestVersion> Latest,
    PackReprintSchedule Schedule, IReadOnlyList<ReprintItem> Due)
{
    public HandoutState State(PackHandout h) => ReprintDue.State(h, Latest.GetValueOrDefault(new PackKey(h.NoodsteunpuntId, h.WithRegister)));

    public string PointName(Guid id) => id == CrisisPack.CrisisTeam ? "Crisisteam" : Points.FirstOrDefault(p => p.Id == id)?.Name ?? "(verwijderd noodsteunpunt)";
}

/// <summary>
/// The custody register: which pack version went to whom. Handing out a version replaces the versions the same
/// recipient (by name, ignoring case and extra spaces) held of the same pack and edition that are older. Handouts of
/// the edition with the register are seen only by those who get that edition.
/// </summary>
public sealed class HandoutStore(AppDbContext db, NoodsteunpuntPackBuilder builder, CrisisPackStore packs, NoodsteunpuntRegister register, TimeProvider clock)
{
    public const string RecipientName = "naam";
    public const string RecipientRole = "rol";
    public const string Note = "notitie";
    public const string HandedOutOn = "datum";

    /// <summary>The handouts this reader may see (query filters keep other gemeenten out; the edition keeps the register out).</summary>
    private IQueryable<PackHandout> Visible(string code)
    {
        var withRegister = builder.WithRegister(code);
        return db.PackHandouts.Where(h => h.GemeenteCode == code && (withRegister || !h.WithRegister));
    }

    public Task<PackHandout?> FindAsync(string gemeenteCode, Guid id, CancellationToken ct)
        => Visible(gemeenteCode.ToUpperInvariant()).AsNoTracking().FirstOrDefaultAsync(h => h.Id == id, ct);

    public async Task<CustodyOverview> OverviewAsync(string gemeenteCode, CancellationToken ct)
    {
        var code = gemeenteCode.ToUpperInvariant();
        var points = await register.ListAsync(code, ct);
        var handouts = (await Visible(code).AsNoTracking().ToListAsync(ct))
            .OrderByDescending(h => h.HandedOutOn).ThenByDescending(h => h.RecordedAt).ToList();
        var latest = await LatestAsync(db.CrisisPacks.AsNoTracking().Where(p => p.GemeenteCode == code), ct);
        // The reader's own edition is compared with the data now; the other edition only by number.
        var readerEdition = builder.WithRegister(code);
        if (handouts.Any(h => h.WithRegister == readerEdition))
        {
            foreach (var s in await packs.StatusAsync(code, points, ct))
            {
                if (s.Latest is { } l)
                {
                    latest[new PackKey(s.NoodsteunpuntId, readerEdition)] = new LatestVersion(l.Number, l.CreatedAt, s.Changed);
                }
            }
        }
        if (handouts.Any(h => h.WithRegister == readerEdition && h.NoodsteunpuntId == CrisisPack.CrisisTeam)
            && await packs.TeamStatusAsync(code, ct) is { Latest: { } team } status)
        {
            latest[new PackKey(CrisisPack.CrisisTeam, readerEdition)] = new LatestVersion(team.Number, team.CreatedAt, status.Changed);
        }
        var schedule = await ScheduleAsync(code, ct);
        return new CustodyOverview(points, handouts, latest, schedule, ReprintDue.Compute(handouts, latest, schedule.IntervalMonths, clock.GetUtcNow()));
    }

    public async Task<PackReprintSchedule> ScheduleAsync(string code, CancellationToken ct)
        => await db.PackReprintSchedules.AsNoTracking().FirstOrDefaultAsync(s => s.GemeenteCode == code, ct)
           ?? new PackReprintSchedule { GemeenteCode = code, UpdatedBy = "", IntervalMonths = PackReprintSchedule.DefaultMonths };

    /// <summary>The newest version per pack, by number (without comparing content).</summary>
    internal static async Task<Dictionary<PackKey, LatestVersion>> LatestAsync(IQueryable<CrisisPack> query, CancellationToken ct)
        => (await query.Select(p => new { p.NoodsteunpuntId, p.WithRegister, p.Number, p.CreatedAt }).ToListAsync(ct))
            .GroupBy(p => new PackKey(p.NoodsteunpuntId, p.WithRegister))
            .Select(g => g.MaxBy(p => p.Number)!)
            .ToDictionary(m => new PackKey(m.NoodsteunpuntId, m.WithRegister), m => new LatestVersion(m.Number, m.CreatedAt, null));

    /// <summary>Records that version <paramref name="number"/> of the reader's edition went to a recipient.</summary>
    public async Task<HandoutOutcome> HandOutAsync(string gemeenteCode, Guid noodsteunpuntId, int number, HandoutInput input, string user, CancellationToken ct)
    {
        var code = gemeenteCode.ToUpperInvariant();
        if (await packs.FindAsync(code, noodsteunpuntId, builder.WithRegister(code), number, ct) is not { } pack)
        {
            return new HandoutOutcome.NotFound();
        }
        var errors = new List<FieldError>();
        var name = Text(input.RecipientName);
        var role = Text(input.RecipientRole);
        var note = Text(input.Note);
        if (name is null)
        {
            errors.Add(new(RecipientName, "Vul de naam in van wie het pack krijgt."));
        }
        else if (name.Length > PackHandout.MaxName)
        {
            errors.Add(new(RecipientName, $"De naam is te lang: hoogstens {PackHandout.MaxName} tekens."));
        }
        if (role?.Length > PackHandout.MaxName)
        {
            errors.Add(new(RecipientRole, $"De rol of organisatie is te lang: hoogstens {PackHandout.MaxName} tekens."));
        }
        if (note?.Length > PackHandout.MaxNote)
        {
            errors.Add(new(Note, $"De notitie is te lang: hoogstens {PackHandout.MaxNote} tekens."));
        }
        var today = Shared.Format.Today(clock);
        var day = today;
        if (Text(input.HandedOutOn) is { } typed)
        {
            if (!DateOnly.TryParseExact(typed, ["yyyy-MM-dd", "d-M-yyyy"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out day))
            {
                errors.Add(new(HandedOutOn, $"‘{typed}’ is geen datum; schrijf bijvoorbeeld {today:yyyy-MM-dd}."));
            }
            else if (day > today)
            {
                errors.Add(new(HandedOutOn, "De datum van uitreiken ligt in de toekomst; leg de uitreiking vast als die gebeurd is."));
            }
            else if (day < Shared.Format.DayInAmsterdam(pack.CreatedAt))
            {
                errors.Add(new(HandedOutOn, $"Versie {pack.Number} is gemaakt op {Shared.Format.DayInAmsterdam(pack.CreatedAt):d-M-yyyy}; hij kan niet eerder zijn uitgereikt."));
            }
        }
        if (errors.Count > 0)
        {
            return new HandoutOutcome.Invalid(errors);
        }
        var handout = new PackHandout
        {
            Id = Guid.NewGuid(),
            GemeenteCode = code,
            PackId = pack.Id,
            NoodsteunpuntId = noodsteunpuntId,
            WithRegister = pack.WithRegister,
            PackNumber = pack.Number,
            RecipientName = name!,
            RecipientRole = role,
            Note = note,
            HandedOutOn = day,
            RecordedBy = user,
            RecordedAt = clock.GetUtcNow(),
        };
        var key = SameRecipient(name!);
        var replaced = (await db.PackHandouts.Where(h => h.GemeenteCode == code && h.NoodsteunpuntId == noodsteunpuntId && h.WithRegister == pack.WithRegister
                && h.PackNumber < pack.Number && h.ReplacedOn == null && h.ReturnedOn == null).ToListAsync(ct))
            .Where(h => SameRecipient(h.RecipientName) == key).ToList();
        foreach (var old in replaced)
        {
            (old.ReplacedOn, old.ReplacedById) = (day, handout.Id);
        }
        db.PackHandouts.Add(handout);
        await db.SaveChangesAsync(ct);
        return new HandoutOutcome.Saved(handout, replaced);
    }

    /// <summary>Marks a held pack as taken back ("ingenomen").</summary>
    public async Task<HandoutOutcome> ReturnAsync(string gemeenteCode, Guid id, string? date, string user, CancellationToken ct)
    {
        var code = gemeenteCode.ToUpperInvariant();
        if (await Visible(code).FirstOrDefaultAsync(h => h.Id == id, ct) is not { } handout)
        {
            return new HandoutOutcome.NotFound();
        }
        if (!handout.IsHeld)
        {
            return new HandoutOutcome.NotHeld(handout);
        }
        var today = Shared.Format.Today(clock);
        var day = today;
        if (Text(date) is { } typed
            && (!DateOnly.TryParseExact(typed, ["yyyy-MM-dd", "d-M-yyyy"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out day)
                || day > today || day < handout.HandedOutOn))
        {
            return new HandoutOutcome.Invalid([new(HandedOutOn, $"‘{typed}’ is geen geldige datum van innemen: tussen {handout.HandedOutOn:yyyy-MM-dd} en vandaag.")]);
        }
        (handout.ReturnedOn, handout.ReturnedBy) = (day, user);
        await db.SaveChangesAsync(ct);
        return new HandoutOutcome.Saved(handout, []);
    }

    private static string? Text(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string SameRecipient(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToUpperInvariant();
}
