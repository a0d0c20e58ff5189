using System.Collections.Concurrent;

namespace Weerbaar.Web.Features.Scan.Responses;

/// <summary>
/// Remembers which instrument a respondent token answers, so a save can check its answers without reading the
/// database first. Only the instrument is remembered: whether the token is still valid, the round open and the
/// version current is decided by the save's own statement, every time.
/// </summary>
public sealed class RespondentTokens
{
    private const int Capacity = 20_000;
    private readonly ConcurrentDictionary<string, string> _instruments = new(StringComparer.Ordinal);

    public string? InstrumentOf(string token) => _instruments.GetValueOrDefault(token);

    public void Remember(string token, string instrumentId)
    {
        if (_instruments.Count >= Capacity)
        {
            _instruments.Clear();
        }
        _instruments[token] = instrumentId;
    }

    public void Forget(string token) => _instruments.TryRemove(token, out _);
}
