namespace Weerbaar.Web.Features.Email;

/// <summary>Configuration section Weerbaar:Email. Without an SMTP host, messages go to the pickup folder as .eml files.</summary>
public sealed class EmailOptions
{
    public const string Section = "Weerbaar:Email";

    public string From { get; set; } = "Weerbaar <noreply@weerbaar.local>";
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public bool SmtpSsl { get; set; } = true;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
    /// <summary>Default: {DataDirectory}/mail.</summary>
    public string? PickupDirectory { get; set; }
    /// <summary>The public base URL used in links inside e-mails, e.g. https://weerbaar.gemeente.nl.</summary>
    public string? PublicBaseUrl { get; set; }
    public int MaxAttempts { get; set; } = 6;
}
