using System.Text.Json;
using Weerbaar.Analysis.Siting;
using Weerbaar.Web.Features.Jobs;

namespace Weerbaar.Web.Features.Siting;

/// <summary>The background job of a siting run: greedy start, then the solver until optimal, the time limit or a cancel.</summary>
public sealed class SitingJobHandler : IJobHandler
{
    public string Kind => SitingJobInput.Kind;

    public async Task<string> RunAsync(JobContext context, CancellationToken ct)
    {
        var input = context.Input<SitingJobInput>();
        if (input.Request is null || input.Areas is null || input.Existing is null || input.Candidates is null || input.Norms is null)
        {
            throw new JobFailedException("De invoer van de berekening ontbreekt of is onvolledig; start de berekening opnieuw.");
        }
        if (input.Request.Validate() is { Count: > 0 } errors)
        {
            throw new JobFailedException(string.Join(" ", errors.Select(e => e.Message)));
        }
        await context.ReportAsync(0.05, $"{input.Candidates.Count} kandidaatlocaties, {input.Areas.Count(a => a.Latitude is not null)} buurten met een locatie; de snelle (gulzige) oplossing wordt berekend.");
        var limit = input.Request.TimeLimit;
        var progress = new Progress<SitingProgress>(p => context.Report(
            Math.Min(0.95, 0.1 + 0.85 * p.Elapsed.TotalSeconds / limit),
            p.Solutions == 1 ? "Beginoplossing gevonden; de solver zoekt het optimum (hoogstens " + limit + " s)." : "De solver is klaar."));
        var result = await Task.Run(() => SitingRun.Compute(input, progress, ct), ct);
        ct.ThrowIfCancellationRequested();
        await context.ReportAsync(1, $"{result.Optimal.StatusLabel} na {result.Optimal.Seconds:0.0} s.");
        return JsonSerializer.Serialize(result, JsonSerializerOptions.Web);
    }
}
