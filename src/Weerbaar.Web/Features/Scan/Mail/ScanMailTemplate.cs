namespace Weerbaar.Web.Features.Scan.Mail;

public enum ScanMailKind
{
    Uitnodiging,
    Herinnering,
    Bevestiging,
}

/// <summary>A round's own wording of one of its e-mails; without a row the default text applies.</summary>
public sealed class ScanMailTemplate
{
    public const int MaxSubject = 200;
    public const int MaxBody = 10_000;

    public Guid Id { get; set; }
    public Guid RoundId { get; set; }
    public ScanMailKind Kind { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}
