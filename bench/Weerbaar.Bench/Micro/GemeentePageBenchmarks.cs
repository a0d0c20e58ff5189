using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Gemeenten;

namespace Weerbaar.Bench.Micro;

/// <summary>
/// Where the time of GET /gemeenten/{code} goes, without HTTP: the database part
/// (<see cref="GemeentenQueries.DetailAsync"/> on SQLite), and the page component (the same queries, the outline
/// and the table; without the layout) rendered to UTF-8: straight into a StreamWriter, and through the
/// BufferedTextWriter that static SSR puts between the renderer and the response.
/// </summary>
[MemoryDiagnoser]
public class GemeentePageBenchmarks
{
    private ServiceProvider _services = null!;

    [Params("GM0363", "GM0344")]
    public string Code { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        services.AddSingleton(ReferenceFixture.Reference);
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Weerbaar:Map:TileUrl"] = "" })
            .Build());
        services.AddDbContext<AppDbContext>(o => DatabaseSetup.Configure(o, DatabaseProvider.Sqlite, ReferenceFixture.ConnectionString));
        _services = services.BuildServiceProvider();
        var bytes = RenderPageSsrBuffered().GetAwaiter().GetResult();
        Console.WriteLine($"// {Code}: the page component writes {bytes} bytes of HTML (without the layout)");
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Baseline = true)]
    public async Task<int> DetailQuery()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var detail = await GemeentenQueries.DetailAsync(db, ReferenceFixture.Reference, Code, CancellationToken.None);
        return detail!.Wijken.Count;
    }

    [Benchmark]
    public Task<long> RenderPage() => RenderAsync(ssrBuffer: false);

    [Benchmark]
    public Task<long> RenderPageSsrBuffered() => RenderAsync(ssrBuffer: true);

    private async Task<long> RenderAsync(bool ssrBuffer)
    {
        await using var scope = _services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, NullLoggerFactory.Instance);
        await using var body = new CountingStream();
        await using (var writer = new StreamWriter(body, leaveOpen: true))
        {
            using var output = ssrBuffer ? SsrBuffer.Wrap(writer) : null;
            await renderer.Dispatcher.InvokeAsync(async () =>
            {
                var html = await renderer.RenderComponentAsync<GemeentePage>(
                    ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(GemeentePage.Gemeentecode)] = Code }));
                html.WriteHtmlTo(output ?? writer);
            });
            if (output is not null)
            {
                await output.FlushAsync();
            }
        }
        return body.Length;
    }
}
