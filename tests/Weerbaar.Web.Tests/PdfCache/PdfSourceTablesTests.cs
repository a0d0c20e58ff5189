using System.Diagnostics;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Demo;
using Weerbaar.Web.Features.Foto;
using Weerbaar.Web.Features.Programme.Exports;
using Weerbaar.Web.Features.Scan.Report;
using Weerbaar.Web.Features.Scan.Report.Pdf;
using Weerbaar.Web.Shared.Tenancy;
using Weerbaar.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Weerbaar.Web.Tests.PdfCache;

/// <summary>
/// A cached PDF is found by a fingerprint of the tables listed beside its builder, without building it. A table the
/// builder reads but the list lacks would let a change go unseen and serve an old PDF: every statement a build runs
/// (on the demo data, where every chapter has content) must read only listed tables.
/// </summary>
public sealed partial class PdfSourceTablesTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "weerbaar-pdfsources-" + Guid.NewGuid().ToString("N")[..8]);
    private WeerbaarFactory _app = null!;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        _app = new WeerbaarFactory(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_dir, "weerbaar.db")}", _dir,
            new Dictionary<string, string> { ["Weerbaar:Demo:Seed"] = "true" });
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public Task The_foto_reads_only_its_listed_tables() => CheckAsync(FotoBuilder.Tables, Roles.Coordinator,
        sp => sp.GetRequiredService<FotoBuilder>().BuildAsync(DemoSeeder.DemoGemeente, CancellationToken.None));

    [Fact]
    public Task The_report_reads_only_its_listed_tables() => CheckAsync(RoundReport.Tables, Roles.Onderzoeker, async sp =>
    {
        var round = await sp.GetRequiredService<AppDbContext>().ScanRounds.SingleAsync(r => r.CreatedBy == DemoSeeder.DemoCreatedBy);
        return await sp.GetRequiredService<RoundReport>().BuildAsync(round.Id, CancellationToken.None);
    });

    [Fact]
    public Task The_programme_plan_reads_only_its_listed_tables() => CheckAsync(ProgrammePlanBuilder.Tables, Roles.Coordinator,
        sp => sp.GetRequiredService<ProgrammePlanBuilder>().BuildAsync(DemoSeeder.DemoGemeente, CancellationToken.None));

    private async Task CheckAsync<T>(Type[] listed, string role, Func<IServiceProvider, Task<T?>> build)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Role, role), .. role == Roles.Onderzoeker ? Array.Empty<Claim>() : [new Claim(WeerbaarClaims.Gemeente, DemoSeeder.DemoGemeente)]], "test"));
        using var scope = _app.Services.CreateScope();
        // The tenant filters read the user from the request, as in a download.
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { User = user, RequestServices = scope.ServiceProvider };
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var statements = await Statements.RecordAsync(async () => Assert.NotNull(await build(scope.ServiceProvider)));

        string Covered(string table) => db.Model.GetEntityTypes().SingleOrDefault(e => e.GetTableName() == table)?.ClrType is { } type
            && DataFingerprint.ReferenceTables.Contains(type) ? "reference" : table;
        var allowed = listed.Select(t => Covered(db.Model.FindEntityType(t)!.GetTableName()!)).ToHashSet();
        var read = statements.SelectMany(s => TableRead().Matches(s).Select(m => m.Groups[1].Value)).ToHashSet();
        output.WriteLine($"{statements.Count} statements; tables read: {string.Join(", ", read.Order())}");
        Assert.NotEmpty(statements);
        Assert.Empty(read.Where(t => !allowed.Contains(Covered(t))).Order());
    }

    [GeneratedRegex("""(?:FROM|JOIN)\s+"(\w+)"\s""")]
    private static partial Regex TableRead();

    /// <summary>The SQL statements EF Core runs in one async flow (tests run side by side; only this flow's count).</summary>
    private sealed class Statements : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        private static readonly AsyncLocal<List<string>?> Current = new();
        private static readonly Statements Instance = new();
        private static readonly IDisposable Subscription = DiagnosticListener.AllListeners.Subscribe(Instance);

        public static async Task<List<string>> RecordAsync(Func<Task> work)
        {
            GC.KeepAlive(Subscription);
            var list = new List<string>();
            Current.Value = list;
            try
            {
                await work();
            }
            finally
            {
                Current.Value = null;
            }
            lock (list)
            {
                return [.. list];
            }
        }

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
            {
                listener.Subscribe(this, name => name == RelationalEventId.CommandExecuting.Name);
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Value is CommandEventData data && Current.Value is { } list)
            {
                lock (list)
                {
                    list.Add(data.Command.CommandText);
                }
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
