using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Email;
using Weerbaar.Web.Features.Gemeenten;

namespace Weerbaar.Web.Features.Accounts;

public sealed record FieldError(string Field, string Message);

public sealed record InviteRequest(string? Email, string? DisplayName, string? Role, string? Gemeentecode, string? VeiligheidsregioCode);

public sealed record InviteResult(UserInvitation? Invitation, string? Token, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

public enum InvitationState
{
    Valid,
    Unknown,
    Expired,
    Used,
    Revoked,
}

/// <summary>Inviting, activating, deactivating users and changing roles; shared by the admin pages and the API.</summary>
public sealed class UserAdministration(
    AppDbContext db, UserManager<AppUser> users, ReferenceData reference, IOptions<EmailOptions> email,
    IOptions<AccountOptions> accountOptions, TimeProvider clock)
{
    public async Task<InviteResult> InviteAsync(InviteRequest request, string invitedBy, string baseUrl, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        var address = request.Email?.Trim() ?? "";
        if (!MailAddress.TryCreate(address, out var parsed) || parsed.Address != address || address.Length > 256)
        {
            errors.Add(new("email", "Vul een geldig e-mailadres in."));
        }
        var name = request.DisplayName?.Trim() ?? "";
        if (name.Length is 0 or > 200)
        {
            errors.Add(new("displayName", "Vul een naam in van hoogstens 200 tekens."));
        }
        var role = request.Role?.Trim().ToLowerInvariant() ?? "";
        if (!Roles.All.Contains(role))
        {
            errors.Add(new("role", "Kies een rol: " + string.Join(", ", Roles.All) + "."));
        }
        var gemeente = request.Gemeentecode?.Trim().ToUpperInvariant();
        var regio = request.VeiligheidsregioCode?.Trim().ToUpperInvariant();
        if (Roles.NeedsGemeente(role) && reference.Gemeente(gemeente) is null)
        {
            errors.Add(new("gemeentecode", "Kies de gemeente waarvoor deze gebruiker werkt."));
        }
        if (Roles.NeedsRegio(role) && reference.VeiligheidsregioName(regio ?? "") is null)
        {
            errors.Add(new("veiligheidsregioCode", "Kies de veiligheidsregio van deze gebruiker."));
        }
        if (errors.Count == 0 && await users.FindByEmailAsync(address) is not null)
        {
            errors.Add(new("email", $"Er bestaat al een account met e-mailadres {address}."));
        }
        if (errors.Count > 0)
        {
            return new InviteResult(null, null, errors);
        }

        var token = TokenHasher.NewToken();
        var now = clock.GetUtcNow();
        var invitation = new UserInvitation
        {
            Email = address,
            DisplayName = name,
            Role = role,
            GemeenteCode = Roles.NeedsGemeente(role) ? gemeente! : "",
            VeiligheidsregioCode = Roles.NeedsRegio(role) ? regio : null,
            TokenHash = TokenHasher.Hash(token),
            CreatedAt = now,
            ExpiresAt = now.Add(accountOptions.Value.InvitationLifetime),
            CreatedBy = invitedBy,
        };
        db.UserInvitations.Add(invitation);
        var link = $"{(email.Value.PublicBaseUrl ?? baseUrl).TrimEnd('/')}/uitnodiging/{token}";
        var scope = invitation.GemeenteCode.Length > 0
            ? $" voor gemeente {reference.Gemeente(invitation.GemeenteCode)?.Name}"
            : invitation.VeiligheidsregioCode is { } r ? $" voor veiligheidsregio {reference.VeiligheidsregioName(r)}" : "";
        EmailOutbox.Enqueue(db, address, "Uitnodiging voor Weerbaar", $"""
            Beste {name},

            U bent uitgenodigd voor Weerbaar als {Roles.Label(role).ToLowerInvariant()}{scope}.
            Kies via deze persoonlijke link een wachtwoord om uw account te activeren:

            {link}

            De link is eenmalig te gebruiken en geldig tot {Shared.Format.Moment(invitation.ExpiresAt, "d MMMM yyyy HH:mm")}.
            Heeft u deze uitnodiging niet verwacht? Dan kunt u dit bericht negeren.

            Met vriendelijke groet,
            Weerbaar
            """, clock);
        await db.SaveChangesAsync(ct);
        return new InviteResult(invitation, token, []);
    }

    public async Task<(UserInvitation? Invitation, InvitationState State)> FindInvitationAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return (null, InvitationState.Unknown);
        }
        var hash = TokenHasher.Hash(token);
        // The link itself is the credential: no tenant is signed in, so look across tenants by hash.
        var invitation = await db.UserInvitations.IgnoreQueryFilters().FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        return invitation switch
        {
            null => (null, InvitationState.Unknown),
            { UsedAt: not null } => (invitation, InvitationState.Used),
            { RevokedAt: not null } => (invitation, InvitationState.Revoked),
            _ when invitation.ExpiresAt <= clock.GetUtcNow() => (invitation, InvitationState.Expired),
            _ => (invitation, InvitationState.Valid),
        };
    }

    public static string Describe(InvitationState state) => state switch
    {
        InvitationState.Unknown => "Deze uitnodigingslink is onbekend. Controleer of u de hele link uit de e-mail heeft gebruikt.",
        InvitationState.Expired => "Deze uitnodigingslink is verlopen. Vraag de beheerder om een nieuwe uitnodiging.",
        InvitationState.Used => "Deze uitnodigingslink is al gebruikt. U kunt inloggen met het wachtwoord dat u toen koos.",
        InvitationState.Revoked => "Deze uitnodiging is ingetrokken. Neem contact op met de beheerder.",
        _ => "",
    };

    /// <summary>Creates the account and marks the invitation used, in one transaction.</summary>
    public async Task<IReadOnlyList<FieldError>> AcceptAsync(string token, string? password, string? confirm, CancellationToken ct = default)
    {
        var (invitation, state) = await FindInvitationAsync(token, ct);
        if (state != InvitationState.Valid || invitation is null)
        {
            return [new("token", Describe(state))];
        }
        if (string.IsNullOrEmpty(password))
        {
            return [new("password", "Kies een wachtwoord.")];
        }
        if (password != confirm)
        {
            return [new("confirm", "De twee wachtwoorden zijn niet gelijk.")];
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var user = new AppUser
            {
                UserName = invitation.Email,
                Email = invitation.Email,
                EmailConfirmed = true,
                DisplayName = invitation.DisplayName,
                GemeenteCode = invitation.GemeenteCode.Length > 0 ? invitation.GemeenteCode : null,
                VeiligheidsregioCode = invitation.VeiligheidsregioCode,
                CreatedAt = clock.GetUtcNow(),
                LockoutEnabled = true,
            };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return created.Errors.Select(e => new FieldError(e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "email", e.Description)).ToList();
            }
            var inRole = await users.AddToRoleAsync(user, invitation.Role);
            if (!inRole.Succeeded)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return inRole.Errors.Select(e => new FieldError("role", e.Description)).ToList();
            }
            invitation.UsedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return (IReadOnlyList<FieldError>)[];
        });
    }

    public async Task<IReadOnlyList<FieldError>> ChangeRoleAsync(string userId, string? role, string? gemeentecode, string? regioCode, string actingUserId)
    {
        role = role?.Trim().ToLowerInvariant() ?? "";
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return [new("id", "Deze gebruiker bestaat niet.")];
        }
        if (!Roles.All.Contains(role))
        {
            return [new("role", "Kies een geldige rol.")];
        }
        if (userId == actingUserId && role != Roles.Beheerder)
        {
            return [new("role", "U kunt uw eigen beheerdersrol niet afnemen; laat een andere beheerder dat doen.")];
        }
        gemeentecode = gemeentecode?.Trim().ToUpperInvariant();
        regioCode = regioCode?.Trim().ToUpperInvariant();
        if (Roles.NeedsGemeente(role) && reference.Gemeente(gemeentecode) is null)
        {
            return [new("gemeentecode", "Kies de gemeente waarvoor deze gebruiker werkt.")];
        }
        if (Roles.NeedsRegio(role) && reference.VeiligheidsregioName(regioCode ?? "") is null)
        {
            return [new("veiligheidsregioCode", "Kies de veiligheidsregio van deze gebruiker.")];
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var current = await users.GetRolesAsync(user);
            var removed = await users.RemoveFromRolesAsync(user, current);
            var added = removed.Succeeded ? await users.AddToRoleAsync(user, role) : removed;
            user.GemeenteCode = Roles.NeedsGemeente(role) ? gemeentecode : null;
            user.VeiligheidsregioCode = Roles.NeedsRegio(role) ? regioCode : null;
            var updated = added.Succeeded ? await users.UpdateSecurityStampAsync(user) : added;
            if (!updated.Succeeded)
            {
                await tx.RollbackAsync();
                db.ChangeTracker.Clear();
                return updated.Errors.Select(e => new FieldError("role", e.Description)).ToList();
            }
            await tx.CommitAsync();
            return (IReadOnlyList<FieldError>)[];
        });
    }

    /// <summary>Deactivation locks the account for good and invalidates its cookies and tokens (new security stamp).</summary>
    public async Task<IReadOnlyList<FieldError>> SetActiveAsync(string userId, bool active, string actingUserId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return [new("id", "Deze gebruiker bestaat niet.")];
        }
        if (!active && userId == actingUserId)
        {
            return [new("id", "U kunt uw eigen account niet deactiveren.")];
        }
        user.IsActive = active;
        user.LockoutEnabled = true;
        user.LockoutEnd = active ? null : DateTimeOffset.MaxValue;
        if (active)
        {
            user.AccessFailedCount = 0;
        }
        var result = await users.UpdateAsync(user);
        if (result.Succeeded && !active)
        {
            result = await users.UpdateSecurityStampAsync(user);
        }
        return result.Succeeded ? [] : result.Errors.Select(e => new FieldError("id", e.Description)).ToList();
    }
}

public sealed class AccountOptions
{
    public const string Section = "Weerbaar:Accounts";
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);
    public int LoginRequestsPerMinute { get; set; } = 30;
}
