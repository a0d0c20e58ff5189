namespace Weerbaar.Web.Features.Scan.Report;

/// <summary>A narrative section of a round's report written by the research team (Markdown), e.g. the introduction.</summary>
public sealed class ReportNarrative
{
    public Guid RoundId { get; set; }
    /// <summary>Which section: see <see cref="ReportNarrativeKeys"/>.</summary>
    public required string Key { get; set; }
    public string Markdown { get; set; } = "";
    /// <summary>Optimistic concurrency: two researchers editing the same section do not overwrite each other unseen.</summary>
    public int Version { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public const int MaxMarkdown = 40_000;
}
