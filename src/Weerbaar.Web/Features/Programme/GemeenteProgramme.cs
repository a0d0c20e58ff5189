using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.Programme;

/// <summary>
/// A gemeente's programme for weerbaarheid en veerkracht: who directs it, how often it is reviewed, what staff and
/// money it has, and the texts of the programmaplan. Its actions are <see cref="ProgrammeAction"/> rows.
/// </summary>
public sealed class GemeenteProgramme : ITenantOwned
{
    public const int MaxName = 200;
    public const int MaxText = 8000;

    public required string GemeenteCode { get; set; }
    public required string Name { get; set; }
    /// <summary>The one central regisseur the national report recommends (name and function).</summary>
    public string? Regisseur { get; set; }
    public string? RegisseurDepartment { get; set; }
    /// <summary>E-mail address the weekly digest of overdue and upcoming deadlines goes to.</summary>
    public string? DigestEmail { get; set; }
    /// <summary>Aanleiding (Markdown) for the programmaplan document.</summary>
    public string? Background { get; set; }
    /// <summary>Doelen (Markdown).</summary>
    public string? Goals { get; set; }
    /// <summary>Risico's of the programme itself (Markdown).</summary>
    public string? Risks { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    /// <summary>Months between reviews; 3 is a quarterly review.</summary>
    public int ReviewCycleMonths { get; set; } = 3;
    /// <summary>Staff available to the programme per month, in FTE.</summary>
    public double AvailableFte { get; set; }
    /// <summary>What the begroting holds for the programme per calendar year.</summary>
    public List<BudgetLine> Budget { get; set; } = [];
    /// <summary>When the last weekly digest went out; null before the first.</summary>
    public DateTimeOffset? LastDigestAt { get; set; }
    public int Version { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The begroting's amount for the programme in one calendar year, in euros.</summary>
public sealed record BudgetLine(int Year, decimal Amount);
