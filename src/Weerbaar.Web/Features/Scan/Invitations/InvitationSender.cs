using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Scan.Mail;
using Weerbaar.Web.Features.Scan.Responses;
using Weerbaar.Web.Features.Scan.Rounds;

namespace Weerbaar.Web.Features.Scan.Invitations;

public sealed record ContactInput(string Gemeentecode, string Name, string Email, string? Role);

/// <summary>
/// Creates invitations and sends their e-mails: the invitation at once in an open round (otherwise when it opens),
/// reminders on the schedule or on demand. Every e-mail is written to the outbox in the caller's transaction.
/// </summary>
public sealed class InvitationSender(AppDbContext db, IDataProtectionProvider protection, TimeProvider clock, ScanMailer mailer)
{
    // The purpose keeps its first name so tokens protected before the column was renamed still open.
    private readonly IDataProtector _protector = protection.CreateProtector("Weerbaar.ScanInvitation.PendingToken");

    public async Task<List<CreatedInvitation>> CreateAsync(ScanRound round, IReadOnlyList<ContactInput> contacts, string baseUrl, CancellationToken ct)
    {
        var created = new List<CreatedInvitation>();
        foreach (var contact in contacts)
        {
            var token = TokenHasher.NewToken();
            var invitation = new ScanInvitation
            {
                RoundId = round.Id,
                GemeenteCode = contact.Gemeentecode,
                ContactName = contact.Name,
                ContactEmail = contact.Email,
                ContactRole = contact.Role,
                TokenHash = TokenHasher.Hash(token),
                ProtectedToken = _protector.Protect(token),
                CreatedAt = clock.GetUtcNow(),
            };
            db.ScanInvitations.Add(invitation);
            if (round.Status == RoundStatus.Open)
            {
                await mailer.EnqueueAsync(ScanMailKind.Uitnodiging, round, invitation, token, baseUrl, ct);
                invitation.InvitedAt = clock.GetUtcNow();
            }
            created.Add(new CreatedInvitation(contact.Gemeentecode, invitation.Id, token));
        }
        await db.SaveChangesAsync(ct);
        return created;
    }

    /// <summary>Queues the invitations made while the round was a concept; the caller saves, in the change that opens it.</summary>
    public async Task<int> QueuePendingAsync(ScanRound round, string baseUrl, CancellationToken ct)
    {
        var pending = await db.ScanInvitations.IgnoreQueryFilters()
            .Where(i => i.RoundId == round.Id && i.InvitedAt == null && i.OptedOutAt == null && i.ProtectedToken != null).ToListAsync(ct);
        foreach (var invitation in pending)
        {
            await mailer.EnqueueAsync(ScanMailKind.Uitnodiging, round, invitation, Token(invitation), baseUrl, ct);
            invitation.InvitedAt = clock.GetUtcNow();
        }
        return pending.Count;
    }

    /// <summary>
    /// Reminds the invited gemeenten (all, or those given) that have not submitted and have not opted out; the caller saves.
    /// </summary>
    /// <returns>The gemeentecodes reminded.</returns>
    public async Task<List<string>> RemindAsync(ScanRound round, IReadOnlyCollection<string>? gemeenten, string baseUrl, CancellationToken ct)
    {
        if (round.Status != RoundStatus.Open)
        {
            return [];
        }
        var submitted = db.ScanResponses.IgnoreQueryFilters()
            .Where(r => r.RoundId == round.Id && r.Status == ResponseStatus.Submitted).Select(r => r.GemeenteCode);
        var query = db.ScanInvitations.IgnoreQueryFilters()
            .Where(i => i.RoundId == round.Id && i.InvitedAt != null && i.OptedOutAt == null && i.ProtectedToken != null && !submitted.Contains(i.GemeenteCode));
        if (gemeenten is not null)
        {
            query = query.Where(i => gemeenten.Contains(i.GemeenteCode));
        }
        var invitations = await query.OrderBy(i => i.GemeenteCode).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var invitation in invitations)
        {
            await mailer.EnqueueAsync(ScanMailKind.Herinnering, round, invitation, Token(invitation), baseUrl, ct);
            invitation.RemindersSent++;
            invitation.LastReminderAt = now;
        }
        return invitations.Select(i => i.GemeenteCode).ToList();
    }

    public string Token(ScanInvitation invitation) => _protector.Unprotect(invitation.ProtectedToken!);

    /// <summary>Reminds now (API and pages): null when the round does not exist, an empty list with <c>open</c> false when it is not open.</summary>
    public async Task<(bool Open, List<string> Reminded)?> RemindNowAsync(Guid roundId, IReadOnlyCollection<string>? gemeenten, string baseUrl, CancellationToken ct)
    {
        var round = await db.ScanRounds.FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null)
        {
            return null;
        }
        if (round.Status != RoundStatus.Open)
        {
            return (false, []);
        }
        var reminded = await RemindAsync(round, gemeenten?.Select(c => c.Trim().ToUpperInvariant()).ToList(), baseUrl, ct);
        await db.SaveChangesAsync(ct);
        return (true, reminded);
    }

    /// <summary>After closing no link needs repeating: the encrypted tokens go, only the hashes stay.</summary>
    public Task<int> ForgetTokensAsync(Guid roundId, CancellationToken ct)
        => db.ScanInvitations.IgnoreQueryFilters().Where(i => i.RoundId == roundId && i.ProtectedToken != null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ProtectedToken, (string?)null), ct);
}
