using System.Net.Mail;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Scan.Rounds;
using Weerbaar.Web.Shared.Api;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.Scan.Invitations;

public sealed record InvitationRequest(string? Gemeentecode, string? Name, string? Email, string? Role = null);

public sealed record CreatedInvitation(string Gemeentecode, Guid InvitationId, string Token);

public static class InvitationsEndpoints
{
    public static IEndpointRouteBuilder MapInvitationsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(ApiConventions.BasePath + "/rounds/{id:guid}/invitations", async Task<Results<Created<List<CreatedInvitation>>, ProblemHttpResult>> (
            Guid id, List<InvitationRequest> request, AppDbContext db, ReferenceData reference, InvitationSender sender, HttpContext http, CancellationToken ct) =>
        {
            var round = await db.ScanRounds.FirstOrDefaultAsync(r => r.Id == id, ct);
            if (round is null)
            {
                return RoundsEndpoints.RoundNotFound(id);
            }
            if (round.Status == RoundStatus.Gesloten)
            {
                return TypedResults.Problem("Deze ronde is gesloten; er kunnen geen uitnodigingen meer bij.", statusCode: 409, title: ApiConventions.DutchTitle(409));
            }
            var existing = (await db.ScanInvitations.IgnoreQueryFilters().Where(i => i.RoundId == id).Select(i => i.GemeenteCode).ToListAsync(ct)).ToHashSet();
            var errors = new List<object>();
            var seen = new HashSet<string>();
            for (var index = 0; index < request.Count; index++)
            {
                var item = request[index];
                var code = item.Gemeentecode?.Trim().ToUpperInvariant() ?? "";
                if (!round.InPopulation(code, reference))
                {
                    errors.Add(new { index, field = "gemeentecode", message = $"'{item.Gemeentecode}' is geen gemeente van deze ronde." });
                }
                else if (existing.Contains(code) || !seen.Add(code))
                {
                    errors.Add(new { index, field = "gemeentecode", message = $"Gemeente {code} heeft in deze ronde al een uitnodiging." });
                }
                if (string.IsNullOrWhiteSpace(item.Name) || item.Name.Length > 200)
                {
                    errors.Add(new { index, field = "name", message = "Vul de naam van de contactpersoon in (hoogstens 200 tekens)." });
                }
                if (!MailAddress.TryCreate(item.Email?.Trim(), out var mail) || mail.Address != item.Email?.Trim())
                {
                    errors.Add(new { index, field = "email", message = $"'{item.Email}' is geen geldig e-mailadres." });
                }
            }
            if (request.Count == 0)
            {
                errors.Add(new { index = 0, field = "", message = "Geef minstens één uitnodiging." });
            }
            if (errors.Count > 0)
            {
                return TypedResults.Problem(ApiConventions.ValidationProblem("Er is geen enkele uitnodiging aangemaakt.", new Dictionary<string, object?> { ["errors"] = errors }));
            }
            var created = await sender.CreateAsync(round, request.Select(r => (r.Gemeentecode!.Trim().ToUpperInvariant(), r.Name!.Trim(), r.Email!.Trim(), r.Role?.Trim())).ToList(),
                UsersEndpoints.BaseUrl(http), ct);
            return TypedResults.Created($"{ApiConventions.BasePath}/rounds/{id}/invitations", created);
        })
        .RequireAuthorization(Policies.Onderzoek).WithTags("Weerbaarheidsscan")
        .WithName("CreateInvitations").WithSummary("Nodig gemeenten uit; het persoonlijke token staat alleen in dit antwoord en in de e-mail.")
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }
}

/// <summary>Creates invitations and queues their e-mails: at once in an open round, when the round opens otherwise.</summary>
public sealed class InvitationSender(AppDbContext db, ReferenceData reference, IDataProtectionProvider protection, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<Email.EmailOptions> email)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Weerbaar.ScanInvitation.PendingToken");

    public async Task<List<CreatedInvitation>> CreateAsync(ScanRound round, IReadOnlyList<(string Gemeente, string Name, string Email, string? Role)> contacts, string baseUrl, CancellationToken ct)
    {
        var created = new List<CreatedInvitation>();
        foreach (var (gemeente, name, address, role) in contacts)
        {
            var token = TokenHasher.NewToken();
            var invitation = new ScanInvitation
            {
                RoundId = round.Id,
                GemeenteCode = gemeente,
                ContactName = name,
                ContactEmail = address,
                ContactRole = role,
                TokenHash = TokenHasher.Hash(token),
                CreatedAt = clock.GetUtcNow(),
            };
            db.ScanInvitations.Add(invitation);
            if (round.Status == RoundStatus.Open)
            {
                InvitationMail.Enqueue(db, round, invitation, token, reference.Gemeente(gemeente)!.Name, email.Value.PublicBaseUrl ?? baseUrl, clock);
            }
            else
            {
                invitation.PendingToken = _protector.Protect(token);
            }
            created.Add(new CreatedInvitation(gemeente, invitation.Id, token));
        }
        await db.SaveChangesAsync(ct);
        return created;
    }

    /// <summary>Queues the e-mails of invitations made while the round was a concept; called in the transaction that opens it.</summary>
    public async Task QueuePendingAsync(ScanRound round, string baseUrl, CancellationToken ct)
    {
        var pending = await db.ScanInvitations.IgnoreQueryFilters().Where(i => i.RoundId == round.Id && i.PendingToken != null && i.OptedOutAt == null).ToListAsync(ct);
        foreach (var invitation in pending)
        {
            InvitationMail.Enqueue(db, round, invitation, _protector.Unprotect(invitation.PendingToken!), reference.Gemeente(invitation.GemeenteCode)!.Name,
                email.Value.PublicBaseUrl ?? baseUrl, clock);
            invitation.PendingToken = null;
        }
    }
}
