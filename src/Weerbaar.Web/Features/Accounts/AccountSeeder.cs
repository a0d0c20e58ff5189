using Microsoft.AspNetCore.Identity;

namespace Weerbaar.Web.Features.Accounts;

public static class AccountSeeder
{
    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }
    }

    /// <summary>
    /// Weerbaar:Admin:Email and Weerbaar:Admin:Password make sure that user exists, is active, has the
    /// beheerder role and has that password (configuration is the source of truth for this one account).
    /// </summary>
    public static async Task EnsureBootstrapAdminAsync(UserManager<AppUser> users, IConfiguration config, TimeProvider clock)
    {
        var email = config["Weerbaar:Admin:Email"];
        var password = config["Weerbaar:Admin:Password"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return;
        }
        await EnsureUserAsync(users, email, "Beheerder", Roles.Beheerder, null, null, password, clock);
    }

    /// <summary>Creates the user when missing; returns true when it was created.</summary>
    public static async Task<bool> EnsureUserAsync(
        UserManager<AppUser> users, string email, string displayName, string role, string? gemeente, string? regio, string password, TimeProvider clock,
        bool resetPassword = true)
    {
        var user = await users.FindByEmailAsync(email);
        var created = user is null;
        if (user is null)
        {
            user = new AppUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = displayName,
                GemeenteCode = gemeente,
                VeiligheidsregioCode = regio,
                CreatedAt = clock.GetUtcNow(),
                LockoutEnabled = true,
            };
            Check(await users.CreateAsync(user, password));
        }
        else
        {
            if (!user.IsActive || user.LockoutEnd is not null)
            {
                user.IsActive = true;
                user.LockoutEnd = null;
                user.AccessFailedCount = 0;
                Check(await users.UpdateAsync(user));
            }
            if (resetPassword && !await users.CheckPasswordAsync(user, password))
            {
                var resetToken = await users.GeneratePasswordResetTokenAsync(user);
                Check(await users.ResetPasswordAsync(user, resetToken, password));
            }
        }
        if (!await users.IsInRoleAsync(user, role))
        {
            Check(await users.AddToRoleAsync(user, role));
        }
        return created;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Account aanmaken mislukt: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
