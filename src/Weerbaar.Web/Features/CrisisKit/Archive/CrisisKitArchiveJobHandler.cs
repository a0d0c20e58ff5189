using System.Security.Claims;
using System.Text.Json;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Jobs;
using Weerbaar.Web.Features.Scan.Report;
using Weerbaar.Web.Features.Scan.Report.Pdf;
using Weerbaar.Web.Shared;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.CrisisKit.Archive;

/// <summary>
/// The "crisis-kit" job: every noodsteunpunt pack of a gemeente (PDF, offline HTML and the JSON content) and any
/// <see cref="ICrisisKitArchivePart"/> in one ZIP with LEESMIJ.txt, stored in the database. The sources are read once;
/// the PDFs are printed on as many Chromium pages side by side as the host allows, each page kept for many packs.
/// </summary>
public sealed class CrisisKitArchiveJobHandler(
    TenantScopeAccessor scopes, NoodsteunpuntPackBuilder builder, PackHtml html, ReportPdf pdf, ChromiumHost chromium, CrisisKitArchiveStore store,
    ReferenceData reference, TimeProvider clock, IEnumerable<ICrisisKitArchivePart> parts) : IJobHandler
{
    /// <summary>Packs printed at once: the host's limit (measured in bench/results/*-crisis-kit.md).</summary>
    public static int PrintersAtOnce { get; set; } = ChromiumHost.MaxConcurrentJobs;

    /// <summary>
    /// Whether the packs in the ZIP show page numbers in their contents. Off: each pack is printed once instead of twice,
    /// half the time of the batch (measured in bench/results/*-crisis-kit.md); the bookmarks and "Pagina i van N" remain.
    /// </summary>
    public static bool TocPageNumbers { get; set; }

    public string Kind => CrisisKitArchiveInput.Kind;

    public async Task<string> RunAsync(JobContext context, CancellationToken ct)
    {
        var input = context.Input<CrisisKitArchiveInput>();
        if (context.GemeenteCode is not { } code || !string.Equals(code, input.Gemeentecode, StringComparison.OrdinalIgnoreCase)
            || reference.Gemeente(code) is not { } gemeente)
        {
            throw new JobFailedException("De taak hoort bij geen (bekende) gemeente; start haar opnieuw vanaf de crisiskit.");
        }
        scopes.Use(ScopeFor(gemeente.Code, input.WithRegister));
        await context.ReportAsync(0.01, "De gegevens van de gemeente worden gelezen.");
        var sources = await builder.SourcesAsync(gemeente.Code, ct) ?? throw new JobFailedException($"Gemeente {gemeente.Code} bestaat niet.");
        var contents = sources.Coverage.Points.OrderBy(p => p.Name, StringComparer.Create(Format.Dutch, true))
            .Select(p => NoodsteunpuntPackBuilder.Build(sources, p.Id)!).ToList();
        if (contents.Count == 0)
        {
            throw new JobFailedException("Er zijn nog geen noodsteunpunten vastgelegd: er is geen pack om te maken.");
        }

        var names = UniqueNames(contents.Select(PackFiles.BaseName));
        var packs = new ArchiveFile[contents.Count][];
        var done = 0;
        var queue = new System.Collections.Concurrent.ConcurrentQueue<int>(Enumerable.Range(0, contents.Count));
        // Each printer keeps one Chromium page for all the packs it takes from the queue (see ReportPdf.RenderOnAsync).
        async Task<bool> PrintAsync(Microsoft.Playwright.IPage page)
        {
            while (queue.TryDequeue(out var i))
            {
                try
                {
                    ct.ThrowIfCancellationRequested();
                    var content = contents[i];
                    var json = PackHash.Json(content);
                    var document = PackFiles.Compose(content, clock) with { TocPageNumbers = TocPageNumbers };
                    var name = content.Point.Name;
                    packs[i] =
                    [
                        new($"{names[i]}.pdf", await pdf.RenderOnAsync(page, document), $"pack van {name} om af te drukken"),
                        new($"{names[i]}.html", await html.RenderAsync(document, json), $"pack van {name}, opent zonder netwerk"),
                        new($"{names[i]}.json", json, $"inhoud van het pack van {name} (SHA-256 {PackHash.Sha256(json)})"),
                    ];
                    var n = Interlocked.Increment(ref done);
                    await context.ReportAsync(0.02 + 0.93 * n / contents.Count, $"Pack {n} van {contents.Count}: {name}");
                }
                catch
                {
                    // ChromiumHost runs the printer again on a new page when the browser died: this pack is not done.
                    queue.Enqueue(i);
                    throw;
                }
            }
            return true;
        }
        try
        {
            await Task.WhenAll(Enumerable.Range(0, Math.Clamp(PrintersAtOnce, 1, contents.Count)).Select(_ => chromium.RunAsync(PrintAsync, ct)));
        }
        catch (ChromiumUnavailableException)
        {
            throw new JobFailedException("De PDF's konden niet worden gemaakt: de browser (Chromium) is niet beschikbaar op de server.");
        }

        var files = packs.SelectMany(p => p).ToList();
        foreach (var part in parts)
        {
            files.AddRange(await part.FilesAsync(input, sources, ct));
        }
        ct.ThrowIfCancellationRequested();
        await context.ReportAsync(0.97, "Het ZIP-bestand wordt gemaakt.");
        var now = clock.GetUtcNow();
        var zip = CrisisKitZip.Write(gemeente.Name, input.WithRegister, now, files);
        var archive = new CrisisKitArchive
        {
            JobId = context.Id,
            GemeenteCode = gemeente.Code,
            WithRegister = input.WithRegister,
            FileName = $"crisiskit-{ReportFileName.Slug(gemeente.Name)}-{Format.DayInAmsterdam(now):yyyy-MM-dd}.zip",
            Bytes = zip,
            Sha256 = CrisisKitZip.Sha256(zip),
            CreatedAt = now,
        };
        // Not with the job's token: once the ZIP is made, a late cancel should not leave half a row.
        await store.SaveAsync(archive, CancellationToken.None);
        await context.ReportAsync(1, $"Klaar: {contents.Count} packs in {archive.FileName}.");
        return JsonSerializer.Serialize(new CrisisKitArchiveResult(archive.FileName, archive.Sha256, zip.LongLength, contents.Count,
            CrisisKitArchiveStarter.DownloadPath(gemeente.Code, context.Id)), JsonSerializerOptions.Web);
    }

    /// <summary>
    /// What the requester read when they started the job, for this gemeente only: with the register as its coordinator
    /// (the only role that keeps it), otherwise as its lezer (no local-only data).
    /// </summary>
    private static TenantScope ScopeFor(string code, bool withRegister)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Role, withRegister ? Roles.Coordinator : Roles.Lezer), new Claim(WeerbaarClaims.Gemeente, code)],
            authenticationType: "crisis-kit-job");
        return TenantScope.For(new ClaimsPrincipal(identity), _ => []);
    }

    /// <summary>Two points with the same name get "-2", "-3" after their file name.</summary>
    private static List<string> UniqueNames(IEnumerable<string> names)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var name in names)
        {
            var n = seen[name] = seen.GetValueOrDefault(name) + 1;
            result.Add(n == 1 ? name : $"{name}-{n}");
        }
        return result;
    }
}
