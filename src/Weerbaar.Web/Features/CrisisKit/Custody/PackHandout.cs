using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.CrisisKit.Custody;

/// <summary>
/// One printed or copied pack version in someone's hands: which version (<see cref="CrisisPack"/>) went to whom, when
/// and by whom it was recorded, and when it stopped counting: replaced by a newer version of the same pack and edition
/// handed to the same recipient, or taken back ("ingenomen").
/// </summary>
public sealed class PackHandout : ITenantOwned
{
    public const int MaxName = 200;
    public const int MaxNote = 1000;

    public Guid Id { get; set; }
    public required string GemeenteCode { get; set; }
    public Guid PackId { get; set; }
    public Guid NoodsteunpuntId { get; set; }
    /// <summary>Copied from the pack: who may see this handout follows who gets this edition.</summary>
    public bool WithRegister { get; set; }
    public int PackNumber { get; set; }
    public required string RecipientName { get; set; }
    /// <summary>Role or organisation, e.g. "coördinator noodsteunpunt" or "Rode Kruis".</summary>
    public string? RecipientRole { get; set; }
    public string? Note { get; set; }
    public DateOnly HandedOutOn { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    /// <summary>The day a newer version went to the same recipient.</summary>
    public DateOnly? ReplacedOn { get; set; }
    public Guid? ReplacedById { get; set; }
    /// <summary>The day the pack was taken back without a new one.</summary>
    public DateOnly? ReturnedOn { get; set; }
    public string? ReturnedBy { get; set; }

    /// <summary>Still in the recipient's hands.</summary>
    public bool IsHeld => ReplacedOn is null && ReturnedOn is null;
}
