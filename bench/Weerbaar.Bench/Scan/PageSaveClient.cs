using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Weerbaar.Bench.Http;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.Responses;

namespace Weerbaar.Bench.Scan;

/// <summary>
/// One respondent that owns one invitation and saves page after page: parts 1, 2, 3 of answer set A, then of set B,
/// and round again, so every save really changes the stored answers. It sends the version the previous save
/// returned (optimistic concurrency as the respondent pages use it); a 409 would mean a lost race and is counted
/// as an error, after which the client continues from the current version.
/// </summary>
public sealed class PageSaveClient
{
    private readonly HttpClient _client;
    private readonly string _path;
    private readonly IReadOnlyList<Dictionary<string, string>> _pages;
    private int _version;
    private int _next;

    public PageSaveClient(HttpClient client, string token, int version, Instrument instrument, ResponseRow a, ResponseRow b)
    {
        _client = client;
        _path = $"/api/v1/invitations/{token}/response/parts/";
        _version = version;
        _pages = [.. Pages(instrument, a), .. Pages(instrument, b)];
    }

    public int Saves { get; private set; }

    /// <summary>The version of the last acknowledged save: the server must hold exactly this one.</summary>
    public int Version => _version;

    public async Task<StepResult> SaveNextAsync(CancellationToken ct)
    {
        var page = _next % _pages.Count;
        var part = (page % 3) + 1;
        using var response = await _client.PutAsJsonAsync(_path + part, new { version = _version, answers = _pages[page] }, ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            using var json = JsonDocument.Parse(body);
            _version = json.RootElement.GetProperty("version").GetInt32();
            _next++;
            Saves++;
        }
        else if (response.StatusCode == HttpStatusCode.Conflict)
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("currentVersion", out var current))
            {
                _version = current.GetInt32();
            }
        }
        return new StepResult((int)response.StatusCode, body.LongLength);
    }

    private static IEnumerable<Dictionary<string, string>> Pages(Instrument instrument, ResponseRow row)
        => instrument.Parts.OrderBy(p => p.Number).Select(p => p.Questions.SelectMany(q => q.AnswerIds)
            .Where(row.Answers.ContainsKey)
            .ToDictionary(id => id, id => row.Answers[id], StringComparer.Ordinal));
}
