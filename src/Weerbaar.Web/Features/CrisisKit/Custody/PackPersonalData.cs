namespace Weerbaar.Web.Features.CrisisKit.Custody;

/// <summary>
/// Whether a pack holds personal data, so a handed-out copy carries its recipient's name on every page: the edition with
/// the register of vulnerable locations (names and phone numbers of contact persons), or any pack that names a person:
/// the noodsteunpunt's contact person (name, phone or e-mail), or a crisis contact with a name (a person or a role; the
/// list does not say which, so it counts). Organisation numbers alone do not.
/// </summary>
public static class PackPersonalData
{
    public static bool Holds(NoodsteunpuntPackContent c)
        => c.Locations is not null
           || !string.IsNullOrWhiteSpace(c.Point.ContactName) || !string.IsNullOrWhiteSpace(c.Point.ContactPhone) || !string.IsNullOrWhiteSpace(c.Point.ContactEmail)
           || c.Contacts.Any(k => !string.IsNullOrWhiteSpace(k.Name));
}
