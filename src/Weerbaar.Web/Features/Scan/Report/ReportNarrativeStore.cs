using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.Scan.Report;

public sealed record NarrativeSection(string Key, string Label, string Markdown, bool IsDefault, int Version, string? UpdatedBy, DateTimeOffset? UpdatedAt);

public abstract record NarrativeOutcome
{
    public sealed record Saved : NarrativeOutcome;
    public sealed record Invalid(string Message) : NarrativeOutcome;
    /// <summary>Someone else saved the section after the editor loaded it; nothing was stored.</summary>
    public sealed record Conflict(string UpdatedBy, DateTimeOffset UpdatedAt) : NarrativeOutcome;
}

/// <summary>The research team's texts of a round's report. Optimistic concurrency: a save names the version it edited.</summary>
public sealed class ReportNarrativeStore(AppDbContext db, TimeProvider clock)
{
    public async Task<List<NarrativeSection>> ListAsync(Guid roundId, CancellationToken ct)
    {
        var saved = await db.ReportNarratives.AsNoTracking().Where(n => n.RoundId == roundId).ToDictionaryAsync(n => n.Key, ct);
        return ReportNarrativeKeys.All.Select(k => saved.TryGetValue(k.Key, out var n)
            ? new NarrativeSection(k.Key, k.Label, n.Markdown, false, n.Version, n.UpdatedBy, n.UpdatedAt)
            : new NarrativeSection(k.Key, k.Label, DefaultNarratives.For(k.Key), true, 0, null, null)).ToList();
    }

    /// <param name="markdown">Null restores the default text.</param>
    /// <param name="version">The version the editor started from (0 = the default text).</param>
    public async Task<NarrativeOutcome> SaveAsync(Guid roundId, string key, string? markdown, int version, string user, CancellationToken ct)
    {
        if (!ReportNarrativeKeys.All.Any(k => k.Key == key))
        {
            return new NarrativeOutcome.Invalid($"Onbekend onderdeel van het rapport: '{key}'.");
        }
        markdown = markdown?.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (markdown is { Length: > ReportNarrative.MaxMarkdown })
        {
            return new NarrativeOutcome.Invalid($"De tekst is {markdown.Length:N0} tekens; het maximum is {ReportNarrative.MaxMarkdown:N0}.");
        }
        var current = await db.ReportNarratives.FirstOrDefaultAsync(n => n.RoundId == roundId && n.Key == key, ct);
        if ((current?.Version ?? 0) != version)
        {
            return new NarrativeOutcome.Conflict(current?.UpdatedBy ?? "?", current?.UpdatedAt ?? clock.GetUtcNow());
        }
        if (markdown is null)
        {
            if (current is not null)
            {
                db.ReportNarratives.Remove(current);
            }
        }
        else
        {
            if (current is null)
            {
                current = new ReportNarrative { RoundId = roundId, Key = key, UpdatedBy = user };
                db.ReportNarratives.Add(current);
            }
            current.Markdown = markdown;
            current.Version = version + 1;
            current.UpdatedBy = user;
            current.UpdatedAt = clock.GetUtcNow();
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another save of the same section won the race (concurrency token or primary key).
            db.ChangeTracker.Clear();
            var winner = await db.ReportNarratives.AsNoTracking().FirstOrDefaultAsync(n => n.RoundId == roundId && n.Key == key, ct);
            return new NarrativeOutcome.Conflict(winner?.UpdatedBy ?? "?", winner?.UpdatedAt ?? clock.GetUtcNow());
        }
        return new NarrativeOutcome.Saved();
    }
}
