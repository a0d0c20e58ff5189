namespace Weerbaar.Web.Features.CrisisKit;

/// <param name="Unchanged">True when no version was made because the content equals this newest version.</param>
public sealed record PackVersionDto(int Number, DateTimeOffset CreatedAt, string CreatedBy, string Sha256, bool WithRegister, bool Unchanged)
{
    public static PackVersionDto Of(CrisisPack p, bool unchanged) => new(p.Number, p.CreatedAt, p.CreatedBy, p.Sha256, p.WithRegister, unchanged);
}

/// <param name="Latest">Null when no version was handed out yet.</param>
/// <param name="Changed">What changed since the newest version, in words; empty when it is current.</param>
public sealed record PackStatusDto(Guid NoodsteunpuntId, string Name, PackVersionDto? Latest, bool Stale, IReadOnlyList<string> Changed)
{
    public static PackStatusDto Of(PackStatus s) => new(s.NoodsteunpuntId, s.Name, s.Latest is { } p ? PackVersionDto.Of(p, false) : null, s.IsStale, s.Changed);
}
