using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Email;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Scan.Invitations;
using Weerbaar.Web.Features.Scan.Rounds;
using Weerbaar.Web.Shared;

namespace Weerbaar.Web.Features.Scan.Mail;

/// <summary>
/// Puts the scan e-mails in the outbox of the caller's unit of work, in the round's own wording. The plain token exists
/// only in memory here; links are built from the configured public URL (Weerbaar:Email:PublicBaseUrl) or the request's.
/// </summary>
public sealed class ScanMailer(AppDbContext db, ReferenceData reference, TimeProvider clock, IOptions<EmailOptions> email)
{
    private readonly Dictionary<(Guid, ScanMailKind), MailText> _templates = [];

    public async Task<MailText> TemplateAsync(Guid roundId, ScanMailKind kind, CancellationToken ct)
    {
        if (!_templates.TryGetValue((roundId, kind), out var text))
        {
            var stored = await db.ScanMailTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.RoundId == roundId && t.Kind == kind, ct);
            text = stored is null ? MailTemplateText.Default(kind) : new MailText(stored.Subject, stored.Body);
            _templates[(roundId, kind)] = text;
        }
        return text;
    }

    public string BaseUrl(string? requestBaseUrl) => (email.Value.PublicBaseUrl ?? requestBaseUrl ?? "http://localhost:5000").TrimEnd('/');

    public async Task EnqueueAsync(ScanMailKind kind, ScanRound round, ScanInvitation invitation, string token, string baseUrl, CancellationToken ct, string? answers = null)
    {
        var template = await TemplateAsync(round.Id, kind, ct);
        var text = MailTemplateText.Render(template, Values(round, invitation, token, baseUrl, answers));
        EmailOutbox.Enqueue(db, invitation.ContactEmail, text.Subject, text.Body, clock);
    }

    public Dictionary<string, string> Values(ScanRound round, ScanInvitation invitation, string token, string baseUrl, string? answers) => new(StringComparer.Ordinal)
    {
        ["naam"] = invitation.ContactName,
        ["gemeente"] = reference.Gemeente(invitation.GemeenteCode)?.Name ?? invitation.GemeenteCode,
        ["ronde"] = round.Name,
        ["opendatum"] = round.OpensOn.ToString("d MMMM yyyy", Format.Dutch),
        ["sluitdatum"] = round.ClosesOn.ToString("d MMMM yyyy", Format.Dutch),
        ["link"] = $"{baseUrl}/scan/{token}",
        ["afmeldlink"] = $"{baseUrl}/scan/{token}/afmelden",
        ["antwoorden"] = answers ?? "",
    };

    /// <summary>Example values for the preview on the template page.</summary>
    public static Dictionary<string, string> Example(ScanRound round) => new(StringComparer.Ordinal)
    {
        ["naam"] = "Jan de Vries",
        ["gemeente"] = "Voorbeeldstad",
        ["ronde"] = round.Name,
        ["opendatum"] = round.OpensOn.ToString("d MMMM yyyy", Format.Dutch),
        ["sluitdatum"] = round.ClosesOn.ToString("d MMMM yyyy", Format.Dutch),
        ["link"] = "https://…/scan/persoonlijke-code",
        ["afmeldlink"] = "https://…/scan/persoonlijke-code/afmelden",
        ["antwoorden"] = "B1: 4\nB2: 5\n…",
    };
}
