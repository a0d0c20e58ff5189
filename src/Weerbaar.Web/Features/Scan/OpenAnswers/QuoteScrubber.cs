using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Analysis.OpenAnswers;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Gemeenten;

namespace Weerbaar.Web.Features.Scan.OpenAnswers;

/// <summary>
/// De-identifies quotes with <see cref="QuoteDeidentifier"/>: first the buurt names of the respondent's own gemeente
/// (and e-mail addresses, phone numbers, postcodes), then the names of all gemeenten. The name patterns are large
/// regular expressions, so they are built once per reference-data version and kept (singleton).
/// </summary>
public sealed partial class QuoteScrubber(IServiceScopeFactory scopes, ReferenceData reference) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<string, QuoteDeidentifier> _places = new(StringComparer.Ordinal);
    private Caches? _caches;

    public void Dispose() => _gate.Dispose();

    private sealed record Caches(object Source, QuoteDeidentifier Gemeenten, ILookup<string, string> PlaceNames);

    public async Task<string> DeidentifyAsync(string text, string gemeenteCode, CancellationToken ct)
    {
        var caches = await CachesAsync(ct);
        var own = _places.GetOrAdd(gemeenteCode, code => new QuoteDeidentifier([], caches.PlaceNames[code]));
        return caches.Gemeenten.Deidentify(own.Deidentify(text));
    }

    private async Task<Caches> CachesAsync(CancellationToken ct)
    {
        var source = reference.Gemeenten;
        if (_caches is { } current && ReferenceEquals(current.Source, source))
        {
            return current;
        }
        await _gate.WaitAsync(ct);
        try
        {
            if (_caches is { } again && ReferenceEquals(again.Source, source))
            {
                return again;
            }
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var buurten = await db.Buurten.AsNoTracking().Select(b => new { b.GemeenteCode, b.Name }).ToListAsync(ct);
            _places.Clear();
            _caches = new Caches(source, new QuoteDeidentifier(source.Select(g => g.Name)), PlaceNames(buurten.Select(b => (b.GemeenteCode, b.Name))));
            return _caches;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Place names per gemeente from the CBS buurt names. Names are split at commas and " en " ("Welgelegen, Den
    /// Hommel"; "Julianapark en omgeving"); generic names that recur in three or more buurten across the country
    /// (Centrum, Buitengebied, Noord) and fragments shorter than four letters or not starting with a capital are left
    /// out, because removing them would garble quotes without protecting anyone.
    /// </summary>
    public static ILookup<string, string> PlaceNames(IEnumerable<(string GemeenteCode, string Name)> buurten)
    {
        var all = buurten.ToList();
        var generic = all.GroupBy(b => b.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() >= 3).Select(g => g.Key)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return all
            .Where(b => !generic.Contains(b.Name))
            .SelectMany(b => NameSeparators().Split(b.Name).Select(n => (b.GemeenteCode, Name: EndingEo().Replace(n, "").Trim())))
            .Where(b => b.Name.Length >= 4 && char.IsUpper(b.Name[0]) && !b.Name.EndsWith('-') && !generic.Contains(b.Name))
            .Distinct()
            .ToLookup(b => b.GemeenteCode, b => b.Name, StringComparer.Ordinal);
    }

    [GeneratedRegex(@",\s*|\s+en\s+")]
    private static partial Regex NameSeparators();

    [GeneratedRegex(@"\s+(e\.o\.?|en omgeving|omgeving)$")]
    private static partial Regex EndingEo();
}
