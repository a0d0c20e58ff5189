using Weerbaar.Web.Features.Accounts;

namespace Weerbaar.E2E.Infrastructure;

/// <summary>An account the browser logs in with.</summary>
public sealed record TestUser(string Email, string Password, string DisplayName, string Role, string? Gemeente = null, string? Veiligheidsregio = null)
{
    public static TestUser Admin { get; } = new(KestrelAppFactory.AdminEmail, KestrelAppFactory.AdminPassword, KestrelAppFactory.AdminDisplayName, Roles.Beheerder);

    public static TestUser Coordinator(string gemeente)
        => new($"coordinator-{gemeente.ToLowerInvariant()}@e2e.weerbaar.nl", "E2e-wachtwoord-coordinator-2", $"Coördinator {gemeente}", Roles.Coordinator, gemeente);

    public static TestUser Regio(string veiligheidsregio)
        => new($"regio-{veiligheidsregio.ToLowerInvariant()}@e2e.weerbaar.nl", "E2e-wachtwoord-regio-4", $"Regio {veiligheidsregio}", Roles.Regio, null, veiligheidsregio);

    public static TestUser Lezer(string gemeente)
        => new($"lezer-{gemeente.ToLowerInvariant()}@e2e.weerbaar.nl", "E2e-wachtwoord-lezer-3", $"Lezer {gemeente}", Roles.Lezer, gemeente);
}
