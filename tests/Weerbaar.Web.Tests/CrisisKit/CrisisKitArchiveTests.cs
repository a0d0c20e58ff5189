using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.CrisisKit.Contacts;
using Weerbaar.Web.Features.Jobs;
using Weerbaar.Web.Features.Locations;
using Weerbaar.Web.Features.Programme;
using Weerbaar.Web.Tests.Accounts;
using Weerbaar.Web.Tests.Infrastructure;
using static Weerbaar.Web.Tests.Siting.SitingTestSupport;

namespace Weerbaar.Web.Tests.CrisisKit;

/// <summary>
/// All packs of a gemeente as one ZIP, made by a background job: one PDF, HTML and JSON per noodsteunpunt whose SHA-256
/// (computed here) are those in LEESMIJ.txt, the edition of who started it, only for the gemeente's readers, cancellable.
/// The worker loop is off in tests: each test runs the worker itself.
/// </summary>
public abstract class CrisisKitArchiveTests(AppFixture fixture)
{
    private const string Gemeente = "GM0171"; // Noordoostpolder: only these tests use it
    private const string Other = "GM0173"; // Oldenzaal
    private const string Many = "GM0175"; // Ommen: 30 points, for the cancel while it runs
    private const string LocationName = "Zorgcentrum Ziptest";
    private const string LocationPhone = "0527 000 000";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private WeerbaarFactory App => fixture.Factory;

    private static string Archives(string g) => $"/api/v1/gemeenten/{g}/crisis-kit/archives";

    /// <summary>Points on the gemeente's buurt points (the first few), with a vulnerable location, a contact and an action.</summary>
    private Task<List<(Guid Id, string Name)>> SeedAsync(string gemeente, int count) => App.WithDbAsync(async db =>
    {
        var existing = await db.Noodsteunpunten.IgnoreQueryFilters().Where(n => n.GemeenteCode == gemeente).ToListAsync();
        if (existing.Count == 0)
        {
            var located = await (from b in db.Buurten
                                 join p in db.BuurtPoints on b.Code equals p.BuurtCode
                                 where b.GemeenteCode == gemeente
                                 orderby b.Code
                                 select new { p.Latitude, p.Longitude }).ToListAsync();
            Assert.NotEmpty(located);
            existing = [.. Enumerable.Range(0, count).Select(i => new Noodsteunpunt
            {
                GemeenteCode = gemeente,
                Name = $"Ziptest punt {i + 1:00}",
                Latitude = located[i % located.Count].Latitude + 0.0005 * (i / located.Count),
                Longitude = located[i % located.Count].Longitude,
                Capacity = 100,
                UpdatedBy = "test",
            })];
            db.Noodsteunpunten.AddRange(existing);
            db.VulnerableLocations.Add(new VulnerableLocation
            {
                GemeenteCode = gemeente,
                Category = "verpleeghuis",
                Name = LocationName,
                People = 40,
                Latitude = existing[0].Latitude + 0.001,
                Longitude = existing[0].Longitude,
                HoursWithoutPower = 8,
                ContactName = "Locatiemanager",
                ContactPhone = LocationPhone,
                UpdatedBy = "test",
            });
            db.CrisisContacts.Add(new CrisisContact { GemeenteCode = gemeente, Category = "drinkwater", Organisation = "Waterbedrijf Ziptest", Phone = "0527 111 111", UpdatedBy = "test" });
            db.ProgrammeActions.Add(new ProgrammeAction
            {
                GemeenteCode = gemeente,
                Number = 1,
                Title = "Sleutelplan Ziptest",
                Pillar = "CO",
                Phase = "eerste-72-uur",
                OwnerDepartment = "OOV",
                StartDate = new DateOnly(2027, 1, 1),
                Deadline = new DateOnly(2027, 3, 1),
                CreatedBy = "test",
                UpdatedBy = "test",
            });
            await db.SaveChangesAsync();
        }
        return existing.Select(n => (n.Id, n.Name)).OrderBy(n => n.Name, StringComparer.Ordinal).ToList();
    });

    private static async Task<Guid> StartAsync(HttpClient client, string gemeente)
    {
        var response = await client.PostAsync(Archives(gemeente), null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("crisis-kit", gemeente, JobStatus.Queued), (job.GetProperty("kind").GetString(), job.GetProperty("gemeentecode").GetString(), job.GetProperty("status").GetString()));
        var id = job.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/jobs/{id}", response.Headers.Location?.OriginalString);
        return id;
    }

    private async Task<(Guid Id, BackgroundJob Job)> MakeAsync(HttpClient client, string gemeente)
    {
        await CloseOpenJobsAsync(App);
        var id = await StartAsync(client, gemeente);
        var job = await RunWorkerUntilFinishedAsync(App, id);
        Assert.True(job.Status == JobStatus.Done, $"Job ended {job.Status}: {job.Error}");
        return (id, job);
    }

    private static Dictionary<string, byte[]> Unzip(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var s = e.Open();
            using var m = new MemoryStream();
            s.CopyTo(m);
            return m.ToArray();
        });
    }

    private static string NoSpaces(string s) => s.Replace(" ", "", StringComparison.Ordinal);

    private const string Team = "crisisteam-noordoostpolder";

    [Fact]
    public async Task The_zip_holds_a_pdf_html_and_json_per_point_whose_checksums_are_in_the_readme()
    {
        var points = await SeedAsync(Gemeente, 2);
        var coordinator = await App.UserAsync(Roles.Coordinator, Gemeente);
        await CloseOpenJobsAsync(App);
        var id = await StartAsync(coordinator, Gemeente);
        // Not there until the job is done.
        await LoginTests.AssertProblem(await coordinator.GetAsync($"{Archives(Gemeente)}/{id}/crisiskit.zip"), HttpStatusCode.NotFound);
        var job = await RunWorkerUntilFinishedAsync(App, id);
        Assert.True(job.Status == JobStatus.Done, $"Job ended {job.Status}: {job.Error}");
        Assert.Equal(1.0, job.Progress);
        Assert.Equal("Klaar: 2 packs in", job.ProgressText?[..17]);
        var status = await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{id}");
        Assert.Equal((JobStatus.Done, 1.0), (status.GetProperty("status").GetString(), status.GetProperty("progress").GetDouble()));

        var response = await coordinator.GetAsync($"{Archives(Gemeente)}/{id}/crisiskit.zip");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        var zip = await response.Content.ReadAsByteArrayAsync();
        var result = JsonDocument.Parse(job.ResultJson!).RootElement;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(zip)), result.GetProperty("sha256").GetString());
        Assert.Equal(2, result.GetProperty("packs").GetInt32());

        var files = Unzip(zip);
        var names = points.Select(p => $"noodsteunpunt-ziptest-punt-{p.Name[^2..]}").ToList();
        Assert.Equal(
            names.Append(Team).SelectMany(n => new[] { n + ".html", n + ".json", n + ".pdf" }).Append("LEESMIJ.txt").Order(StringComparer.Ordinal),
            files.Keys.Order(StringComparer.Ordinal));
        // The crisis team pack joins them, its content as its own API serves it.
        Assert.Equal(await coordinator.GetByteArrayAsync($"/api/v1/gemeenten/{Gemeente}/crisis-kit/crisisteam/pack"), files[Team + ".json"]);
        using (var team = PdfDocument.Open(files[Team + ".pdf"]))
        {
            Assert.Contains("CrisisteamNoordoostpolder", NoSpaces(team.GetPages().First().Text), StringComparison.Ordinal);
        }

        // LEESMIJ lists every other file with its SHA-256, computed here from the bytes in the ZIP.
        var readme = Encoding.UTF8.GetString(files["LEESMIJ.txt"]);
        Assert.Contains("Crisiskit van de gemeente Noordoostpolder", readme, StringComparison.Ordinal);
        foreach (var (name, bytes) in files.Where(f => f.Key != "LEESMIJ.txt"))
        {
            Assert.Contains($"{Convert.ToHexStringLower(SHA256.HashData(bytes))}  {name}\n", readme, StringComparison.Ordinal);
        }

        for (var i = 0; i < points.Count; i++)
        {
            var (pointId, pointName) = points[i];
            // The JSON is the content the single-pack API serves, byte for byte.
            var json = files[names[i] + ".json"];
            Assert.Equal(await coordinator.GetByteArrayAsync($"/api/v1/gemeenten/{Gemeente}/crisis-kit/noodsteunpunten/{pointId}/pack"), json);
            using var pdf = PdfDocument.Open(files[names[i] + ".pdf"]);
            var text = NoSpaces(string.Join("\n", pdf.GetPages().Select(p => p.Text)));
            Assert.Contains(NoSpaces(pointName), text, StringComparison.Ordinal);
            Assert.Contains($"SHA-256{Convert.ToHexStringLower(SHA256.HashData(json))[..12]}", text, StringComparison.Ordinal);
            var html = WebUtility.HtmlDecode(Encoding.UTF8.GetString(files[names[i] + ".html"]));
            Assert.Contains(pointName, html, StringComparison.Ordinal);
            Assert.Contains(Encoding.UTF8.GetString(json), Encoding.UTF8.GetString(files[names[i] + ".html"]), StringComparison.Ordinal);
        }
        // The coordinator's edition has the register: the location near the first point is in its pack.
        Assert.Contains(LocationName, WebUtility.HtmlDecode(Encoding.UTF8.GetString(files[names[0] + ".html"])), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lezer_gets_a_zip_without_register_data_and_not_the_coordinators()
    {
        await SeedAsync(Gemeente, 2);
        var coordinator = await App.UserAsync(Roles.Coordinator, Gemeente);
        var lezer = await App.UserAsync(Roles.Lezer, Gemeente);
        var (withRegister, _) = await MakeAsync(coordinator, Gemeente);
        var (without, _) = await MakeAsync(lezer, Gemeente);

        var files = Unzip(await lezer.GetByteArrayAsync($"{Archives(Gemeente)}/{without}/crisiskit.zip"));
        Assert.Equal(10, files.Count); // two packs and the crisis team pack, three files each, and LEESMIJ
        foreach (var (name, bytes) in files)
        {
            var text = name.EndsWith(".pdf", StringComparison.Ordinal)
                ? NoSpaces(string.Join("\n", PdfDocument.Open(bytes).GetPages().Select(p => p.Text)))
                : WebUtility.HtmlDecode(Encoding.UTF8.GetString(bytes));
            Assert.DoesNotContain(NoSpaces(LocationName), NoSpaces(text), StringComparison.Ordinal);
            Assert.DoesNotContain(NoSpaces(LocationPhone), NoSpaces(text), StringComparison.Ordinal);
        }
        Assert.Contains("geen kwetsbare locaties", Encoding.UTF8.GetString(files["LEESMIJ.txt"]), StringComparison.Ordinal);
        // The lezer cannot fetch the coordinator's ZIP by its job id (404, as if it did not exist).
        await LoginTests.AssertProblem(await lezer.GetAsync($"{Archives(Gemeente)}/{withRegister}/crisiskit.zip"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_gemeente_can_neither_start_nor_download_and_anonymous_gets_401()
    {
        await SeedAsync(Gemeente, 2);
        var coordinator = await App.UserAsync(Roles.Coordinator, Gemeente);
        var (id, _) = await MakeAsync(coordinator, Gemeente);
        var stranger = await App.UserAsync(Roles.Coordinator, Other);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsync(Archives(Gemeente), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"{Archives(Gemeente)}/{id}/crisiskit.zip")).StatusCode);
        // Under its own gemeente's address the job id finds nothing.
        await LoginTests.AssertProblem(await stranger.GetAsync($"{Archives(Other)}/{id}/crisiskit.zip"), HttpStatusCode.NotFound);
        await LoginTests.AssertProblem(await stranger.GetAsync($"/api/v1/jobs/{id}"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Anonymous().PostAsync(Archives(Gemeente), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Anonymous().GetAsync($"{Archives(Gemeente)}/{id}/crisiskit.zip")).StatusCode);
        await LoginTests.AssertProblem(await coordinator.PostAsync("/api/v1/gemeenten/GM9999/crisis-kit/archives", null), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Only_the_newest_three_zips_of_a_gemeente_are_kept()
    {
        await SeedAsync(Other, 1);
        var coordinator = await App.UserAsync(Roles.Coordinator, Other);
        var ids = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add((await MakeAsync(coordinator, Other)).Id);
        }
        await LoginTests.AssertProblem(await coordinator.GetAsync($"{Archives(Other)}/{ids[0]}/crisiskit.zip"), HttpStatusCode.NotFound);
        foreach (var id in ids.Skip(1))
        {
            Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"{Archives(Other)}/{id}/crisiskit.zip")).StatusCode);
        }
        Assert.Equal(3, await App.WithDbAsync(db => db.CrisisKitArchives.IgnoreQueryFilters().CountAsync(a => a.GemeenteCode == Other)));
    }

    [Fact]
    public async Task Cancelling_a_running_job_stops_it_between_packs_and_stores_nothing()
    {
        await SeedAsync(Many, 30);
        var coordinator = await App.UserAsync(Roles.Coordinator, Many);
        await CloseOpenJobsAsync(App);
        var id = await StartAsync(coordinator, Many);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var run = App.Services.GetRequiredService<JobWorker>().RunNextAsync(CancellationToken.None);
        // Wait until a pack has been made, so the cancel arrives while packs are printed.
        while ((await JobAsync(App, id)) is not { Status: JobStatus.Running, ProgressText: { } text } || !text.StartsWith("Pack ", StringComparison.Ordinal))
        {
            Assert.False(run.IsCompleted, "The worker finished before a pack was made.");
            Assert.True(clock.Elapsed < Patience, "No pack was made.");
            await Task.Delay(50);
        }
        var cancel = await coordinator.PostAsync($"/api/v1/jobs/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.True(await run.WaitAsync(Patience));

        var job = await JobAsync(App, id);
        Assert.Equal(JobStatus.Cancelled, job.Status);
        Assert.Null(job.ResultJson);
        Assert.True(job.Progress < 1, $"progress {job.Progress}");
        Assert.False(await App.WithDbAsync(db => db.CrisisKitArchives.IgnoreQueryFilters().AnyAsync(a => a.JobId == id)));
        await LoginTests.AssertProblem(await coordinator.GetAsync($"{Archives(Many)}/{id}/crisiskit.zip"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_page_starts_the_job_shows_its_progress_and_then_the_download()
    {
        await SeedAsync(Gemeente, 2);
        var lezer = await App.UserAsync(Roles.Lezer, Gemeente);
        await CloseOpenJobsAsync(App);
        var page = $"/gemeenten/{Gemeente}/crisiskit";
        var posted = await HtmlForms.PostFormAsync(lezer, page, "alle-packs-zip", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var redirect = posted.Headers.Location!;
        var location = redirect.IsAbsoluteUri ? redirect.PathAndQuery : redirect.OriginalString.Split('#')[0];
        Assert.StartsWith($"{page}?taak=", location, StringComparison.Ordinal);
        var id = Guid.Parse(location[$"{page}?taak=".Length..]);
        var queued = await lezer.GetStringAsync(location);
        Assert.Contains("Voortgang van het ZIP-bestand", queued, StringComparison.Ordinal);
        Assert.DoesNotContain($"{Archives(Gemeente)}/{id}/crisiskit.zip", queued, StringComparison.Ordinal);

        var job = await RunWorkerUntilFinishedAsync(App, id);
        Assert.Equal(JobStatus.Done, job.Status);
        var done = await lezer.GetStringAsync(location);
        Assert.Contains($"{Archives(Gemeente)}/{id}/crisiskit.zip", done, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await lezer.GetAsync($"{Archives(Gemeente)}/{id}/crisiskit.zip")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteCrisisKitArchiveTests(SqliteAppFixture fixture) : CrisisKitArchiveTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresCrisisKitArchiveTests(PostgresAppFixture fixture) : CrisisKitArchiveTests(fixture);
