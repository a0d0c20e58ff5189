using System.Globalization;

namespace Weerbaar.Web.Features.CrisisKit.Contacts;

/// <summary>A crisis contact. <c>category</c> is a category code; <c>categoryLabel</c> is what to show.</summary>
public sealed record CrisisContactDto(
    Guid Id, string Category, string CategoryLabel, string Organisation, string? Name, string? Phone, string? Email, string? Available,
    string? C2000, string? Satellite, string? Radio, string? OtherMeans, string? Notes, int SortOrder, int Version, string UpdatedBy, DateTimeOffset UpdatedAt)
{
    public static CrisisContactDto Of(CrisisContact c) => new(
        c.Id, c.Category, CrisisContactCategories.Label(c.Category), c.Organisation, c.Name, c.Phone, c.Email, c.Available,
        c.C2000, c.Satellite, c.Radio, c.OtherMeans, c.Notes, c.SortOrder, c.Version, c.UpdatedBy, c.UpdatedAt);
}

/// <summary>A new or changed crisis contact. At least one means (phone, email, c2000, satellite, radio or otherMeans) is required. A change sends the <c>version</c> it read.</summary>
public sealed record CrisisContactRequest(
    int? Version, string? Category, string? Organisation, string? Name, string? Phone, string? Email, string? Available,
    string? C2000, string? Satellite, string? Radio, string? OtherMeans, string? Notes, int? SortOrder)
{
    public CrisisContactInput ToInput() => new(Category, Organisation, Name, Phone, Email, Available, C2000, Satellite, Radio, OtherMeans, Notes,
        SortOrder?.ToString(CultureInfo.InvariantCulture));
}
