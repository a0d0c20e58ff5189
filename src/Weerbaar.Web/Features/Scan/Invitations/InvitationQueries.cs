using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Scan.Responses;

namespace Weerbaar.Web.Features.Scan.Invitations;

public sealed record ScanInvitationDto(string Gemeentecode, string Gemeente, string Name, string Email, string? Role,
    DateTimeOffset? InvitedAt, int RemindersSent, DateTimeOffset? LastReminderAt, DateTimeOffset? OptedOutAt, string ResponseStatus);

public sealed class InvitationQueries(AppDbContext db, ReferenceData reference)
{
    /// <returns>Null when the round does not exist.</returns>
    public async Task<List<ScanInvitationDto>?> ListAsync(Guid roundId, CancellationToken ct)
    {
        if (!await db.ScanRounds.AnyAsync(r => r.Id == roundId, ct))
        {
            return null;
        }
        var status = (await db.ScanResponses.Where(r => r.RoundId == roundId).Select(r => new { r.GemeenteCode, r.Status }).ToListAsync(ct))
            .GroupBy(r => r.GemeenteCode)
            .ToDictionary(g => g.Key, g => g.Any(x => x.Status == ResponseStatus.Submitted) ? "submitted" : "in-progress");
        var invitations = await db.ScanInvitations.AsNoTracking().Where(i => i.RoundId == roundId).ToListAsync(ct);
        return invitations
            .Select(i => new ScanInvitationDto(i.GemeenteCode, reference.Gemeente(i.GemeenteCode)?.Name ?? i.GemeenteCode, i.ContactName, i.ContactEmail, i.ContactRole,
                i.InvitedAt, i.RemindersSent, i.LastReminderAt, i.OptedOutAt, status.GetValueOrDefault(i.GemeenteCode, "not-started")))
            .OrderBy(i => i.Gemeente, StringComparer.Create(Shared.Format.Dutch, ignoreCase: true))
            .ToList();
    }
}
