using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Weerbaar.E2E.Infrastructure;

/// <summary>
/// Follows what a page loads: every new document (so none escapes its accessibility check), script errors,
/// Content-Security-Policy refusals, and stylesheets, scripts or images that fail to load.
/// </summary>
public sealed class PageWatcher
{
    private readonly Lock _lock = new();
    private readonly List<string> _documents = [];
    private readonly List<string> _problems = [];
    private readonly ConditionalWeakTable<IRequest, StrongBox<int>> _issuedOnDocument = [];
    private int _checkedDocuments;
    private int _navigations;

    public PageWatcher(IPage page)
    {
        // DOMContentLoaded (not Load) arrives before the load state a check waits for, so no document slips through.
        page.DOMContentLoaded += (_, p) => Add(_documents, p.Url);
        page.PageError += (_, error) => Add(_problems, $"scriptfout: {error}");
        // Chromium reports every Content-Security-Policy refusal (script, style, image, form target) on the console.
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                Add(_problems, $"CSP: {message.Text}");
            }
        };
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame)
            {
                Interlocked.Increment(ref _navigations);
            }
        };
        page.Request += (_, r) => _issuedOnDocument.AddOrUpdate(r, new StrongBox<int>(Volatile.Read(ref _navigations)));
        page.RequestFailed += (_, r) =>
        {
            // Leaving a page cancels what it was still loading; only failures of the page being shown count.
            if (r.Failure == "net::ERR_ABORTED" && (r.IsNavigationRequest || IssuedOnEarlierDocument(r)))
            {
                return;
            }
            Add(_problems, $"niet geladen: {r.Url} ({r.Failure})");
        };
        page.Response += (_, r) =>
        {
            // The document itself may answer 4xx on purpose (404 page, refused form); what it loads may not.
            if (r.Status >= 400 && !r.Request.IsNavigationRequest)
            {
                Add(_problems, $"HTTP {r.Status}: {r.Url}");
            }
        };
    }

    /// <summary>Marks the current document checked; returns earlier documents that were never checked.</summary>
    public IReadOnlyList<string> CheckCurrentDocument()
    {
        lock (_lock)
        {
            var skipped = _documents.Skip(_checkedDocuments).SkipLast(1).ToList();
            _checkedDocuments = _documents.Count;
            return skipped;
        }
    }

    /// <summary>Documents loaded after the last check.</summary>
    public IReadOnlyList<string> UncheckedDocuments()
    {
        lock (_lock)
        {
            return _documents.Skip(_checkedDocuments).ToList();
        }
    }

    /// <summary>Problems since the previous call.</summary>
    public IReadOnlyList<string> TakeProblems()
    {
        lock (_lock)
        {
            var problems = _problems.ToList();
            _problems.Clear();
            return problems;
        }
    }

    private bool IssuedOnEarlierDocument(IRequest request)
        => _issuedOnDocument.TryGetValue(request, out var navigation) && navigation.Value < Volatile.Read(ref _navigations);

    private void Add(List<string> list, string entry)
    {
        lock (_lock)
        {
            list.Add(entry);
        }
    }
}
