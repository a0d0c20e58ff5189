using Microsoft.AspNetCore.Identity;
using Weerbaar.Web.Features.Accounts;

namespace Weerbaar.Web.Features.Demo;

/// <summary>
/// Demo accounts for `dotnet run` (Weerbaar:Demo:Seed, default true): a beheerder, an onderzoeker, a regio user
/// and a coordinator and lezer of the demo gemeente. Passwords are generated on first start and printed once.
/// </summary>
public static class DemoSeeder
{
    public const string DemoGemeente = "GM0344"; // Utrecht
    public const string DemoRegio = "VR09";      // Utrecht

    public static async Task SeedAsync(UserManager<AppUser> users, TimeProvider clock, TextWriter console)
    {
        (string Email, string Name, string Role, string? Gemeente, string? Regio)[] accounts =
        [
            ("beheerder@weerbaar.demo", "Demo beheerder", Roles.Beheerder, null, null),
            ("onderzoeker@weerbaar.demo", "Demo onderzoeker", Roles.Onderzoeker, null, null),
            ("regio@weerbaar.demo", "Demo veiligheidsregio Utrecht", Roles.Regio, null, DemoRegio),
            ("coordinator@weerbaar.demo", "Demo coördinator Utrecht", Roles.Coordinator, DemoGemeente, null),
            ("lezer@weerbaar.demo", "Demo lezer Utrecht", Roles.Lezer, DemoGemeente, null),
        ];
        var printed = false;
        foreach (var a in accounts)
        {
            var password = PasswordGenerator.Generate();
            if (await AccountSeeder.EnsureUserAsync(users, a.Email, a.Name, a.Role, a.Gemeente, a.Regio, password, clock, resetPassword: false))
            {
                if (!printed)
                {
                    console.WriteLine();
                    console.WriteLine("== Weerbaar demo-accounts (wachtwoorden worden alleen nu getoond) ==");
                    printed = true;
                }
                console.WriteLine($"   {a.Role,-12} {a.Email,-28} {password}");
            }
        }
        if (printed)
        {
            console.WriteLine();
        }
    }
}
