using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Weerbaar.Web.Tests.Infrastructure;

/// <summary>
/// Test hosts log at Debug (the framework's categories too; not EF Core below Warning, whose SQL text — without values, as
/// sensitive data logging is off — fills gigabytes while the CBS data load, nor the Blazor renderer's per-component lines) into
/// <see cref="TestLogFile"/>; the console stays at Warning. The app's own category filters still apply, as in production.
/// </summary>
public static class TestLogs
{
    public static void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Logging:LogLevel:Default", "Debug");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Debug");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Components.RenderTree", "Information");
        builder.UseSetting("Logging:Console:LogLevel:Default", "Warning");
        builder.ConfigureServices(s => s.AddLogging(l => l.AddProvider(TestLogFile.Instance)));
    }
}
