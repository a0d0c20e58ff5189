using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.Scenarios;

/// <summary>
/// A crisis scenario a gemeente wrote itself, or copied from the national library and adapted. Its code starts with
/// "eigen-" so it never collides with a library code.
/// </summary>
public sealed class OwnScenario : ITenantOwned
{
    public const string CodePrefix = "eigen-";
    public const int MaxName = 200;
    public const int MaxDescription = 4000;

    public Guid Id { get; set; }
    public required string GemeenteCode { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Description { get; set; }
    public List<string> Pillars { get; set; } = [];
    public List<string> VitalServices { get; set; } = [];
    public int TypicalDurationHours { get; set; }
    public List<string> ScarceResources { get; set; } = [];
    /// <summary>The library scenario it was copied from, and that library's version; null when written from scratch.</summary>
    public string? BasedOnCode { get; set; }
    public int? BasedOnLibraryVersion { get; set; }
    /// <summary>Optimistic concurrency: two coordinators do not overwrite each other unseen.</summary>
    public int Version { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
