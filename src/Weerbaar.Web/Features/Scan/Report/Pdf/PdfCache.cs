using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.Scan.Report.Pdf;

/// <summary>How a cached PDF was found: on disk, printed for this request, or printed for another request that this one waited for.</summary>
public enum PdfCacheOutcome { Hit, Rendered, Joined }

public sealed record PdfCacheResult(byte[] Pdf, PdfCacheOutcome Outcome);

/// <summary>The document a data version was seen to build: its cache key and its download name.</summary>
public sealed record KnownVersion(string Key, string FileName);

/// <summary>
/// Printed PDFs on disk under {DataDirectory}/pdf-cache, one file per <see cref="PdfDocumentKey"/>. Bounded: the least
/// recently used files go when there are more than Weerbaar:Report:PdfCache:MaxFiles (default 200) or they take more than
/// Weerbaar:Report:PdfCache:MaxMegabytes (default 256). Single flight: requests for the same missing key wait for one print;
/// different keys print side by side up to <see cref="ChromiumHost.MaxConcurrentJobs"/>. Each node keeps its own cache
/// (the key is a content hash, so nodes never disagree on what a key holds; a node just prints once itself).
/// </summary>
public sealed class PdfCache
{
    private const string Extension = ".pdf";
    private readonly ConcurrentDictionary<string, Lazy<Task<byte[]>>> _inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, KnownVersion> _versions = new(StringComparer.Ordinal);
    private readonly Lock _trim = new();
    private readonly ILogger<PdfCache> _logger;
    private long _renders;
    private long _versionHits;

    private sealed record Entry(long Size)
    {
        public long LastUse;
    }

    public PdfCache(IConfiguration config, IHostEnvironment env, ILogger<PdfCache> logger)
    {
        _logger = logger;
        Directory = Path.Combine(DatabaseSetup.DataDirectory(config, env), "pdf-cache");
        MaxFiles = Math.Max(1, config.GetValue("Weerbaar:Report:PdfCache:MaxFiles", 200));
        MaxBytes = Math.Max(1, config.GetValue("Weerbaar:Report:PdfCache:MaxMegabytes", 256L)) * 1024 * 1024;
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var file in new DirectoryInfo(Directory).EnumerateFiles())
        {
            if (file.Extension == Extension)
            {
                _entries[Path.GetFileNameWithoutExtension(file.Name)] = new Entry(file.Length) { LastUse = file.LastWriteTimeUtc.Ticks };
            }
            else
            {
                file.Delete(); // a write that a stop interrupted
            }
        }
    }

    public string Directory { get; }
    public int MaxFiles { get; }
    public long MaxBytes { get; }

    /// <summary>How many PDFs this cache had printed since start.</summary>
    public long Renders => Interlocked.Read(ref _renders);

    public int Count => _entries.Count;

    /// <summary>The cached PDF that a data version was last seen to build, without building it again.</summary>
    public async Task<(KnownVersion Version, byte[] Pdf)?> TryGetByVersionAsync(string dataVersion, CancellationToken ct)
    {
        if (_versions.TryGetValue(dataVersion, out var known) && await TryReadAsync(known.Key, ct) is { } pdf)
        {
            Interlocked.Increment(ref _versionHits);
            return (known, pdf);
        }
        return null;
    }

    /// <summary>How many downloads found their PDF by data version alone, without building the document.</summary>
    public long VersionHits => Interlocked.Read(ref _versionHits);

    /// <summary>Remembers which document (key and file name) a data version builds. In memory per node: the data version
    /// is read from the shared database, so nodes agree; forgetting costs one build.</summary>
    public void Remember(string dataVersion, KnownVersion known)
    {
        if (_versions.Count >= 4 * MaxFiles)
        {
            _versions.Clear();
        }
        _versions[dataVersion] = known;
    }

    /// <summary>The PDF under <paramref name="key"/>, printed by <paramref name="render"/> when it is not cached. The print
    /// is not cancelled when the request that started it goes away: others may be waiting for it.</summary>
    public async Task<PdfCacheResult> GetOrRenderAsync(string key, Func<Task<byte[]>> render, CancellationToken ct)
    {
        if (await TryReadAsync(key, ct) is { } cached)
        {
            return new PdfCacheResult(cached, PdfCacheOutcome.Hit);
        }
        Lazy<Task<byte[]>> mine = null!;
        mine = new Lazy<Task<byte[]>>(() => RenderAndStoreAsync(key, render, mine));
        var flight = _inFlight.GetOrAdd(key, mine);
        var pdf = await flight.Value.WaitAsync(ct);
        return new PdfCacheResult(pdf, ReferenceEquals(flight, mine) ? PdfCacheOutcome.Rendered : PdfCacheOutcome.Joined);
    }

    private async Task<byte[]> RenderAndStoreAsync(string key, Func<Task<byte[]>> render, Lazy<Task<byte[]>> flight)
    {
        await Task.Yield();
        try
        {
            // Another flight for this key may have stored it between our miss and our flight.
            if (await TryReadAsync(key, CancellationToken.None) is { } cached)
            {
                return cached;
            }
            Interlocked.Increment(ref _renders);
            var pdf = await render();
            await StoreAsync(key, pdf);
            return pdf;
        }
        finally
        {
            _inFlight.TryRemove(new KeyValuePair<string, Lazy<Task<byte[]>>>(key, flight));
        }
    }

    private async Task<byte[]?> TryReadAsync(string key, CancellationToken ct)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            return null;
        }
        try
        {
            var pdf = await File.ReadAllBytesAsync(PathOf(key), ct);
            Interlocked.Exchange(ref entry.LastUse, DateTime.UtcNow.Ticks);
            return pdf;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            _entries.TryRemove(key, out _); // trimmed meanwhile, or removed by hand
            return null;
        }
    }

    private async Task StoreAsync(string key, byte[] pdf)
    {
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            var temporary = Path.Combine(Directory, $"{key}.{Guid.NewGuid():N}.tmp");
            await File.WriteAllBytesAsync(temporary, pdf);
            File.Move(temporary, PathOf(key), overwrite: true);
            _entries[key] = new Entry(pdf.Length) { LastUse = DateTime.UtcNow.Ticks };
            Trim(key);
        }
        catch (IOException e)
        {
            // A full disk costs the next reader a print, not this reader its PDF.
            _logger.LogWarning(e, "PDF {Key} bewaren in de cache mislukt.", key);
        }
    }

    private void Trim(string keep)
    {
        lock (_trim)
        {
            var entries = _entries.ToArray();
            var (count, bytes) = (entries.Length, entries.Sum(e => e.Value.Size));
            foreach (var (key, entry) in entries.Where(e => e.Key != keep).OrderBy(e => Interlocked.Read(ref e.Value.LastUse)))
            {
                if (count <= MaxFiles && bytes <= MaxBytes)
                {
                    break;
                }
                _entries.TryRemove(key, out _);
                File.Delete(PathOf(key));
                (count, bytes) = (count - 1, bytes - entry.Size);
            }
        }
    }

    private string PathOf(string key) => Path.Combine(Directory, key + Extension);

    /// <summary>A short hash of a text (the print stylesheet) for the key.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
