using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Jobs;

namespace Weerbaar.Web.Tests.Jobs;

public sealed record TestJobInput(string Mode, int Steps = 3);

/// <summary>What the test handler saw, per job id (ids are unique, so the SQLite and PostgreSQL runs share it safely).</summary>
public static class TestJobProbe
{
    public static readonly ConcurrentDictionary<Guid, int> Runs = new();
    public static readonly ConcurrentDictionary<Guid, bool> Tripped = new();
    public static readonly ConcurrentDictionary<Guid, (double Progress, string? Text)> SeenInDatabase = new();
    private static readonly ConcurrentDictionary<Guid, TaskCompletionSource> StartedSources = new();

    public static TaskCompletionSource Started(Guid id) => StartedSources.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public static string Input(string mode, int steps = 3) => JsonSerializer.Serialize(new TestJobInput(mode, steps), JsonSerializerOptions.Web);
}

/// <summary>A job kind registered only in the tests; its input says what to do.</summary>
public sealed class TestJobHandler : IJobHandler
{
    public const string KindName = "test";

    public string Kind => KindName;

    public async Task<string> RunAsync(JobContext context, CancellationToken ct)
    {
        var input = context.Input<TestJobInput>();
        TestJobProbe.Runs.AddOrUpdate(context.Id, 1, (_, n) => n + 1);
        switch (input.Mode)
        {
            case "steps":
                await context.ReportAsync(0.5, "Halverwege");
                var db = context.Services.GetRequiredService<AppDbContext>();
                var row = await db.BackgroundJobs.AsNoTracking().SingleAsync(j => j.Id == context.Id, ct);
                TestJobProbe.SeenInDatabase[context.Id] = (row.Progress, row.ProgressText);
                for (var i = 1; i <= input.Steps; i++)
                {
                    // A solver callback reports far more often than anything is written.
                    for (var k = 0; k < 1000; k++)
                    {
                        context.Report((double)i / input.Steps, $"Stap {i} van {input.Steps}");
                    }
                    await context.ReportAsync((double)i / input.Steps, $"Stap {i} van {input.Steps}");
                }
                return JsonSerializer.Serialize(new { steps = input.Steps, attempts = context.Attempts });
            case "throw":
                throw new InvalidOperationException("Geheim: jan.jansen@example.nl woont op Dorpsstraat 1");
            case "fail":
                throw new JobFailedException("Er zijn geen noodsteunpunten om uit te kiezen.");
            case "wait":
                TestJobProbe.Started(context.Id).TrySetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                catch (OperationCanceledException)
                {
                    TestJobProbe.Tripped[context.Id] = context.CancellationToken.IsCancellationRequested;
                    throw;
                }
                return "{}";
            default:
                await Task.Yield();
                return """{"ok":true}""";
        }
    }
}
