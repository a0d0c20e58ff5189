using System.Text.Json;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Jobs;

namespace Weerbaar.Web.Features.CrisisKit.Archive;

/// <summary>Queues the ZIP of all packs of a gemeente in the edition the requester may read (decided now: the job has no user).</summary>
public sealed class CrisisKitArchiveStarter(ReferenceData reference, NoodsteunpuntPackBuilder builder, JobQueue queue)
{
    /// <returns>Null when the gemeente does not exist.</returns>
    public async Task<BackgroundJob?> StartAsync(string gemeenteCode, string user, CancellationToken ct)
    {
        if (reference.Gemeente(gemeenteCode.ToUpperInvariant()) is not { } g)
        {
            return null;
        }
        var input = new CrisisKitArchiveInput(g.Code, builder.WithRegister(g.Code));
        return await queue.EnqueueAsync(CrisisKitArchiveInput.Kind, g.Code, JsonSerializer.Serialize(input, JsonSerializerOptions.Web), user, ct);
    }

    public static string DownloadPath(string gemeenteCode, Guid jobId) => $"/api/v1/gemeenten/{gemeenteCode}/crisis-kit/archives/{jobId}/crisiskit.zip";
}
