using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.Invitations;
using Weerbaar.Web.Features.Scan.Mail;
using Weerbaar.Web.Features.Scan.Rounds;

namespace Weerbaar.Web.Features.Scan.Responses;

public sealed record RespondentContext(ScanInvitation Invitation, ScanRound Round, Instrument Instrument, ScanResponse? Response);

public abstract record SaveOutcome
{
    public sealed record Saved(int Version) : SaveOutcome;
    public sealed record Invalid(IReadOnlyList<AnswerError> Errors) : SaveOutcome;
    public sealed record Stale(int CurrentVersion) : SaveOutcome;
    public sealed record Refused(string Reason) : SaveOutcome;
}

/// <summary>
/// The respondent's side, for the HTML pages and the token API alike. The token is the credential: no account,
/// no tenant scope, so lookups go by token hash across tenants. Every save is committed before it is acknowledged.
/// </summary>
public sealed class RespondentService(AppDbContext db, InstrumentCatalog instruments, TimeProvider clock, ScanMailer mailer)
{
    public async Task<RespondentContext?> FindAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }
        var hash = TokenHasher.Hash(token);
        var invitation = await db.ScanInvitations.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        if (invitation is null)
        {
            return null;
        }
        var round = await db.ScanRounds.AsNoTracking().FirstAsync(r => r.Id == invitation.RoundId, ct);
        var response = await db.ScanResponses.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(r => r.RoundId == round.Id && r.InvitationId == invitation.Id, ct);
        return new RespondentContext(invitation, round, instruments.Find(round.InstrumentId)!, response);
    }

    private static DateOnly Today => Shared.Format.Today(TimeProvider.System);

    /// <summary>Why answers cannot change now, or null when they can.</summary>
    public static string? ChangeRefusal(RespondentContext c) => c switch
    {
        { Round.Status: RoundStatus.Concept } => "De vragenlijst is nog niet geopend.",
        { Round.Status: RoundStatus.Gesloten } => "De vragenlijst is gesloten; antwoorden kunnen niet meer worden gewijzigd.",
        // The scheduler closes the round shortly after; until then the closing day already counts.
        _ when c.Round.ClosesOn < Today => $"De vragenlijst is gesloten op {c.Round.ClosesOn.ToString("d MMMM yyyy", Shared.Format.Dutch)}; antwoorden kunnen niet meer worden gewijzigd.",
        { Invitation.OptedOutAt: not null } => "Deze gemeente heeft zich afgemeld voor deze ronde.",
        { Response.Status: ResponseStatus.Submitted, Round.AllowChangesAfterSubmit: false } => "De antwoorden zijn al verstuurd en kunnen niet meer worden gewijzigd.",
        _ => null,
    };

    /// <summary>Replaces the answers of one part. Without <paramref name="expectedVersion"/> the save applies as is.</summary>
    public async Task<SaveOutcome> SavePartAsync(string token, int part, int? expectedVersion, IReadOnlyDictionary<string, string?>? answers, CancellationToken ct)
    {
        var context = await FindAsync(token, ct);
        if (context is null)
        {
            return new SaveOutcome.Refused("unknown");
        }
        if (ChangeRefusal(context) is { } refusal)
        {
            return new SaveOutcome.Refused(refusal);
        }
        var partDef = context.Instrument.Parts.FirstOrDefault(p => p.Number == part);
        if (partDef is null)
        {
            return new SaveOutcome.Invalid([new("part", $"Deel {part} bestaat niet; kies 1 tot en met {context.Instrument.Parts.Count}.")]);
        }
        var normalized = AnswerValidator.Normalize(answers);
        var stored = context.Response?.Answers ?? new Dictionary<string, string>();
        var errors = AnswerValidator.Validate(context.Instrument, normalized, part, stored);
        if (errors.Count > 0)
        {
            return new SaveOutcome.Invalid(errors);
        }
        var current = context.Response?.Version ?? 0;
        if (expectedVersion is { } v && v != current)
        {
            return new SaveOutcome.Stale(current);
        }

        var partIds = partDef.Questions.SelectMany(q => q.AnswerIds).ToHashSet(StringComparer.Ordinal);
        var merged = stored.Where(kv => !partIds.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        foreach (var (k, value) in normalized)
        {
            merged[k] = value;
        }
        var now = clock.GetUtcNow();
        if (context.Response is null)
        {
            var position = await db.ScanResponses.IgnoreQueryFilters().Where(r => r.RoundId == context.Round.Id).MaxAsync(r => (int?)r.Position, ct) ?? 0;
            db.ScanResponses.Add(new ScanResponse
            {
                RoundId = context.Round.Id,
                GemeenteCode = context.Invitation.GemeenteCode,
                RespondentId = context.Invitation.Id.ToString(),
                InvitationId = context.Invitation.Id,
                Status = ResponseStatus.InProgress,
                Version = 1,
                Answers = merged,
                CreatedAt = now,
                UpdatedAt = now,
                Source = "web",
                Position = position + 1,
            });
        }
        else
        {
            var response = await db.ScanResponses.IgnoreQueryFilters().FirstAsync(r => r.Id == context.Response.Id, ct);
            // The version is the concurrency token: a save that raced another one fails here instead of overwriting it.
            db.Entry(response).Property(r => r.Version).OriginalValue = current;
            response.Answers = merged;
            response.Version = current + 1;
            response.UpdatedAt = now;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (ex is DbUpdateConcurrencyException or DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var latest = await FindAsync(token, ct);
            return new SaveOutcome.Stale(latest?.Response?.Version ?? 0);
        }
        return new SaveOutcome.Saved(current + 1);
    }

    public async Task<SaveOutcome> SubmitAsync(string token, string? requestBaseUrl, CancellationToken ct)
    {
        var context = await FindAsync(token, ct);
        if (context is null)
        {
            return new SaveOutcome.Refused("unknown");
        }
        if (ChangeRefusal(context) is { } refusal)
        {
            return new SaveOutcome.Refused(refusal);
        }
        if (context.Response is null)
        {
            return new SaveOutcome.Invalid([new("", "Er zijn nog geen antwoorden opgeslagen.")]);
        }
        var errors = AnswerValidator.Validate(context.Instrument, context.Response.Answers);
        if (errors.Count > 0)
        {
            return new SaveOutcome.Invalid(errors);
        }
        var response = await db.ScanResponses.IgnoreQueryFilters().FirstAsync(r => r.Id == context.Response.Id, ct);
        var now = clock.GetUtcNow();
        response.Status = ResponseStatus.Submitted;
        response.SubmittedAt = now;
        response.CompletedOn ??= now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        response.Version++;
        response.UpdatedAt = now;
        await mailer.EnqueueAsync(ScanMailKind.Bevestiging, context.Round, context.Invitation, token, mailer.BaseUrl(requestBaseUrl), ct, AnswersCopy(context, response));
        await db.SaveChangesAsync(ct);
        return new SaveOutcome.Saved(response.Version);
    }

    /// <summary>
    /// Opting out stops reminders and answering for this gemeente in this round; opting in again undoes it.
    /// Answers already given are kept. Not possible once the round has closed.
    /// </summary>
    public async Task<SaveOutcome> SetOptOutAsync(string token, bool optOut, CancellationToken ct)
    {
        var context = await FindAsync(token, ct);
        if (context is null)
        {
            return new SaveOutcome.Refused("unknown");
        }
        if (context.Round.Status == RoundStatus.Gesloten)
        {
            return new SaveOutcome.Refused("De vragenlijst is gesloten; afmelden is niet meer nodig.");
        }
        var invitation = await db.ScanInvitations.IgnoreQueryFilters().FirstAsync(i => i.Id == context.Invitation.Id, ct);
        invitation.OptedOutAt = optOut ? invitation.OptedOutAt ?? clock.GetUtcNow() : null;
        await db.SaveChangesAsync(ct);
        return new SaveOutcome.Saved(context.Response?.Version ?? 0);
    }

    /// <summary>The copy of the answers in the confirmation: question, then the answer in words.</summary>
    private static string AnswersCopy(RespondentContext c, ScanResponse response)
    {
        var lines = new List<string>();
        if (c.Round.AllowChangesAfterSubmit)
        {
            lines.Add($"Tot en met {c.Round.ClosesOn.ToString("d MMMM yyyy", Shared.Format.Dutch)} kunt u ze met dezelfde link nog wijzigen.");
            lines.Add("");
        }
        foreach (var q in c.Instrument.Questions)
        {
            foreach (var id in q.AnswerIds)
            {
                lines.Add($"{AnswerText.Label(q, id)}: {AnswerText.Display(c.Instrument, q, response.Answers.GetValueOrDefault(id))}");
            }
        }
        return string.Join("\n", lines);
    }
}
