using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Weerbaar.Web.Data;

namespace Weerbaar.Web.Shared.Auth;

/// <summary>
/// Data-protection keys (cookies, bearer and invitation tokens) live in the database, so every instance behind a load
/// balancer reads the same ones. With Weerbaar:DataProtection:Certificate they are encrypted there with that certificate;
/// outside Development an unencrypted key ring needs Weerbaar:DataProtection:AllowUnencryptedKeys=true (ADR 0013).
/// A configuration that names a certificate which cannot be used stops the start-up: never a silent unencrypted ring.
/// </summary>
public static class DataProtectionSetup
{
    public const string Section = "Weerbaar:DataProtection";

    public static IServiceCollection AddWeerbaarDataProtection(this IServiceCollection services, IConfiguration config, IHostEnvironment environment)
    {
        var builder = services.AddDataProtection().SetApplicationName("Weerbaar").PersistKeysToDbContext<AppDbContext>();
        var section = config.GetSection(Section);
        var current = LoadCertificate(section.GetSection("Certificate"));
        if (current is not null)
        {
            // Keys written before a certificate change stay readable while the old certificate is listed here.
            var previous = section.GetSection("PreviousCertificates").GetChildren()
                .Select(c => LoadCertificate(c) ?? throw Misconfigured($"{c.Path} names no certificate: set its Path or Thumbprint."))
                .ToArray();
            builder.ProtectKeysWithCertificate(current).UnprotectKeysWithAnyCertificate([current, .. previous]);
        }
        else if (!environment.IsDevelopment() && !section.GetValue<bool>("AllowUnencryptedKeys"))
        {
            throw Misconfigured(
                $"outside Development the data-protection keys must be encrypted at rest: set {Section}:Certificate:Path (a .pfx file, " +
                $"with {Section}:Certificate:Password) or {Section}:Certificate:Thumbprint (a certificate in the My store), " +
                $"or accept keys stored unencrypted in the database explicitly with {Section}:AllowUnencryptedKeys=true.");
        }
        else
        {
            // Unencrypted by choice (Development, or the explicit setting): the framework's "No XML encryptor configured"
            // warning at every first start would only teach operators to ignore warnings. Its errors still show.
            services.Configure<LoggerFilterOptions>(o => o.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error));
        }
        return services;
    }

    /// <summary>The certificate a section names (Path + Password, or Thumbprint), or null when it names none.</summary>
    public static X509Certificate2? LoadCertificate(IConfigurationSection section)
    {
        var path = section["Path"];
        var thumbprint = section["Thumbprint"];
        if (string.IsNullOrWhiteSpace(path) && string.IsNullOrWhiteSpace(thumbprint))
        {
            return null;
        }
        if (!string.IsNullOrWhiteSpace(path) && !string.IsNullOrWhiteSpace(thumbprint))
        {
            throw Misconfigured($"set either {section.Path}:Path or {section.Path}:Thumbprint, not both.");
        }
        var certificate = string.IsNullOrWhiteSpace(path) ? FromStore(section.Path, thumbprint!) : FromFile(section.Path, path, section["Password"]);
        if (!certificate.HasPrivateKey)
        {
            throw Misconfigured($"the certificate {certificate.Subject} ({certificate.Thumbprint}) of {section.Path} has no private key: " +
                "keys encrypted with it could never be read again. Use a .pfx that includes the private key.");
        }
        using var rsa = certificate.GetRSAPrivateKey();
        if (rsa is null)
        {
            throw Misconfigured($"the certificate {certificate.Subject} ({certificate.Thumbprint}) of {section.Path} needs an RSA key (XML encryption of the key ring).");
        }
        return certificate;
    }

    private static X509Certificate2 FromFile(string sectionPath, string path, string? password)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw Misconfigured($"{sectionPath}:Path: the certificate file '{fullPath}' does not exist.");
        }
        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(fullPath, password, X509KeyStorageFlags.DefaultKeySet);
        }
        catch (CryptographicException e)
        {
            throw Misconfigured($"{sectionPath}:Path: '{fullPath}' could not be opened as a PKCS#12 (.pfx) file with the configured " +
                $"{sectionPath}:Password: the password is wrong or the file is not a .pfx ({e.Message}).", e);
        }
    }

    private static X509Certificate2 FromStore(string sectionPath, string thumbprint)
    {
        var wanted = thumbprint.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            using var store = new X509Store(StoreName.My, location);
            try
            {
                store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            }
            catch (CryptographicException)
            {
                continue; // this store does not exist on this machine
            }
            var found = store.Certificates.Find(X509FindType.FindByThumbprint, wanted, validOnly: false);
            if (found.Count > 0)
            {
                return found[0];
            }
        }
        throw Misconfigured($"{sectionPath}:Thumbprint: no certificate with thumbprint {wanted} in the CurrentUser or LocalMachine 'My' store.");
    }

    private static InvalidOperationException Misconfigured(string problem, Exception? inner = null)
        => new("Data protection is misconfigured: " + problem, inner);
}
