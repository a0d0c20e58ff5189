using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Scan.Mail;
using Weerbaar.Web.Features.Scan.Responses;
using Weerbaar.Web.Features.Scan.Rounds;

namespace Weerbaar.Web.Features.Scan.Invitations;

public sealed record ContactsResult(int Created, int Updated, int Resent);

public abstract record ContactsOutcome
{
    public sealed record Done(ContactsResult Result) : ContactsOutcome;
    public sealed record NotFound : ContactsOutcome;
    public sealed record Closed : ContactsOutcome;
    public sealed record Invalid(IReadOnlyList<CsvError> Errors) : ContactsOutcome;
}

/// <summary>
/// Keeps the contacts of a round's invitations: new gemeenten get an invitation, known ones a new contact. When the
/// address of an already invited gemeente changes in an open round, the invitation goes again to the new address
/// (with the same link), because the new contact has no other way to get it.
/// </summary>
public sealed class ContactsService(AppDbContext db, ReferenceData reference, InvitationSender sender, ScanMailer mailer)
{
    public async Task<ContactsOutcome> ImportAsync(Guid roundId, byte[] file, string? requestBaseUrl, CancellationToken ct)
    {
        var round = await db.ScanRounds.FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null)
        {
            return new ContactsOutcome.NotFound();
        }
        if (round.Status == RoundStatus.Gesloten)
        {
            return new ContactsOutcome.Closed();
        }
        var (contacts, errors) = ContactsCsv.Parse(file, code => round.InPopulation(code, reference));
        return errors.Count > 0 ? new ContactsOutcome.Invalid(errors) : await StoreAsync(round, contacts, requestBaseUrl, ct);
    }

    public async Task<ContactsOutcome> UpdateAsync(Guid roundId, ContactInput contact, string? requestBaseUrl, CancellationToken ct)
    {
        var round = await db.ScanRounds.FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null)
        {
            return new ContactsOutcome.NotFound();
        }
        if (round.Status == RoundStatus.Gesloten)
        {
            return new ContactsOutcome.Closed();
        }
        var errors = new List<CsvError>();
        if (!round.InPopulation(contact.Gemeentecode, reference))
        {
            errors.Add(new(0, "gemeentecode", $"'{contact.Gemeentecode}' is geen gemeente van deze ronde."));
        }
        errors.AddRange(ContactRules.Validate(contact.Name, contact.Email, contact.Role).Select(e => new CsvError(0, e.Field, e.Message)));
        return errors.Count > 0
            ? new ContactsOutcome.Invalid(errors)
            : await StoreAsync(round, [ContactRules.Normalize(contact.Gemeentecode, contact.Name, contact.Email, contact.Role)], requestBaseUrl, ct);
    }

    private async Task<ContactsOutcome> StoreAsync(ScanRound round, IReadOnlyList<ContactInput> contacts, string? requestBaseUrl, CancellationToken ct)
    {
        var baseUrl = mailer.BaseUrl(requestBaseUrl);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var existing = await db.ScanInvitations.IgnoreQueryFilters().Where(i => i.RoundId == round.Id).ToDictionaryAsync(i => i.GemeenteCode, ct);
            var updated = 0;
            var resend = new List<ScanInvitation>();
            foreach (var contact in contacts.Where(c => existing.ContainsKey(c.Gemeentecode)))
            {
                var invitation = existing[contact.Gemeentecode];
                if (invitation.ContactName == contact.Name && invitation.ContactEmail == contact.Email && invitation.ContactRole == contact.Role)
                {
                    continue;
                }
                if (invitation.ContactEmail != contact.Email && invitation.InvitedAt is not null && invitation.ProtectedToken is not null)
                {
                    resend.Add(invitation);
                }
                invitation.ContactName = contact.Name;
                invitation.ContactEmail = contact.Email;
                invitation.ContactRole = contact.Role;
                updated++;
            }
            foreach (var invitation in resend)
            {
                await mailer.EnqueueAsync(ScanMailKind.Uitnodiging, round, invitation, sender.Token(invitation), baseUrl, ct);
            }
            var fresh = contacts.Where(c => !existing.ContainsKey(c.Gemeentecode)).ToList();
            // CreateAsync saves: the updates above go in the same SaveChanges and the same transaction.
            await sender.CreateAsync(round, fresh, baseUrl, ct);
            await tx.CommitAsync(ct);
            return (ContactsOutcome)new ContactsOutcome.Done(new ContactsResult(fresh.Count, updated, resend.Count));
        });
    }
}
