using System.Security.Cryptography;

namespace Weerbaar.Web.Features.Accounts;

public static class PasswordGenerator
{
    // No look-alikes (0/O, 1/l/I) so a password read from a console can be typed.
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>A random password of 20 characters (≈ 115 bits) that meets the password rules.</summary>
    public static string Generate()
    {
        while (true)
        {
            var chars = RandomNumberGenerator.GetItems<char>(Alphabet, 20);
            if (chars.Any(char.IsDigit) && chars.Any(char.IsLower) && chars.Any(char.IsUpper))
            {
                return new string(chars);
            }
        }
    }
}
