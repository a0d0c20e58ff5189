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
    /// <param name="Title">A short title for the API's problem; <paramref name="Round"/> gives it the round's dates.</param>
    public sealed record Refused(string Reason, string? Title = null, ScanRound? Round = null) : SaveOutcome;
}

/// <summary>
/// The respondent's side, for the HTML pages and the token API alike. The token is the credential: no account,
/// no tenant scope, so lookups go by token hash across tenants. Every save is committed before it is acknowledged.
/// </summary>
public sealed class RespondentService(AppDbContext db, InstrumentCatalog instruments, TimeProvider clock, ScanMailer mailer,
    ResponseWriter writer, RespondentTokens tokens, Operations.WeerbaarMetrics metrics)
{
    public async Task<RespondentContext?> FindAsync(string? token, CancellationToken ct)
    {
        if (!PlausibleToken(token))
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

    private static string Day(DateOnly d) => d.ToString("d MMMM yyyy", Shared.Format.Dutch);

    /// <summary>Why answers cannot change now, or null when they can.</summary>
    public static string? ChangeRefusal(RespondentContext c) => Refusal(c)?.Reason;

    /// <summary>As <see cref="ChangeRefusal"/>, with a short title and the round's dates for the API's problem.</summary>
    public static SaveOutcome.Refused? Refusal(RespondentContext c) => c switch
    {
        { Round.Status: RoundStatus.Concept } => new(
            $"De vragenlijst is nog niet geopend. Hij staat open van {Day(c.Round.OpensOn)} tot en met {Day(c.Round.ClosesOn)}.",
            "De vragenlijst is nog niet open", c.Round),
        { Round.Status: RoundStatus.Gesloten } => new(
            $"De vragenlijst is gesloten (hij stond open van {Day(c.Round.OpensOn)} tot en met {Day(c.Round.ClosesOn)}); antwoorden kunnen niet meer worden gewijzigd.",
            "De vragenlijst is gesloten", c.Round),
        // The scheduler closes the round shortly after; until then the closing day already counts.
        _ when c.Round.ClosesOn < Today => new(
            $"De vragenlijst is gesloten op {Day(c.Round.ClosesOn)}; antwoorden kunnen niet meer worden gewijzigd.",
            "De vragenlijst is gesloten", c.Round),
        { Invitation.OptedOutAt: not null } => new("Deze gemeente heeft zich afgemeld voor deze ronde.", "Afgemeld"),
        { Response.Status: ResponseStatus.Submitted, Round.AllowChangesAfterSubmit: false } => new(
            "De antwoorden zijn al verstuurd en kunnen niet meer worden gewijzigd.", "Al verstuurd"),
        _ => null,
    };

    /// <summary>
    /// Replaces the answers of one part. Without <paramref name="expectedVersion"/> the last save wins and is never
    /// refused as stale; with it, a save is refused only when that version is no longer the stored one.
    /// The answers are checked here, on the request's thread; the write itself goes through the group commit of
    /// <see cref="ResponseWriter"/>, whose single statement checks the token, the round and the version again.
    /// </summary>
    public async Task<SaveOutcome> SavePartAsync(string token, int part, int? expectedVersion, IReadOnlyDictionary<string, string?>? answers, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var outcome = await SavePartCoreAsync(token, part, expectedVersion, answers, ct);
        metrics.ScanSave(outcome switch
        {
            SaveOutcome.Saved => "saved",
            SaveOutcome.Stale => "conflict",
            _ => "refused",
        }, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return outcome;
    }

    private async Task<SaveOutcome> SavePartCoreAsync(string token, int part, int? expectedVersion, IReadOnlyDictionary<string, string?>? answers, CancellationToken ct)
    {
        var instrument = await InstrumentOfAsync(token, ct);
        if (instrument is null)
        {
            return Unknown;
        }
        var partDef = instrument.Parts.FirstOrDefault(p => p.Number == part);
        if (partDef is null)
        {
            return new SaveOutcome.Invalid([new("part", $"Deel {part} bestaat niet; kies 1 tot en met {instrument.Parts.Count}.")]);
        }
        var normalized = AnswerValidator.Normalize(answers);
        var stored = partDef.RefersToOtherParts ? (await FindAsync(token, ct))?.Response?.Answers : null;
        var errors = AnswerValidator.Validate(instrument, normalized, part, stored ?? new Dictionary<string, string>());
        if (errors.Count > 0)
        {
            // A closed round says so before it says what is wrong with the answers.
            return await FindAsync(token, ct) is { } c && Refusal(c) is { } refused ? refused : new SaveOutcome.Invalid(errors);
        }

        var patch = partDef.Questions.SelectMany(q => q.AnswerIds).ToDictionary(id => id, id => normalized.GetValueOrDefault(id), StringComparer.Ordinal);
        var write = new PartWrite(TokenHasher.Hash(token), JsonConversions.Serialize(normalized), JsonConversions.Serialize(patch), expectedVersion, clock.GetUtcNow(), Today);
        // A save that did not apply is explained by reading the state afresh; without a version it is tried once more,
        // because the state it met (a round being opened, say) may have changed in between.
        for (var attempt = 0; ; attempt++)
        {
            if (await writer.WriteAsync(write) is { } version)
            {
                return new SaveOutcome.Saved(version);
            }
            var context = await FindAsync(token, ct);
            if (context is null)
            {
                tokens.Forget(token);
                return Unknown;
            }
            if (Refusal(context) is { } refused)
            {
                return refused;
            }
            if (expectedVersion is not null || attempt == 1)
            {
                return new SaveOutcome.Stale(context.Response?.Version ?? 0);
            }
        }
    }

    private static SaveOutcome.Refused Unknown => new("unknown");

    /// <summary>The instrument of the token's round: read once, then remembered (tokens and instruments of a round do not change).</summary>
    public async Task<Instrument?> InstrumentOfAsync(string? token, CancellationToken ct)
    {
        if (!PlausibleToken(token))
        {
            return null;
        }
        if (tokens.InstrumentOf(token) is { } known)
        {
            return instruments.Find(known);
        }
        var context = await FindAsync(token, ct);
        if (context is null)
        {
            return null;
        }
        tokens.Remember(token, context.Round.InstrumentId);
        return context.Instrument;
    }

    private static bool PlausibleToken([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? token) => !string.IsNullOrEmpty(token) && token.Length <= 100;

    public async Task<SaveOutcome> SubmitAsync(string token, string? requestBaseUrl, CancellationToken ct)
    {
        // A part save that lands between reading and writing makes the version check fail: read again and retry.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TrySubmitAsync(token, requestBaseUrl, ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<SaveOutcome> TrySubmitAsync(string token, string? requestBaseUrl, CancellationToken ct)
    {
        var context = await FindAsync(token, ct);
        if (context is null)
        {
            return Unknown;
        }
        if (Refusal(context) is { } refusal)
        {
            return refusal;
        }
        if (context.Response is null)
        {
            return new SaveOutcome.Invalid([new("", "Er zijn nog geen antwoorden opgeslagen.")]);
        }
        var response = await db.ScanResponses.IgnoreQueryFilters().FirstAsync(r => r.Id == context.Response.Id, ct);
        var errors = AnswerValidator.Validate(context.Instrument, response.Answers);
        if (errors.Count > 0)
        {
            return new SaveOutcome.Invalid(errors);
        }
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
            return Unknown;
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
