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

    /// <summary>The same rule for the crisis team pack: the register, a noodsteunpunt's contact person, or a named crisis contact.</summary>
    public static bool Holds(Team.CrisisTeamPackContent c)
        => c.Locations is not null
           || c.Points.Any(p => !string.IsNullOrWhiteSpace(p.ContactName) || !string.IsNullOrWhiteSpace(p.ContactPhone))
           || c.Contacts.Any(k => !string.IsNullOrWhiteSpace(k.Name));
}
