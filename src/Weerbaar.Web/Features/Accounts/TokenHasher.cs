using System.Security.Cryptography;

namespace Weerbaar.Web.Features.Accounts;

/// <summary>Unguessable link tokens (256 bits, base64url) of which only the SHA-256 is stored.</summary>
public static class TokenHasher
{
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
