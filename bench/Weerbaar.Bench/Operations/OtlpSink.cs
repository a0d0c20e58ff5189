using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Weerbaar.Bench.Operations;

/// <summary>
/// A stand-in OTLP collector on 127.0.0.1 (gRPC over HTTP/2 without TLS, the exporter's default protocol): it reads each
/// export call whole and answers an empty success, so the app pays for recording, batching, serialising and sending its
/// telemetry but not for a collector's own work. Counts calls and bytes so the report shows export really happened.
/// </summary>
public sealed class OtlpSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _calls;
    private long _bytes;

    private OtlpSink(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;
    public long Calls => Interlocked.Read(ref _calls);
    public long Bytes => Interlocked.Read(ref _bytes);

    public static async Task<OtlpSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        var sink = new OtlpSink(builder.Build());
        sink._app.MapPost("/{**path}", sink.ExportAsync);
        await sink._app.StartAsync();
        var address = sink._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        sink.Endpoint = new Uri(address);
        return sink;
    }

    private async Task ExportAsync(HttpContext context)
    {
        var buffer = new byte[16 * 1024];
        long read = 0;
        int n;
        while ((n = await context.Request.Body.ReadAsync(buffer)) > 0)
        {
            read += n;
        }
        Interlocked.Increment(ref _calls);
        Interlocked.Add(ref _bytes, read);
        context.Response.ContentType = "application/grpc";
        // One length-prefixed message of 0 bytes: an empty Export…ServiceResponse, i.e. everything accepted.
        await context.Response.Body.WriteAsync(new byte[5]);
        context.Response.AppendTrailer("grpc-status", "0");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
