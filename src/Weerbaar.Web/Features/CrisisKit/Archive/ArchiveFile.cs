namespace Weerbaar.Web.Features.CrisisKit.Archive;

/// <summary>One file in the crisis kit ZIP; <paramref name="Description"/> is its line in LEESMIJ.txt.</summary>
public sealed record ArchiveFile(string Name, byte[] Bytes, string Description);

/// <summary>
/// A document that joins the noodsteunpunt packs in the crisis kit ZIP (e.g. the crisis team pack). Register one with
/// <c>services.AddScoped&lt;ICrisisKitArchivePart, TheDocument&gt;()</c>: the job adds its files and lists them in LEESMIJ.txt.
/// It runs in the job's scope, which reads as the requester would (<see cref="CrisisKitArchiveInput.WithRegister"/>), and
/// gets the sources the job read once for all packs.
/// </summary>
public interface ICrisisKitArchivePart
{
    Task<IReadOnlyList<ArchiveFile>> FilesAsync(CrisisKitArchiveInput input, PackSources sources, CancellationToken ct);
}
