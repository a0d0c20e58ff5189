using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Weerbaar.Web.Shared.Api;

namespace Weerbaar.Web.Features.Accounts;

public sealed record LoginRequest([property: Required] string Email, [property: Required] string Password);

public sealed record RefreshRequest([property: Required] string RefreshToken);

/// <summary>
/// Bearer tokens for the API (ASP.NET Core Identity bearer tokens). Only login and refresh are exposed:
/// accounts come from invitations, never from self-registration.
/// </summary>
public static class AuthEndpoints
{
    public const string LoginRateLimit = "login";

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup(ApiConventions.BasePath + "/auth").WithTags("Authenticatie").AllowAnonymous().RequireRateLimiting(LoginRateLimit);

        auth.MapPost("/login", async Task<Results<EmptyHttpResult, ProblemHttpResult>> (
            [FromBody] LoginRequest request, SignInManager<AppUser> signIn) =>
        {
            if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
            {
                return ApiConventions.Problem(StatusCodes.Status400BadRequest, "Vul e-mailadres en wachtwoord in.");
            }
            signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
            var result = await signIn.PasswordSignInAsync(request.Email.Trim(), request.Password, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                // The bearer handler has written {tokenType, accessToken, expiresIn, refreshToken}.
                return TypedResults.Empty;
            }
            return ApiConventions.Problem(StatusCodes.Status401Unauthorized, result.IsLockedOut ? LoginMessages.LockedOut : LoginMessages.Invalid);
        })
        .WithName("Login")
        .WithSummary("Inloggen met e-mailadres en wachtwoord; geeft een bearer token.")
        .Produces<AccessTokenResponse>(StatusCodes.Status200OK)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status429TooManyRequests);

        auth.MapPost("/refresh", async Task<Results<SignInHttpResult, ProblemHttpResult>> (
            [FromBody] RefreshRequest request, SignInManager<AppUser> signIn,
            IOptionsMonitor<BearerTokenOptions> bearerOptions, TimeProvider clock) =>
        {
            var protector = bearerOptions.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
            var ticket = string.IsNullOrEmpty(request.RefreshToken) ? null : protector.Unprotect(request.RefreshToken);
            if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
                || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { IsActive: true } user)
            {
                return ApiConventions.Problem(StatusCodes.Status401Unauthorized, "Het vernieuwingstoken is ongeldig of verlopen; log opnieuw in.");
            }
            var principal = await signIn.CreateUserPrincipalAsync(user);
            return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
        })
        .WithName("RefreshToken")
        .WithSummary("Een nieuw bearer token met het vernieuwingstoken.")
        .Produces<AccessTokenResponse>(StatusCodes.Status200OK)
        .ProducesProblem(StatusCodes.Status401Unauthorized);

        // Logout for the cookie (pages). A form POST with antiforgery; GET would allow logout-CSRF.
        app.MapPost("/uitloggen", async (SignInManager<AppUser> signIn, HttpContext http) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/inloggen?uitgelogd=1");
        }).ExcludeFromDescription();

        return app;
    }
}

public static class LoginMessages
{
    public const string Invalid = "E-mailadres of wachtwoord is onjuist.";
    public const string LockedOut = "Dit account is tijdelijk geblokkeerd na te veel mislukte pogingen, of gedeactiveerd. Probeer het over 15 minuten opnieuw of neem contact op met de beheerder.";
}
