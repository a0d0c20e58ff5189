using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Jobs;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Operations;

/// <summary>
/// docs/operations.md, health probes: a node whose job worker loop no longer looks for work is not ready (503, the
/// "jobs" check named) while it is still live. The loop is really stopped (its hosted service's StopAsync); the
/// app's clock is then moved past the allowed silence instead of waiting it out. Own database: the running loop
/// would otherwise take up jobs other tests left queued.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class JobWorkerReadinessTests
{
    [Fact]
    public async Task A_stopped_job_worker_loop_makes_the_node_not_ready_but_still_live()
    {
        using var host = new OwnHost();
        var clock = new ShiftedClock();
        await using var app = new WeerbaarFactory(DatabaseProvider.Sqlite, host.SqliteConnectionString, host.Directory,
            new Dictionary<string, string> { ["Weerbaar:Jobs:Enabled"] = "true" },
            services: s => s.AddSingleton<TimeProvider>(clock));
        var client = app.Anonymous();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        string? description = null;
        while (description != "actief" && DateTime.UtcNow < deadline)
        {
            var ready = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            description = (await HealthTests.Json(ready)).GetProperty("checks").GetProperty("jobs").GetProperty("description").GetString();
            await Task.Delay(50);
        }
        Assert.Equal("actief", description);

        await app.Services.GetServices<IHostedService>().OfType<JobWorker>().Single().StopAsync(CancellationToken.None);
        clock.Shift(TimeSpan.FromSeconds(20)); // within the allowed silence (10 polls/heartbeats + 30 s)
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        clock.Shift(TimeSpan.FromMinutes(5));

        var stalled = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, stalled.StatusCode);
        var body = await HealthTests.Json(stalled);
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        var jobs = body.GetProperty("checks").GetProperty("jobs");
        Assert.Equal("Unhealthy", jobs.GetProperty("status").GetString());
        Assert.Contains("takenlus", jobs.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    /// <summary>The system clock moved forward by a settable amount (timers stay real).</summary>
    private sealed class ShiftedClock : TimeProvider
    {
        private long _offsetTicks;

        public void Shift(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
    }
}
