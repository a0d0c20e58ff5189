using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Scan.Invitations;
using Weerbaar.Web.Features.Scan.Mail;

namespace Weerbaar.Web.Features.Scan.Rounds;

public abstract record StatusOutcome
{
    public sealed record Done(ScanRound Round, int InvitationsQueued) : StatusOutcome;
    public sealed record NotFound : StatusOutcome;
    public sealed record Unknown : StatusOutcome;
    public sealed record Backwards(RoundStatus Current) : StatusOutcome;
}

/// <summary>
/// A round only moves forward: concept → open (the waiting invitations are sent) → gesloten (the encrypted tokens are
/// erased, drafts of imports dropped, nothing can change any more). Each step is one transaction.
/// </summary>
public sealed class RoundLifecycle(AppDbContext db, InvitationSender invitations, ScanMailer mailer)
{
    public static bool TryParseStatus(string? value, out RoundStatus status)
        => Enum.TryParse(value, ignoreCase: true, out status) && Enum.IsDefined(status) && !int.TryParse(value, out _);

    public async Task<StatusOutcome> ChangeAsync(Guid roundId, string? requested, string? requestBaseUrl, CancellationToken ct)
    {
        var round = await db.ScanRounds.FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null)
        {
            return new StatusOutcome.NotFound();
        }
        if (!TryParseStatus(requested, out var status))
        {
            return new StatusOutcome.Unknown();
        }
        if (status < round.Status)
        {
            return new StatusOutcome.Backwards(round.Status);
        }
        if (status == round.Status)
        {
            return new StatusOutcome.Done(round, 0);
        }
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var queued = 0;
            if (round.Status == RoundStatus.Concept)
            {
                round.Status = RoundStatus.Open;
                queued = await invitations.QueuePendingAsync(round, mailer.BaseUrl(requestBaseUrl), ct);
            }
            if (status == RoundStatus.Gesloten)
            {
                round.Status = RoundStatus.Gesloten;
                await invitations.ForgetTokensAsync(round.Id, ct);
                await db.ScanImportDrafts.Where(d => d.RoundId == round.Id).ExecuteDeleteAsync(ct);
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return (StatusOutcome)new StatusOutcome.Done(round, queued);
        });
    }
}
