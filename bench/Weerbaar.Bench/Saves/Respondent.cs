using System.Text.Json;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.Responses;

namespace Weerbaar.Bench.Saves;

/// <summary>One page a respondent saves: the part, its answers, and the JSON body of the API call.</summary>
public sealed record Page(int Part, IReadOnlyDictionary<string, string> Answers, byte[] Json);

/// <summary>
/// One respondent: one invitation (token), six pages (parts 1, 2, 3 of answer set A, then of set B) saved in turn,
/// and what the HTML form needs (the antiforgery cookie and hidden fields the page rendered, once per respondent).
/// </summary>
public sealed class Respondent
{
    public Respondent(string token, Instrument instrument, ResponseRow a, ResponseRow b)
    {
        Token = token;
        Pages = [.. PagesOf(instrument, a), .. PagesOf(instrument, b)];
    }

    public string Token { get; }

    public IReadOnlyList<Page> Pages { get; }

    /// <summary>The Cookie header value for form posts (the antiforgery cookie of the GET).</summary>
    public string Cookie { get; private set; } = "";

    /// <summary>Per page, the form-urlencoded body of the HTML post.</summary>
    public IReadOnlyList<byte[]> FormBodies { get; private set; } = [];

    public void SetForm(string cookie, IReadOnlyList<KeyValuePair<string, string>> hiddenFields)
    {
        Cookie = cookie;
        FormBodies = Pages.Select(p => FormBody(hiddenFields, p)).ToList();
    }

    /// <summary>
    /// The fields a browser sends: the page's hidden fields except <c>_version</c> (leaving it out saves without the
    /// concurrency check, last write wins), the button pressed, and one field per answer; a multiple choice answer
    /// ("1|3") is several checked boxes, so several values under one name.
    /// </summary>
    private static byte[] FormBody(IReadOnlyList<KeyValuePair<string, string>> hidden, Page page)
    {
        var fields = hidden.Where(f => f.Key != "_version").ToList();
        fields.Add(new("_action", "volgende"));
        foreach (var (id, value) in page.Answers)
        {
            fields.AddRange(value.Split('|').Select(v => new KeyValuePair<string, string>(id, v)));
        }
        using var content = new FormUrlEncodedContent(fields);
        return content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
    }

    private static IEnumerable<Page> PagesOf(Instrument instrument, ResponseRow row)
        => instrument.Parts.OrderBy(p => p.Number).Select(p =>
        {
            var answers = p.Questions.SelectMany(q => q.AnswerIds).Where(row.Answers.ContainsKey)
                .ToDictionary(id => id, id => row.Answers[id], StringComparer.Ordinal);
            return new Page(p.Number, answers, JsonSerializer.SerializeToUtf8Bytes(new { answers }));
        });
}

/// <summary>
/// One respondent at one target (the app or the floor): which page comes next, and what the target acknowledged,
/// so that afterwards the stored answers and version can be compared with the last acknowledged save.
/// </summary>
public sealed class SaveTrack(Respondent respondent, int startVersion)
{
    private readonly Dictionary<int, IReadOnlyDictionary<string, string>> _lastAcknowledged = [];
    private readonly Dictionary<int, int> _acknowledgedPerPart = [];
    private int _next;

    public Respondent Respondent { get; } = respondent;

    public int StartVersion { get; } = startVersion;

    public int Acknowledged { get; private set; }

    /// <summary>The version the last acknowledged JSON save returned (a form post answers a redirect without one).</summary>
    public int? LastReturnedVersion { get; private set; }

    public int PageIndex => _next % Respondent.Pages.Count;

    public Page Current => Respondent.Pages[PageIndex];

    /// <summary>The save of <see cref="Current"/> was acknowledged; the next step saves the next page.</summary>
    public void Acknowledge(int? version)
    {
        var page = Current;
        _lastAcknowledged[page.Part] = page.Answers;
        _acknowledgedPerPart[page.Part] = _acknowledgedPerPart.GetValueOrDefault(page.Part) + 1;
        Acknowledged++;
        LastReturnedVersion = version ?? LastReturnedVersion;
        _next++;
    }

    public int AcknowledgedOf(int part) => _acknowledgedPerPart.GetValueOrDefault(part);

    public IReadOnlyDictionary<string, string>? LastAcknowledgedOf(int part) => _lastAcknowledged.GetValueOrDefault(part);

    /// <summary>What the app must hold: every part as its last acknowledged save replaced it (empty answers are not stored).</summary>
    public Dictionary<string, string> ExpectedAnswers()
        => _lastAcknowledged.Values.SelectMany(p => p).Where(kv => !string.IsNullOrWhiteSpace(kv.Value))
            .ToDictionary(kv => kv.Key, kv => kv.Value.Trim(), StringComparer.Ordinal);
}
