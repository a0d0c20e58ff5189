using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Weerbaar.Bench.Saves;

/// <summary>
/// The floor: the least a server can do for a page save over HTTP on this machine. A minimal <see cref="WebApplication"/>
/// (Kestrel, routing, nothing else) on 127.0.0.1 in the bench process with two endpoints that each do one upsert through
/// the single writer of <see cref="IFloorStore"/> (a commit per save, or with group commit one per batch), committed before the answer:
/// <c>PUT /floor/{token}/parts/{part}</c> with <c>{answers}</c> answers <c>{version}</c>, and
/// <c>POST /floor-form/{token}/parts/{part}</c> with a form body answers 303 to the next page, as a PRG form does.
/// </summary>
public sealed class FloorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FloorServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    private sealed record SaveRequest(Dictionary<string, string?>? Answers);

    private sealed record Saved(int Version);

    /// <param name="save">Stores one save and returns its version: the store's own upsert, or a <see cref="GroupCommitWriter"/>.</param>
    public static async Task<FloorServer> StartAsync(Func<string, int, string, CancellationToken, Task<int>> save)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();

        app.MapPut("/floor/{token}/parts/{part:int}", async (string token, int part, SaveRequest request, CancellationToken ct) =>
        {
            var json = JsonSerializer.Serialize(NonEmpty(request.Answers ?? []));
            return TypedResults.Ok(new Saved(await save(token, part, json, ct)));
        });
        app.MapPost("/floor-form/{token}/parts/{part:int}", async (string token, int part, HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var answers = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var (key, values) in form)
            {
                // Hidden fields (_handler, _action, __RequestVerificationToken) are not answers; checked boxes join with '|'.
                if (!key.StartsWith('_'))
                {
                    answers[key] = string.Join('|', values.Where(v => !string.IsNullOrWhiteSpace(v)));
                }
            }
            await save(token, part, JsonSerializer.Serialize(NonEmpty(answers)), http.RequestAborted);
            http.Response.StatusCode = StatusCodes.Status303SeeOther;
            http.Response.Headers.Location = $"/floor-form/{token}/parts/{(part % 3) + 1}";
        });

        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Single(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)));
        return new FloorServer(app, address);
    }

    /// <summary>What the app stores of a page too: trimmed answers, empty ones left out.</summary>
    private static Dictionary<string, string> NonEmpty(Dictionary<string, string?> answers)
    {
        var result = new Dictionary<string, string>(answers.Count, StringComparer.Ordinal);
        foreach (var (key, value) in answers)
        {
            var v = value?.Trim();
            if (!string.IsNullOrEmpty(v))
            {
                result[key] = v;
            }
        }
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
