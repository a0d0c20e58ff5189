namespace Weerbaar.Web.Features.Programme.Planning;

/// <summary>What was agreed with a partner. <c>partner</c> is a partner code of the measures catalogue or an own name; <c>partnerName</c> is what to show.</summary>
public sealed record PartnerAgreementDto(
    Guid Id, string Partner, string PartnerName, string Subject, string? Contact, DateOnly? AgreedOn, DateOnly ReviewDate, bool ReviewOverdue,
    IReadOnlyList<int> ActionNumbers, int Version, string UpdatedBy, DateTimeOffset UpdatedAt);

/// <summary>A new or changed agreement. <c>partner</c>: a catalogue partner code or name, or an own name. A change sends the <c>version</c> it read.</summary>
public sealed record PartnerAgreementRequest(
    int? Version, string? Partner, string? Subject, string? Contact, DateOnly? AgreedOn, DateOnly? ReviewDate, IReadOnlyList<int>? ActionNumbers)
{
    public PartnerAgreementInput ToInput() => new(Partner, Subject, Contact,
        AgreedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ReviewDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ActionNumbers is null ? null : string.Join(",", ActionNumbers));
}
