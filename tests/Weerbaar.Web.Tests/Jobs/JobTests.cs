using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Jobs;
using Weerbaar.Web.Tests.Accounts;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Jobs;

/// <summary>
/// The job facility on a real database: a run with progress, failures, cancelling, two workers racing, resuming an
/// abandoned job, the hosted loop, and who may see a job through the API. The tests of a provider share one database
/// and run one after another; each starts by closing every open job so no test picks up another's.
/// </summary>
public abstract class JobTests(AppFixture fixture)
{
    private static readonly ConditionalWeakTable<WeerbaarFactory, WebApplicationFactory<Program>> Hosts = new();
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private WeerbaarFactory App => fixture.Factory;

    /// <summary>The app with the test job kind; its worker loop is off (the tests call the worker themselves).</summary>
    private WebApplicationFactory<Program> Host => Hosts.GetValue(App, app => app.WithWebHostBuilder(b =>
    {
        b.UseSetting("Weerbaar:Jobs:HeartbeatMilliseconds", "100");
        b.ConfigureTestServices(s => s.AddJobHandler<TestJobHandler>());
    }));

    private JobWorker Worker => Host.Services.GetRequiredService<JobWorker>();

    private async Task<T> WithQueueAsync<T>(Func<JobQueue, Task<T>> action)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<JobQueue>());
    }

    private Task<BackgroundJob> EnqueueAsync(string input, string kind = TestJobHandler.KindName, string? gemeente = "GM0344")
        => WithQueueAsync(q => q.EnqueueAsync(kind, gemeente, input, "tester@test.weerbaar.nl"));

    private async Task<BackgroundJob> JobAsync(Guid id) => (await WithQueueAsync(q => q.GetAsync(id)))!;

    private Task<int> ResetAsync() => App.WithDbAsync(db => db.BackgroundJobs
        .Where(j => j.Status == JobStatus.Queued || j.Status == JobStatus.Running)
        .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Cancelled)));

    [Fact]
    public async Task A_job_runs_to_done_with_progress_and_result()
    {
        await ResetAsync();
        var queued = await EnqueueAsync(TestJobProbe.Input("steps", 4));
        Assert.Equal(JobStatus.Queued, queued.Status);

        Assert.True(await Worker.RunNextAsync(CancellationToken.None));

        var job = await JobAsync(queued.Id);
        Assert.Equal(JobStatus.Done, job.Status);
        Assert.Equal(1.0, job.Progress);
        Assert.Equal("Stap 4 van 4", job.ProgressText);
        Assert.Equal(4, JsonDocument.Parse(job.ResultJson!).RootElement.GetProperty("steps").GetInt32());
        Assert.Null(job.Error);
        Assert.NotNull(job.StartedAt);
        Assert.True(job.FinishedAt >= job.StartedAt && job.StartedAt >= job.CreatedAt);
        Assert.Equal(Worker.NodeId, job.ClaimedBy);
        Assert.Equal(1, TestJobProbe.Runs[job.Id]);
        // Progress was in the database while the job ran (the first report is written at once).
        Assert.Equal((0.5, "Halverwege"), TestJobProbe.SeenInDatabase[job.Id]);
        Assert.False(await Worker.RunNextAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_list_shows_the_jobs_of_one_kind_and_gemeente_newest_first()
    {
        await ResetAsync();
        var first = await EnqueueAsync(TestJobProbe.Input("steps"), gemeente: "GM0307");
        var second = await EnqueueAsync(TestJobProbe.Input("steps"), gemeente: "gm0307");
        await EnqueueAsync(TestJobProbe.Input("steps"), gemeente: "GM0344");
        await EnqueueAsync("{}", kind: "ander-soort", gemeente: "GM0307");
        var national = await EnqueueAsync(TestJobProbe.Input("steps"), gemeente: null);

        var listed = await WithQueueAsync(q => q.ListAsync(TestJobHandler.KindName, "GM0307", 10));
        Assert.Equal([second.Id, first.Id], listed.Select(j => j.Id));
        Assert.Equal([second.Id], (await WithQueueAsync(q => q.ListAsync(TestJobHandler.KindName, "GM0307", 1))).Select(j => j.Id));
        Assert.Contains(national.Id, (await WithQueueAsync(q => q.ListAsync(TestJobHandler.KindName, null, 500))).Select(j => j.Id));
        Assert.Equal("GM0307", second.GemeenteCode);
    }

    [Fact]
    public void A_logged_failure_names_types_and_frames_but_not_the_message()
    {
        Exception caught;
        try
        {
            throw new InvalidOperationException("buiten", new ArgumentException("jan.jansen@example.nl"));
        }
        catch (InvalidOperationException ex)
        {
            caught = ex;
        }
        var text = JobWorker.Describe(caught);
        Assert.Contains("System.InvalidOperationException", text, StringComparison.Ordinal);
        Assert.Contains("System.ArgumentException", text, StringComparison.Ordinal);
        Assert.Contains(nameof(A_logged_failure_names_types_and_frames_but_not_the_message), text, StringComparison.Ordinal);
        Assert.DoesNotContain("jansen", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_exception_fails_the_job_with_a_dutch_message_without_details()
    {
        await ResetAsync();
        var thrown = await EnqueueAsync(TestJobProbe.Input("throw"));
        var refused = await EnqueueAsync(TestJobProbe.Input("fail"));
        var unknown = await EnqueueAsync("{}", kind: "onbekend-soort");

        for (var i = 0; i < 3; i++)
        {
            Assert.True(await Worker.RunNextAsync(CancellationToken.None));
        }

        var job = await JobAsync(thrown.Id);
        Assert.Equal((JobStatus.Failed, JobWorker.GenericError), (job.Status, job.Error));
        Assert.DoesNotContain("jansen", job.Error, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(job.FinishedAt);
        var failed = await JobAsync(refused.Id);
        Assert.Equal((JobStatus.Failed, "Er zijn geen noodsteunpunten om uit te kiezen."), (failed.Status, failed.Error));
        var noHandler = await JobAsync(unknown.Id);
        Assert.Equal((JobStatus.Failed, "Deze server kan taken van de soort 'onbekend-soort' niet uitvoeren."), (noHandler.Status, noHandler.Error));
    }

    [Fact]
    public async Task Cancelling_a_running_job_trips_its_token_and_marks_it_cancelled()
    {
        await ResetAsync();
        var queued = await EnqueueAsync(TestJobProbe.Input("wait"));
        var run = Worker.RunNextAsync(CancellationToken.None);
        await TestJobProbe.Started(queued.Id).Task.WaitAsync(Patience);
        Assert.Equal(JobStatus.Running, (await JobAsync(queued.Id)).Status);

        Assert.True(await WithQueueAsync(q => q.RequestCancelAsync(queued.Id)));
        Assert.True(await run.WaitAsync(Patience));

        var job = await JobAsync(queued.Id);
        Assert.Equal(JobStatus.Cancelled, job.Status);
        Assert.True(job.CancelRequested);
        Assert.NotNull(job.FinishedAt);
        Assert.True(TestJobProbe.Tripped[queued.Id]);
        // A finished job cannot be cancelled again.
        Assert.False(await WithQueueAsync(q => q.RequestCancelAsync(queued.Id)));
    }

    [Fact]
    public async Task Cancelling_a_queued_job_cancels_it_at_once_and_it_never_runs()
    {
        await ResetAsync();
        var queued = await EnqueueAsync(TestJobProbe.Input("steps"));
        Assert.True(await WithQueueAsync(q => q.RequestCancelAsync(queued.Id)));
        var job = await JobAsync(queued.Id);
        Assert.Equal(JobStatus.Cancelled, job.Status);
        Assert.NotNull(job.FinishedAt);

        Assert.False(await Worker.RunNextAsync(CancellationToken.None));
        Assert.False(TestJobProbe.Runs.ContainsKey(queued.Id));
        Assert.False(await WithQueueAsync(q => q.RequestCancelAsync(queued.Id)));
        Assert.False(await WithQueueAsync(q => q.RequestCancelAsync(Guid.NewGuid())));
    }

    [Fact]
    public async Task Two_workers_racing_for_fifty_jobs_run_each_exactly_once()
    {
        await ResetAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 50; i++)
        {
            ids.Add((await EnqueueAsync(TestJobProbe.Input("count"))).Id);
        }
        var workers = new[] { ActivatorUtilities.CreateInstance<JobWorker>(Host.Services), ActivatorUtilities.CreateInstance<JobWorker>(Host.Services) };
        Assert.NotEqual(workers[0].NodeId, workers[1].NodeId);
        using var barrier = new Barrier(2);

        var counts = await Task.WhenAll(workers.Select(w => Task.Run(async () =>
        {
            barrier.SignalAndWait(Patience);
            var n = 0;
            while (await w.RunNextAsync(CancellationToken.None))
            {
                n++;
            }
            return n;
        })));

        Assert.Equal(50, counts.Sum());
        Assert.All(ids, id => Assert.Equal(1, TestJobProbe.Runs.GetValueOrDefault(id)));
        var jobs = await App.WithDbAsync(db => db.BackgroundJobs.AsNoTracking().Where(j => ids.Contains(j.Id)).ToListAsync());
        Assert.All(jobs, j => Assert.Equal(JobStatus.Done, j.Status));
        Assert.Equal(counts, workers.Select(w => jobs.Count(j => j.ClaimedBy == w.NodeId)));
    }

    [Fact]
    public async Task An_abandoned_running_job_is_queued_again_and_then_completes()
    {
        await ResetAsync();
        var stale = await InsertRunningAsync(attempts: 0, cancelRequested: false, heartbeatAgo: TimeSpan.FromMinutes(5));
        var thirdTime = await InsertRunningAsync(attempts: 2, cancelRequested: false, heartbeatAgo: TimeSpan.FromMinutes(5));
        var cancelled = await InsertRunningAsync(attempts: 0, cancelRequested: true, heartbeatAgo: TimeSpan.FromMinutes(5));
        var alive = await InsertRunningAsync(attempts: 0, cancelRequested: false, heartbeatAgo: TimeSpan.FromSeconds(1));

        Assert.Equal(3, await Worker.RequeueStaleAsync(CancellationToken.None));

        var requeued = await JobAsync(stale);
        Assert.Equal((JobStatus.Queued, 1, null), (requeued.Status, requeued.Attempts, requeued.ClaimedBy));
        var gaveUp = await JobAsync(thirdTime);
        Assert.Equal((JobStatus.Failed, 3, JobWorker.AbandonedError), (gaveUp.Status, gaveUp.Attempts, gaveUp.Error));
        Assert.StartsWith("De taak is drie keer afgebroken", gaveUp.Error);
        Assert.Equal(JobStatus.Cancelled, (await JobAsync(cancelled)).Status);
        Assert.Equal(JobStatus.Running, (await JobAsync(alive)).Status);

        Assert.True(await Worker.RunNextAsync(CancellationToken.None));
        var done = await JobAsync(stale);
        Assert.Equal((JobStatus.Done, 1), (done.Status, done.Attempts));
        Assert.Equal(1, JsonDocument.Parse(done.ResultJson!).RootElement.GetProperty("attempts").GetInt32());
        Assert.False(await Worker.RunNextAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_worker_loop_resumes_abandoned_jobs_on_start_and_wakes_at_once_on_enqueue()
    {
        await ResetAsync();
        var stale = await InsertRunningAsync(attempts: 0, cancelRequested: false, heartbeatAgo: TimeSpan.FromMinutes(5));
        // A poll of a minute: only the start-up check and the wake-up on enqueue can make these jobs run in time.
        await using var node = App.WithWebHostBuilder(b =>
        {
            b.UseSetting("Weerbaar:Jobs:Enabled", "true");
            b.UseSetting("Weerbaar:Jobs:PollMilliseconds", "60000");
            b.UseSetting("Weerbaar:Jobs:HeartbeatMilliseconds", "100");
            b.ConfigureTestServices(s => s.AddJobHandler<TestJobHandler>());
        });
        _ = node.Server;
        await WaitForAsync(stale, JobStatus.Done);

        await using var scope = node.Services.CreateAsyncScope();
        var queued = await scope.ServiceProvider.GetRequiredService<JobQueue>().EnqueueAsync(TestJobHandler.KindName, null, TestJobProbe.Input("steps"), "tester");
        await WaitForAsync(queued.Id, JobStatus.Done, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task The_api_shows_a_job_only_to_who_may_read_its_gemeente_and_lets_editors_cancel()
    {
        await ResetAsync();
        var utrecht = await EnqueueAsync(TestJobProbe.Input("steps"), gemeente: "GM0344");
        var national = await EnqueueAsync(TestJobProbe.Input("steps"), gemeente: null);
        var url = $"/api/v1/jobs/{utrecht.Id}";

        var coordinator = await App.UserAsync(Roles.Coordinator, "GM0344");
        var response = await coordinator.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("API-Version"));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(utrecht.Id, body.GetProperty("id").GetGuid());
        Assert.Equal(("test", "GM0344", "queued", 0.0), (body.GetProperty("kind").GetString(), body.GetProperty("gemeentecode").GetString(),
            body.GetProperty("status").GetString(), body.GetProperty("progress").GetDouble()));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("startedAt").ValueKind);

        Assert.Equal(HttpStatusCode.OK, (await (await App.UserAsync(Roles.Regio, regio: "VR09")).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await App.UserAsync(Roles.Lezer, "GM0344")).GetAsync(url)).StatusCode);
        var onderzoeker = await App.UserAsync(Roles.Onderzoeker);
        Assert.Equal(HttpStatusCode.OK, (await onderzoeker.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onderzoeker.GetAsync($"/api/v1/jobs/{national.Id}")).StatusCode);

        var other = await App.UserAsync(Roles.Coordinator, "GM0363");
        await LoginTests.AssertProblem(await other.GetAsync(url), HttpStatusCode.NotFound);
        await LoginTests.AssertProblem(await other.PostAsync(url + "/cancel", null), HttpStatusCode.NotFound);
        await LoginTests.AssertProblem(await coordinator.GetAsync($"/api/v1/jobs/{national.Id}"), HttpStatusCode.NotFound);
        await LoginTests.AssertProblem(await coordinator.GetAsync($"/api/v1/jobs/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Anonymous().GetAsync(url)).StatusCode);

        // Reading is not cancelling: the lezer and the regio have no cancel rights at all, the onderzoeker not for a gemeente.
        await LoginTests.AssertProblem(await (await App.UserAsync(Roles.Lezer, "GM0344")).PostAsync(url + "/cancel", null), HttpStatusCode.Forbidden);
        await LoginTests.AssertProblem(await (await App.UserAsync(Roles.Regio, regio: "VR09")).PostAsync(url + "/cancel", null), HttpStatusCode.Forbidden);
        await LoginTests.AssertProblem(await onderzoeker.PostAsync(url + "/cancel", null), HttpStatusCode.Forbidden);
        Assert.Equal(JobStatus.Queued, (await JobAsync(utrecht.Id)).Status);

        var cancel = await coordinator.PostAsync(url + "/cancel", null);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.Equal("cancelled", (await cancel.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        await LoginTests.AssertProblem(await coordinator.PostAsync(url + "/cancel", null), HttpStatusCode.Conflict);

        // A national job: the beheerder cancels it.
        Assert.Equal(HttpStatusCode.Accepted, (await (await App.AdminAsync()).PostAsync($"/api/v1/jobs/{national.Id}/cancel", null)).StatusCode);
    }

    [Fact]
    public async Task The_job_page_shows_the_state_without_javascript_and_its_cancel_form_works()
    {
        await ResetAsync();
        var queued = await EnqueueAsync(TestJobProbe.Input("steps"), gemeente: "GM0344");
        var page = $"/taken/{queued.Id}";

        var coordinator = await App.UserAsync(Roles.Coordinator, "GM0344");
        var html = await (await coordinator.GetAsync(page)).Content.ReadAsStringAsync();
        Assert.Contains("In de wachtrij", html, StringComparison.Ordinal);
        Assert.Contains("role=\"status\"", html, StringComparison.Ordinal);
        Assert.Contains("<progress", html, StringComparison.Ordinal);
        Assert.Contains("Vernieuw de pagina om de voortgang te zien.", html, StringComparison.Ordinal);
        Assert.Contains("js/job-poll", html, StringComparison.Ordinal);
        Assert.Contains("Taak afbreken", html, StringComparison.Ordinal);

        // Readers see the state but get no form; another gemeente does not see the job at all.
        var lezerHtml = await (await (await App.UserAsync(Roles.Lezer, "GM0344")).GetAsync(page)).Content.ReadAsStringAsync();
        Assert.Contains("In de wachtrij", lezerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Taak afbreken", lezerHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.UserAsync(Roles.Coordinator, "GM0363")).GetAsync(page)).StatusCode);

        var posted = await HtmlForms.PostFormAsync(coordinator, page, $"taak-afbreken-{queued.Id:N}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(JobStatus.Cancelled, (await JobAsync(queued.Id)).Status);
        var after = await (await coordinator.GetAsync(page)).Content.ReadAsStringAsync();
        Assert.Contains("Afgebroken", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Vernieuw de pagina", after, StringComparison.Ordinal);
        Assert.DoesNotContain("js/job-poll", after, StringComparison.Ordinal);

        // A finished job: full bar, duration, and no polling.
        Assert.False(await Worker.RunNextAsync(CancellationToken.None));
        var done = await EnqueueAsync(TestJobProbe.Input("steps"), gemeente: "GM0344");
        Assert.True(await Worker.RunNextAsync(CancellationToken.None));
        var doneHtml = await (await coordinator.GetAsync($"/taken/{done.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("Klaar", doneHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"1\"", doneHtml, StringComparison.Ordinal);
        Assert.Contains("Duur: ", doneHtml, StringComparison.Ordinal);
    }

    private async Task<Guid> InsertRunningAsync(int attempts, bool cancelRequested, TimeSpan heartbeatAgo)
    {
        var now = DateTimeOffset.UtcNow;
        var job = new BackgroundJob
        {
            Id = Guid.CreateVersion7(),
            Kind = TestJobHandler.KindName,
            GemeenteCode = "GM0344",
            InputJson = TestJobProbe.Input("steps"),
            RequestedBy = "tester",
            Status = JobStatus.Running,
            CreatedAt = now - heartbeatAgo - TimeSpan.FromSeconds(1),
            StartedAt = now - heartbeatAgo,
            HeartbeatAt = now - heartbeatAgo,
            ClaimedBy = "een-gestopte-node",
            Attempts = attempts,
            CancelRequested = cancelRequested,
        };
        await App.WithDbAsync(async db =>
        {
            db.BackgroundJobs.Add(job);
            return await db.SaveChangesAsync();
        });
        return job.Id;
    }

    private async Task WaitForAsync(Guid id, string status, TimeSpan? within = null)
    {
        var until = DateTime.UtcNow + (within ?? Patience);
        string? last = null;
        while (DateTime.UtcNow < until)
        {
            last = (await App.WithDbAsync(db => db.BackgroundJobs.AsNoTracking().Where(j => j.Id == id).Select(j => j.Status).SingleAsync()));
            if (last == status)
            {
                return;
            }
            await Task.Delay(50);
        }
        Assert.Fail($"Taak {id} is na {(within ?? Patience).TotalSeconds} s {last}, niet {status}.");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteJobTests(SqliteAppFixture fixture) : JobTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresJobTests(PostgresAppFixture fixture) : JobTests(fixture);
