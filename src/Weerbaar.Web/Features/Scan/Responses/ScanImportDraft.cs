namespace Weerbaar.Web.Features.Scan.Responses;

/// <summary>
/// An uploaded file waiting for the researcher to confirm its preview. Kept in the database (not in memory) so the
/// confirmation works on any instance and after a restart; removed when imported, and when the round closes.
/// </summary>
public sealed class ScanImportDraft
{
    public Guid Id { get; set; }
    public Guid RoundId { get; set; }
    /// <summary>"antwoorden" or "contacten".</summary>
    public required string Kind { get; set; }
    public required string FileName { get; set; }
    public required byte[] Content { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
