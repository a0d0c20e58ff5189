namespace Weerbaar.Web.Features.CrisisKit.Archive;

/// <summary>
/// The input of a "crisis-kit" job. The job has no user, so the edition the requester was entitled to when they started
/// it is decided then and carried here.
/// </summary>
public sealed record CrisisKitArchiveInput(string Gemeentecode, bool WithRegister)
{
    public const string Kind = "crisis-kit";
}

/// <summary>What a finished job made (its <c>ResultJson</c>).</summary>
public sealed record CrisisKitArchiveResult(string FileName, string Sha256, long Bytes, int Packs, string Download);
