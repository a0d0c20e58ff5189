using Microsoft.AspNetCore.Identity;

namespace Weerbaar.Web.Features.Accounts;

public sealed class DutchIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "Er is een onbekende fout opgetreden." };
    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = "Iemand anders heeft dit account tegelijk gewijzigd; probeer het opnieuw." };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "Het wachtwoord is onjuist." };
    public override IdentityError InvalidToken() => new() { Code = nameof(InvalidToken), Description = "De link is ongeldig of verlopen." };
    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = $"'{email}' is geen geldig e-mailadres." };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = $"'{userName}' is geen geldige gebruikersnaam." };
    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = $"Er bestaat al een account met e-mailadres '{email}'." };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"Er bestaat al een account met e-mailadres '{userName}'." };
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"Het wachtwoord moet minstens {length} tekens lang zijn." };
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"Het wachtwoord moet minstens {uniqueChars} verschillende tekens bevatten." };
    public override IdentityError PasswordRequiresNonAlphanumeric() => new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = "Het wachtwoord moet een leesteken of symbool bevatten." };
    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "Het wachtwoord moet minstens één cijfer bevatten." };
    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "Het wachtwoord moet minstens één kleine letter bevatten." };
    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = "Het wachtwoord moet minstens één hoofdletter bevatten." };
    public override IdentityError UserLockoutNotEnabled() => new() { Code = nameof(UserLockoutNotEnabled), Description = "Blokkeren is voor dit account niet ingeschakeld." };
    public override IdentityError UserAlreadyInRole(string role) => new() { Code = nameof(UserAlreadyInRole), Description = $"De gebruiker heeft de rol '{role}' al." };
    public override IdentityError UserNotInRole(string role) => new() { Code = nameof(UserNotInRole), Description = $"De gebruiker heeft de rol '{role}' niet." };
}
