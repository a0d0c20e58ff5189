using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Email;
using Weerbaar.Web.Features.Scan.Rounds;

namespace Weerbaar.Web.Features.Scan.Invitations;

/// <summary>The invitation e-mail with the personal link. The token exists in plain text only here and in the reply to its creator.</summary>
public static class InvitationMail
{
    public static void Enqueue(AppDbContext db, ScanRound round, ScanInvitation invitation, string token, string gemeenteName, string baseUrl, TimeProvider clock)
    {
        var link = $"{baseUrl.TrimEnd('/')}/scan/{token}";
        EmailOutbox.Enqueue(db, invitation.ContactEmail, $"Uitnodiging: {round.Name}", $"""
            Beste {invitation.ContactName},

            Namens het landelijk onderzoeksteam nodigen wij gemeente {gemeenteName} uit voor de {round.Name}.
            De vragenlijst gaat over bewustzijn, inzicht en de zes pijlers uit de VNG-handreiking en kost ongeveer
            twintig minuten. U kunt tussendoor stoppen: uw antwoorden worden per pagina bewaard en u gaat later
            verder met dezelfde link, ook op een ander apparaat.

            Uw persoonlijke link (deel deze alleen met wie namens de burgemeester invult):
            {link}

            De vragenlijst is open van {round.OpensOn:d MMMM yyyy} tot en met {round.ClosesOn:d MMMM yyyy}.

            Met vriendelijke groet,
            Het onderzoeksteam Weerbaarheidsscan
            """, clock);
        invitation.InvitedAt = clock.GetUtcNow();
    }
}
