using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Weerbaar.E2E.Infrastructure;
using Weerbaar.Web.Features.Jobs;
using static Microsoft.Playwright.Assertions;

namespace Weerbaar.E2E.Journeys;

/// <summary>
/// The job panel in a browser: accessible while the job runs, updated in place by job-poll.js, and cancellable with
/// its form. The job is "running" on a node that is not this app (a fresh heartbeat), so the app's own worker leaves it.
/// </summary>
public sealed class JobPageTests(AppAndBrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_running_job_updates_itself_and_can_be_cancelled()
    {
        var now = DateTimeOffset.UtcNow;
        var job = new BackgroundJob
        {
            Id = Guid.CreateVersion7(),
            Kind = "siting",
            InputJson = "{}",
            RequestedBy = TestUser.Admin.Email,
            Status = JobStatus.Running,
            Progress = 0.4,
            ProgressText = "Stap 2 van 5",
            CreatedAt = now.AddSeconds(-5),
            StartedAt = now.AddSeconds(-4),
            HeartbeatAt = now.AddMinutes(10),
            ClaimedBy = "een-andere-node",
        };
        await Fixture.WithDbAsync(db =>
        {
            db.BackgroundJobs.Add(job);
            return db.SaveChangesAsync();
        });

        var browser = await LogInAsync(TestUser.Admin, $"/taken/{job.Id}", "taak-bezig");
        var status = browser.Page.GetByRole(AriaRole.Status);
        await Expect(status).ToContainTextAsync("Bezig: Stap 2 van 5");
        var bar = browser.Page.GetByRole(AriaRole.Progressbar, new() { Name = "Voortgang" });
        await Expect(bar).ToHaveAttributeAsync("value", "0.4");
        // With JavaScript the reload hint is hidden and the panel follows the job.
        await Expect(browser.Page.GetByText("Vernieuw de pagina om de voortgang te zien.")).ToBeHiddenAsync();
        await Fixture.WithDbAsync(db => db.BackgroundJobs.Where(j => j.Id == job.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Progress, 0.6).SetProperty(j => j.ProgressText, "Stap 3 van 5")));
        await Expect(status).ToContainTextAsync("Bezig: Stap 3 van 5", new() { Timeout = 10_000 });
        await Expect(bar).ToHaveAttributeAsync("value", "0.6");
        await Expect(browser.Page.Locator("[data-job-field='percent']")).ToHaveTextAsync("60%");

        await browser.FollowAsync(browser.Page.GetByRole(AriaRole.Button, new() { Name = "Taak afbreken" }), "taak-afbreken-gevraagd");
        await Expect(browser.Page.GetByRole(AriaRole.Button, new() { Name = "Afbreken gevraagd…" })).ToBeVisibleAsync();
        Assert.True(await Fixture.WithDbAsync(db => db.BackgroundJobs.Where(j => j.Id == job.Id).Select(j => j.CancelRequested).SingleAsync()));

        // The job ends (its node stops it): the page reloads by itself and shows the end state.
        await Fixture.WithDbAsync(db => db.BackgroundJobs.Where(j => j.Id == job.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Cancelled).SetProperty(j => j.FinishedAt, DateTimeOffset.UtcNow)));
        await Expect(status).ToContainTextAsync("Afgebroken", new() { Timeout = 10_000 });
        await browser.CheckPageAsync("taak-afgebroken");
        await Expect(browser.Page.GetByRole(AriaRole.Button, new() { Name = "Taak afbreken" })).ToHaveCountAsync(0);
    }
}
