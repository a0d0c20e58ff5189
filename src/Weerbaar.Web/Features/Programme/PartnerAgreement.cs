using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.Programme;

/// <summary>What was agreed with a chain partner, and when to look at it again.</summary>
public sealed class PartnerAgreement : ITenantOwned
{
    public const int MaxName = 200;
    public const int MaxText = 4000;

    public Guid Id { get; set; }
    public required string GemeenteCode { get; set; }
    /// <summary>A partner code of the measures catalogue or an own name.</summary>
    public required string Partner { get; set; }
    public required string Subject { get; set; }
    public string? Contact { get; set; }
    public DateOnly? AgreedOn { get; set; }
    public DateOnly ReviewDate { get; set; }
    /// <summary>Numbers of the actions the agreement serves.</summary>
    public List<int> ActionNumbers { get; set; } = [];
    public int Version { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
