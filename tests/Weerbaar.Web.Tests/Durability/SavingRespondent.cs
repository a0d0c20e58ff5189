using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Weerbaar.Web.Features.Scan.Instruments;

namespace Weerbaar.Web.Tests.Durability;

/// <summary>The answers of one part of the questionnaire from one answer set ("A" or "B").</summary>
public sealed record PartPage(int Part, string Set, IReadOnlyDictionary<string, string> Answers);

/// <summary>
/// One respondent that owns one invitation and saves page after page (parts 1, 2, 3 of set A, then of set B, and
/// round again) until the server stops answering. It remembers what the server must hold: the answers and version
/// after its last save answered 200, and the save that was sent but never answered (the server may or may not have
/// committed that one). With <c>sendsVersion</c> it sends the version its last save returned; without, the save
/// applies as is.
/// </summary>
public sealed class SavingRespondent
{
    private readonly HttpClient _http;
    private readonly string _path;
    private readonly IReadOnlyList<PartPage> _pages;
    private readonly Dictionary<int, HashSet<string>> _partIds;
    private readonly Dictionary<string, string> _acked = new(StringComparer.Ordinal);
    private readonly Action _onAcknowledged;
    private int _next;

    public SavingRespondent(HttpClient http, string token, bool sendsVersion, Instrument instrument, IReadOnlyDictionary<string, string> setA,
        IReadOnlyDictionary<string, string> setB, Action onAcknowledged)
    {
        _http = http;
        Token = token;
        SendsVersion = sendsVersion;
        _path = $"/api/v1/invitations/{token}/response/parts/";
        _partIds = instrument.Parts.ToDictionary(p => p.Number, p => p.Questions.SelectMany(q => q.AnswerIds).ToHashSet(StringComparer.Ordinal));
        _pages = [.. Pages(instrument, "A", setA), .. Pages(instrument, "B", setB)];
        _onAcknowledged = onAcknowledged;
    }

    public string Token { get; }
    public bool SendsVersion { get; }
    public int Sent { get; private set; }
    public int Acknowledged { get; private set; }

    /// <summary>The version of the last save answered 200 (0 before any).</summary>
    public int AckedVersion { get; private set; }

    /// <summary>All answers the server must hold after the last save answered 200.</summary>
    public IReadOnlyDictionary<string, string> AckedAnswers => _acked;

    /// <summary>The save that was sent but not answered when the server went away; null when every sent save was answered.</summary>
    public PartPage? InFlight { get; private set; }

    /// <summary>Anything other than 200 or a lost connection while the server was up: each is a defect.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>What was sent, in order, for the failure message.</summary>
    public List<string> History { get; } = [];

    public IReadOnlyDictionary<int, HashSet<string>> PartIds => _partIds;

    /// <summary>The answers of a part as set A and set B have them: a stored part must equal one of these (or be empty).</summary>
    public IEnumerable<PartPage> PagesOf(int part) => _pages.Where(p => p.Part == part);

    /// <summary>Saves until the connection fails (the server was killed) or <paramref name="ct"/> ends.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested && await SaveNextAsync(ct))
        {
        }
    }

    /// <summary>One save; false when it was not acknowledged (the save then stays in flight, or is a problem).</summary>
    public async Task<bool> SaveNextAsync(CancellationToken ct)
    {
        var page = _pages[_next % _pages.Count];
        InFlight = page;
        Sent++;
        History.Add($"{page.Set}{page.Part}" + (SendsVersion ? $"@v{AckedVersion}" : ""));
        HttpStatusCode status;
        string body;
        try
        {
            using var response = await _http.PutAsJsonAsync(_path + page.Part, SendsVersion
                ? new { version = (int?)AckedVersion, answers = page.Answers }
                : (object)new { answers = page.Answers }, ct);
            status = response.StatusCode;
            body = await response.Content.ReadAsStringAsync(ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            // The server went away (or the test ended): not acknowledged; it may or may not have been committed.
            History[^1] += " (no answer)";
            return false;
        }
        if (status != HttpStatusCode.OK)
        {
            Problems.Add($"save {Sent} ({History[^1]}): {(int)status} {body[..Math.Min(body.Length, 300)]}");
            InFlight = null;
            return false;
        }
        var version = JsonDocument.Parse(body).RootElement.GetProperty("version").GetInt32();
        if (version != AckedVersion + 1)
        {
            // One client per token, one save at a time: every save adds exactly one version.
            Problems.Add($"save {Sent} ({History[^1]}) answered version {version} after version {AckedVersion}");
        }
        Apply(_acked, page);
        AckedVersion = version;
        InFlight = null;
        Acknowledged++;
        History[^1] += $" -> v{version}";
        _next++;
        _onAcknowledged();
        return true;
    }

    /// <summary>After a restart: continue from what the server holds.</summary>
    public void ContinueFrom(int version, IReadOnlyDictionary<string, string> answers)
    {
        AckedVersion = version;
        _acked.Clear();
        foreach (var (k, v) in answers)
        {
            _acked[k] = v;
        }
        InFlight = null;
    }

    /// <summary>The answers after <paramref name="page"/> replaced its part in <paramref name="answers"/>.</summary>
    public Dictionary<string, string> With(IReadOnlyDictionary<string, string> answers, PartPage page)
    {
        var result = new Dictionary<string, string>(answers, StringComparer.Ordinal);
        Apply(result, page);
        return result;
    }

    private void Apply(Dictionary<string, string> answers, PartPage page)
    {
        foreach (var id in _partIds[page.Part])
        {
            answers.Remove(id);
        }
        foreach (var (k, v) in page.Answers)
        {
            answers[k] = v;
        }
    }

    private static IEnumerable<PartPage> Pages(Instrument instrument, string set, IReadOnlyDictionary<string, string> answers)
        => instrument.Parts.OrderBy(p => p.Number).Select(p => new PartPage(p.Number, set, p.Questions.SelectMany(q => q.AnswerIds)
            .Where(answers.ContainsKey)
            .ToDictionary(id => id, id => answers[id], StringComparer.Ordinal)));
}
