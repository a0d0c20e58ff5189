using System.Net.Mail;

namespace Weerbaar.Web.Features.Scan.Invitations;

/// <summary>What a contact of an invitation must satisfy, for the API, the CSV import and the edit form alike.</summary>
public static class ContactRules
{
    public const int MaxName = 200;
    public const int MaxEmail = 256;
    public const int MaxRole = 200;

    public static IEnumerable<(string Field, string Message)> Validate(string? name, string? email, string? role)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxName || name.Any(char.IsControl))
        {
            yield return ("naam", $"Vul de naam van de contactpersoon in (één regel, hoogstens {MaxName} tekens).");
        }
        var address = email?.Trim();
        if (string.IsNullOrEmpty(address) || address.Length > MaxEmail || !MailAddress.TryCreate(address, out var mail) || mail.Address != address)
        {
            yield return ("email", $"'{email}' is geen geldig e-mailadres.");
        }
        if (role is not null && (role.Trim().Length > MaxRole || role.Any(char.IsControl)))
        {
            yield return ("rol", $"De rol is één regel van hoogstens {MaxRole} tekens.");
        }
    }

    public static ContactInput Normalize(string gemeentecode, string name, string email, string? role)
        => new(gemeentecode.Trim().ToUpperInvariant(), name.Trim(), email.Trim(), string.IsNullOrWhiteSpace(role) ? null : role.Trim());
}
