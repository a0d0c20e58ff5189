using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Scan.Rounds;

namespace Weerbaar.Web.Features.Scan.Mail;

public sealed record MailTemplateDto(string Kind, string Subject, string Body, bool IsDefault, IReadOnlyList<string> Placeholders);

public abstract record TemplateOutcome
{
    public sealed record Saved(MailTemplateDto Template) : TemplateOutcome;
    public sealed record NotFound : TemplateOutcome;
    public sealed record Closed : TemplateOutcome;
    public sealed record Invalid(IReadOnlyList<(string Field, string Message)> Errors) : TemplateOutcome;
}

/// <summary>The e-mail texts of a round: its own where saved, the default otherwise; frozen once the round is closed.</summary>
public sealed class MailTemplateStore(AppDbContext db, TimeProvider clock)
{
    public static bool TryParseKind(string? value, out ScanMailKind kind)
        => Enum.TryParse(value, ignoreCase: true, out kind) && Enum.IsDefined(kind) && !int.TryParse(value, out _);

    public static string KindName(ScanMailKind kind) => kind.ToString().ToLowerInvariant();

    /// <returns>Null when the round does not exist.</returns>
    public async Task<List<MailTemplateDto>?> ListAsync(Guid roundId, CancellationToken ct)
    {
        if (!await db.ScanRounds.AnyAsync(r => r.Id == roundId, ct))
        {
            return null;
        }
        var stored = await db.ScanMailTemplates.AsNoTracking().Where(t => t.RoundId == roundId).ToDictionaryAsync(t => t.Kind, ct);
        return Enum.GetValues<ScanMailKind>().Select(kind => stored.TryGetValue(kind, out var t)
            ? Dto(kind, t.Subject, t.Body, false)
            : Dto(kind, MailTemplateText.Default(kind).Subject, MailTemplateText.Default(kind).Body, true)).ToList();
    }

    /// <summary>Saves the round's own text; a null subject and body restore the default.</summary>
    public async Task<TemplateOutcome> SaveAsync(Guid roundId, ScanMailKind kind, string? subject, string? body, string user, CancellationToken ct)
    {
        var round = await db.ScanRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null)
        {
            return new TemplateOutcome.NotFound();
        }
        if (round.Status == RoundStatus.Gesloten)
        {
            return new TemplateOutcome.Closed();
        }
        var existing = await db.ScanMailTemplates.FirstOrDefaultAsync(t => t.RoundId == roundId && t.Kind == kind, ct);
        if (subject is null && body is null)
        {
            if (existing is not null)
            {
                db.ScanMailTemplates.Remove(existing);
                await db.SaveChangesAsync(ct);
            }
            var text = MailTemplateText.Default(kind);
            return new TemplateOutcome.Saved(Dto(kind, text.Subject, text.Body, true));
        }
        body = body?.Replace("\r\n", "\n", StringComparison.Ordinal);
        subject = subject?.Trim();
        var errors = MailTemplateText.Validate(kind, subject, body);
        if (errors.Count > 0)
        {
            return new TemplateOutcome.Invalid(errors);
        }
        if (existing is null)
        {
            existing = new ScanMailTemplate { RoundId = roundId, Kind = kind, Subject = subject!, Body = body!, UpdatedBy = user };
            db.ScanMailTemplates.Add(existing);
        }
        existing.Subject = subject!;
        existing.Body = body!;
        existing.UpdatedBy = user;
        existing.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return new TemplateOutcome.Saved(Dto(kind, existing.Subject, existing.Body, false));
    }

    private static MailTemplateDto Dto(ScanMailKind kind, string subject, string body, bool isDefault)
        => new(KindName(kind), subject, body, isDefault, MailTemplateText.Allowed(kind).ToList());
}
