namespace Weerbaar.Web.Features.CrisisKit;

/// <summary>
/// Everything a noodsteunpunt pack says, as plain data: what is hashed (SHA-256 over its canonical JSON), compared for
/// staleness section by section, and drawn into the PDF and the offline HTML. No dates of printing in here: the same
/// data gives the same content and the same hash.
/// </summary>
/// <param name="Locations">Null when the pack is made for a reader who may not see the register of vulnerable locations.</param>
public sealed record NoodsteunpuntPackContent(
    PackGemeente Gemeente,
    PackPoint Point,
    PackCatchment Catchment,
    IReadOnlyList<PackLocation>? Locations,
    IReadOnlyList<PackStock> Stock,
    IReadOnlyList<PackContact> Contacts,
    PackAllocationRules? Rules,
    IReadOnlyList<PackChecklistItem> Checklist);

public sealed record PackGemeente(string Code, string Name, string VeiligheidsregioName);

public sealed record PackPoint(
    Guid Id, string Name, string Status, string? BuildingType, string? Address, string? Postcode, double? Latitude, double? Longitude,
    int? Capacity, string? OpeningArrangement, IReadOnlyList<string> Facilities, int? BackupPowerHours, bool HasBackupPower,
    IReadOnlyList<string> Means, int? Staff, int? Volunteers, int? ShiftsPerDay, string? Partners,
    string? ContactName, string? ContactPhone, string? ContactEmail, string? Notes);

/// <param name="NormMeters">The norm distance (over the road, as the coverage analysis counts it).</param>
/// <param name="RingMeters">Straight-line rings on the map: the norm distance divided by the detour factor, and half of it.</param>
public sealed record PackCatchment(
    double NormMeters, double DetourFactor, IReadOnlyList<double> RingMeters, IReadOnlyList<PackBuurt> Buurten)
{
    public int Residents => Buurten.Sum(b => b.Residents);
    public double NotSelfReliant => Buurten.Sum(b => b.NotSelfReliant);
}

/// <param name="NotSelfReliant">The estimate of residents not 72 hours self-reliant (the foto's estimate).</param>
/// <param name="DistanceMeters">To this noodsteunpunt over the road (straight line × detour factor).</param>
public sealed record PackBuurt(
    string Code, string Name, int Residents, double NotSelfReliant, int? VulnerabilityClass, double? DistanceMeters, bool WithinNorm,
    double? Latitude, double? Longitude, string? GeoJson);

public sealed record PackLocation(
    string Name, string Category, string? Address, int People, int? HoursWithoutPower, int? HoursWithoutWater, int? HoursWithoutCommunication,
    string? ContactName, string? ContactPhone, double? DistanceMeters, double? Latitude, double? Longitude)
{
    /// <summary>The shortest time the location holds out on its own (power, water or communication).</summary>
    public int? HoldsOutHours => new[] { HoursWithoutPower, HoursWithoutWater, HoursWithoutCommunication }.Where(h => h is not null).Min();
}

/// <param name="Deliveries">Planned deliveries per 6-hour period.</param>
public sealed record PackStock(string Resource, string Unit, double Initial, IReadOnlyList<double> Deliveries);

public sealed record PackContact(
    string Category, string Organisation, string? Name, string? Phone, string? Email, string? Available, IReadOnlyList<string> AlternativeMeans, string? Notes);

/// <param name="Groups">Tier order, then name.</param>
public sealed record PackAllocationRules(
    string Policy, string PolicyExplanation, double MinimumServiceLevel, double MaxDistanceMeters, IReadOnlyList<PackTier> Groups, PackDecision? Decision);

public sealed record PackTier(int Tier, string Group, string Why);

public sealed record PackDecision(int Number, string Title, string ScenarioName, DateOnly DecisionDate, string ApprovedBy, string Rationale);

public sealed record PackChecklistItem(string Action, string Title, string? Description, string Owner, string Status);
