using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Weerbaar.Bench.Scan;

/// <summary>The calls of the research team over the app's public API (DESIGN.md "API contract"), as a bench client makes them.</summary>
public sealed class ScanApi(HttpClient admin)
{
    public const string Instrument = "weerbaarheidsscan-2025";

    public sealed record Invited(string Gemeentecode, Guid InvitationId, string Token);

    private sealed record Created(Guid Id);

    private sealed record ImportAnswer(int Imported);

    private static int _rounds;

    public async Task<Guid> CreateRoundAsync(string label, CancellationToken ct = default)
    {
        var n = Interlocked.Increment(ref _rounds);
        // Open from today for 90 days: once the closing day has passed the app refuses every save (409).
        var today = DateOnly.FromDateTime(DateTime.Today);
        using var response = await admin.PostAsJsonAsync("/api/v1/rounds", new
        {
            instrument = Instrument,
            name = string.Create(CultureInfo.InvariantCulture, $"Bench {label} {n}"),
            opensOn = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            closesOn = today.AddDays(90).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }, ct);
        await EnsureAsync(response, 201, "POST /api/v1/rounds", ct);
        return (await response.Content.ReadFromJsonAsync<Created>(ct))!.Id;
    }

    public async Task<List<Invited>> InviteAsync(Guid round, IEnumerable<string> gemeentecodes, CancellationToken ct = default)
    {
        var body = gemeentecodes.Select(code => new
        {
            gemeentecode = code,
            name = $"Contactpersoon {code}",
            email = $"oov-{code.ToLowerInvariant()}@bench.weerbaar.nl",
        }).ToList();
        using var response = await admin.PostAsJsonAsync($"/api/v1/rounds/{round}/invitations", body, ct);
        await EnsureAsync(response, 201, "POST invitations", ct);
        var invited = (await response.Content.ReadFromJsonAsync<List<Invited>>(ct))!;
        return invited.Count == body.Count ? invited : throw new InvalidOperationException($"{body.Count} invitations asked, {invited.Count} answered.");
    }

    public async Task OpenAsync(Guid round, CancellationToken ct = default)
    {
        using var response = await admin.PatchAsJsonAsync($"/api/v1/rounds/{round}", new { status = "open" }, ct);
        await EnsureAsync(response, 200, "PATCH round open", ct);
    }

    public async Task<int> ImportAsync(Guid round, byte[] csv, CancellationToken ct = default)
    {
        using var content = new ByteArrayContent(csv);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        using var response = await admin.PostAsync($"/api/v1/rounds/{round}/responses/import", content, ct);
        await EnsureAsync(response, 200, "POST import", ct);
        return (await response.Content.ReadFromJsonAsync<ImportAnswer>(ct))!.Imported;
    }

    /// <summary>The version of a respondent's stored answers (0 before the first save); the respondent API needs no bearer token.</summary>
    public static async Task<int> VersionAsync(HttpClient respondent, string token, CancellationToken ct = default)
    {
        using var response = await respondent.GetAsync($"/api/v1/invitations/{token}/response", ct);
        await EnsureAsync(response, 200, "GET own response", ct);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(ct));
        return json.RootElement.GetProperty("version").GetInt32();
    }

    private static async Task EnsureAsync(HttpResponseMessage response, int expected, string what, CancellationToken ct)
    {
        if ((int)response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} instead of {expected}: {body[..Math.Min(body.Length, 2000)]}");
        }
    }
}
