using Weerbaar.Web.Data;
using Weerbaar.Web.Shared.Auth;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Platform;

public sealed class OidcConfigurationTests
{
    [Fact]
    public void Complete_https_configuration_is_valid()
    {
        var options = new OidcOptions { Authority = "https://login.example.nl", ClientId = "weerbaar", ClientSecret = "geheim" };
        Assert.True(options.IsConfigured);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Missing_parts_are_named_in_Dutch()
    {
        var problems = new OidcOptions { Authority = "http://login.example.nl" }.Validate();
        Assert.Contains(problems, p => p.Contains("https", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("ClientId ontbreekt", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("ClientSecret ontbreekt", StringComparison.Ordinal));
        Assert.False(new OidcOptions().IsConfigured);
    }

    [Fact]
    public void The_app_refuses_to_start_with_half_an_OIDC_configuration()
    {
        var dir = Path.Combine(Path.GetTempPath(), "weerbaar-oidc-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            using var factory = new WeerbaarFactory(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dir, "w.db")}", dir,
                new Dictionary<string, string> { ["Weerbaar:Oidc:Authority"] = "https://login.example.nl" });
            var error = Assert.ThrowsAny<Exception>(() => factory.Server);
            Assert.Contains("Onvolledige OpenID Connect-configuratie", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }
}
