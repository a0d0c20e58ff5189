namespace Weerbaar.Web.Features.CrisisKit;

/// <summary>What is printed on every page of a pack: its version, the day it was made, the SHA-256 of its content and,
/// for packs with personal data, to whom it was handed.</summary>
public sealed record PackStamp(int Version, DateOnly Created, string Sha256, string? Recipient)
{
    public string Footer => $"{(Version == 0 ? "Concept" : $"Versie {Version}")} · {Created:d-M-yyyy} · SHA-256 {Sha256[..12]}…" + (Recipient is { } r ? $" · Uitgereikt aan: {r}" : "");
}
