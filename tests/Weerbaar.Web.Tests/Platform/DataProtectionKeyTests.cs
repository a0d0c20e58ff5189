using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Web.Data;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Platform;

/// <summary>
/// Weerbaar:DataProtection: the key ring in the database encrypted with a certificate from configuration, readable
/// again after a restart, and a start-up that stops on a certificate it cannot use. Each test has its own SQLite file,
/// so no key of another test is in its ring.
/// </summary>
public sealed class DataProtectionKeyTests : IDisposable
{
    private const string PfxPassword = "pfx-wachtwoord-2026";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "weerbaar-dp-" + Guid.NewGuid().ToString("N")[..8]);

    public DataProtectionKeyTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private WeerbaarFactory App(Dictionary<string, string> settings)
        => new(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_dir, "w.db")}", _dir, settings);

    private string WritePfx(string name, bool withPrivateKey = true)
    {
        using var certificate = TestCertificates.Create($"Weerbaar sleutelring {name}", X509KeyUsageFlags.KeyEncipherment);
        var path = Path.Combine(_dir, name + ".pfx");
        using var exported = withPrivateKey ? certificate : X509CertificateLoader.LoadCertificate(certificate.RawData);
        File.WriteAllBytes(path, exported.Export(X509ContentType.Pkcs12, PfxPassword));
        return path;
    }

    private static Dictionary<string, string> Encrypted(string pfx) => new()
    {
        ["Weerbaar:DataProtection:AllowUnencryptedKeys"] = "false",
        ["Weerbaar:DataProtection:Certificate:Path"] = pfx,
        ["Weerbaar:DataProtection:Certificate:Password"] = PfxPassword,
    };

    private static string Protect(WeerbaarFactory app, string text)
        => app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Weerbaar.Tests.Restart").Protect(text);

    private static string Unprotect(WeerbaarFactory app, string payload)
        => app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Weerbaar.Tests.Restart").Unprotect(payload);

    [Fact]
    public async Task Keys_are_stored_encrypted_and_what_was_protected_before_a_restart_still_unprotects_after_it()
    {
        var pfx = WritePfx("huidig");
        string payload;
        AuthenticationHeaderValue bearer;
        await using (var first = App(Encrypted(pfx)))
        {
            payload = Protect(first, "geheim voor na de herstart");
            bearer = (await first.AdminAsync()).DefaultRequestHeaders.Authorization!;
            var keys = await first.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
                Assert.Contains("EncryptedXmlDecryptor", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            });
        }

        await using (var second = App(Encrypted(pfx)))
        {
            Assert.Equal("geheim voor na de herstart", Unprotect(second, payload));
            using var client = second.Anonymous();
            client.DefaultRequestHeaders.Authorization = bearer;
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/users")).StatusCode);
        }

        // Without the certificate the stored ring is unreadable: the encryption is real, not a label.
        await using var without = App(new Dictionary<string, string> { ["Weerbaar:DataProtection:AllowUnencryptedKeys"] = "true" });
        Assert.ThrowsAny<CryptographicException>(() => Unprotect(without, payload));
    }

    [Fact]
    public async Task After_a_certificate_change_keys_of_the_previous_certificate_stay_readable()
    {
        var old = WritePfx("oud");
        var next = WritePfx("nieuw");
        string payload;
        await using (var first = App(Encrypted(old)))
        {
            payload = Protect(first, "van voor de wissel");
        }
        var settings = Encrypted(next);
        settings["Weerbaar:DataProtection:PreviousCertificates:0:Path"] = old;
        settings["Weerbaar:DataProtection:PreviousCertificates:0:Password"] = PfxPassword;
        await using var second = App(settings);
        Assert.Equal("van voor de wissel", Unprotect(second, payload));
    }

    public static TheoryData<string, string> Misconfigurations => new()
    {
        { "missing-file", "does not exist" },
        { "wrong-password", "the password is wrong" },
        { "no-private-key", "has no private key" },
        { "not-chosen", "AllowUnencryptedKeys=true" },
    };

    [Theory]
    [MemberData(nameof(Misconfigurations))]
    public void A_wrong_configuration_stops_the_start_up_with_a_message_that_names_the_setting(string case_, string expected)
    {
        var settings = case_ switch
        {
            "missing-file" => Encrypted(Path.Combine(_dir, "bestaat-niet.pfx")),
            "wrong-password" => new Dictionary<string, string>(Encrypted(WritePfx("sleutel"))) { ["Weerbaar:DataProtection:Certificate:Password"] = "fout" },
            "no-private-key" => Encrypted(WritePfx("zonder-sleutel", withPrivateKey: false)),
            _ => new Dictionary<string, string> { ["Weerbaar:DataProtection:AllowUnencryptedKeys"] = "false" },
        };
        using var app = App(settings);

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        var message = error.ToString();
        Assert.Contains("Data protection is misconfigured", message, StringComparison.Ordinal);
        Assert.Contains("Weerbaar:DataProtection", message, StringComparison.Ordinal);
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }
}
