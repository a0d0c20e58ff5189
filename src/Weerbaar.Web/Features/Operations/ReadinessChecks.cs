using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Weerbaar.Web.Features.Jobs;
using Weerbaar.Web.Features.Scan.Report.Pdf;

namespace Weerbaar.Web.Features.Operations;

/// <summary>With Weerbaar:Jobs:Enabled the worker loop must have looked for work lately (it also beats while a job runs).</summary>
public sealed class JobWorkerHealthCheck(JobWorkerPulse pulse, IOptions<JobOptions> options, TimeProvider clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            return Task.FromResult(HealthCheckResult.Healthy("uitgeschakeld op deze node"));
        }
        // Several polls and heartbeats may be missed (a slow database) before the node is not ready.
        var allowed = TimeSpan.FromMilliseconds(Math.Max(10, Math.Max(o.PollMilliseconds, o.HeartbeatMilliseconds)) * 10) + TimeSpan.FromSeconds(30);
        var last = pulse.LastBeat ?? pulse.CreatedAt;
        var age = clock.GetUtcNow() - last;
        return Task.FromResult(age <= allowed
            ? HealthCheckResult.Healthy(pulse.LastBeat is null ? "start" : "actief")
            : HealthCheckResult.Unhealthy($"de takenlus keek {age.TotalSeconds:0} s niet naar nieuwe taken"));
    }
}

/// <summary>
/// The Chromium that prints PDFs: when it is missing or does not start the node still serves pages, so Degraded rather
/// than Unhealthy. A probe never launches it (that would cost a browser start each time): it reads the executable and
/// what the last start, made by a print, left. The reason of a failed start is in the log, not in this anonymous answer.
/// </summary>
public sealed class ChromiumHealthCheck(ChromiumHost chromium) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var path = chromium.ExecutablePath;
        var present = File.Exists(path) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);
        return Task.FromResult(present switch
        {
            false => HealthCheckResult.Degraded("Chromium ontbreekt: PDF's maken lukt niet (instelling Weerbaar:Report:ChromiumPath)"),
            true when chromium.LastStartFailed => HealthCheckResult.Degraded("Chromium start niet: PDF's maken lukt niet (de reden staat in het log; de volgende PDF probeert opnieuw)"),
            true when chromium.IsRunning => HealthCheckResult.Healthy("draait"),
            true => HealthCheckResult.Healthy("aanwezig; start bij de volgende PDF"),
        });
    }
}
