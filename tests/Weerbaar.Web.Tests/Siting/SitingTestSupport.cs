using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Web.Features.Jobs;
using Weerbaar.Web.Features.Locations;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Siting;

/// <summary>A buurt as the test sees it in the database: residents (0 when unknown) and its CBS/Kadaster point, if any.</summary>
public sealed record TestBuurt(string Code, int Residents, double? Latitude, double? Longitude)
{
    public bool Located => Latitude is not null;
}

/// <summary>
/// What the siting tests share: URLs, starting a run and driving the worker by hand (the test host's loop is off),
/// the buurten straight from the database, and an independent distance (haversine × detour) to check results against.
/// </summary>
public static class SitingTestSupport
{
    public const double EarthRadius = 6_371_008.8, Detour = 1.3, Norm = 1000;

    public static string Runs(string gemeente) => $"/api/v1/gemeenten/{gemeente}/siting-runs";

    public static string Scenarios(string gemeente) => $"/api/v1/gemeenten/{gemeente}/siting-scenarios";

    public static string Candidates(string gemeente) => $"/api/v1/gemeenten/{gemeente}/kandidaatlocaties";

    public static string Points(string gemeente) => $"/api/v1/gemeenten/{gemeente}/noodsteunpunten";

    /// <summary>Great-circle distance in metres (mean earth radius), written here so the test does not trust the app's own.</summary>
    public static double Haversine(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var a = Math.Pow(Math.Sin(Rad(lat2 - lat1) / 2), 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(Rad(lon2 - lon1) / 2), 2);
        return 2 * EarthRadius * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>Road distance estimate as the app's norms define it: straight line × detour factor.</summary>
    public static double Road(double lat1, double lon1, double lat2, double lon2) => Haversine(lat1, lon1, lat2, lon2) * Detour;

    /// <summary>Residents of located buurten within the norm of at least one of <paramref name="open"/>.</summary>
    public static int Covered(IEnumerable<TestBuurt> buurten, IReadOnlyList<(double Lat, double Lon)> open)
        => buurten.Where(b => b.Located && open.Any(o => Road(b.Latitude!.Value, b.Longitude!.Value, o.Lat, o.Lon) <= Norm)).Sum(b => b.Residents);

    /// <summary>The gemeente's buurten with their shipped point (no test loads buurt geometry for these gemeenten).</summary>
    public static async Task<List<TestBuurt>> BuurtenAsync(WeerbaarFactory app, string gemeente)
    {
        var prefix = "BU" + gemeente[2..];
        var buurten = await app.WithDbAsync(db => db.Buurten.AsNoTracking().Where(b => b.GemeenteCode == gemeente).ToListAsync());
        var points = await app.WithDbAsync(db => db.BuurtPoints.AsNoTracking().Where(p => p.BuurtCode.StartsWith(prefix)).ToDictionaryAsync(p => p.BuurtCode));
        return buurten.OrderBy(b => b.Code, StringComparer.Ordinal).Select(b => points.TryGetValue(b.Code, out var p)
            ? new TestBuurt(b.Code, b.Residents ?? 0, p.Latitude, p.Longitude)
            : new TestBuurt(b.Code, b.Residents ?? 0, null, null)).ToList();
    }

    public static Task<Guid> AddPointAsync(WeerbaarFactory app, string gemeente, string name, double? lat, double? lon) => app.WithDbAsync(async db =>
    {
        var n = new Noodsteunpunt { GemeenteCode = gemeente, Name = name, Latitude = lat, Longitude = lon, UpdatedBy = "test" };
        db.Noodsteunpunten.Add(n);
        await db.SaveChangesAsync();
        return n.Id;
    });

    /// <summary>
    /// Closes every open job of any kind, so the worker picks up only what the test queues next (the tests of a
    /// provider share one database and run one after another; other test classes may leave jobs behind).
    /// </summary>
    public static Task<int> CloseOpenJobsAsync(WeerbaarFactory app) => app.WithDbAsync(db => db.BackgroundJobs
        .Where(j => j.Status == JobStatus.Queued || j.Status == JobStatus.Running)
        .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Cancelled)));

    public static Task<BackgroundJob> JobAsync(WeerbaarFactory app, Guid id)
        => app.WithDbAsync(db => db.BackgroundJobs.AsNoTracking().SingleAsync(j => j.Id == id));

    /// <summary>POSTs a run and expects 202 with a queued siting job; returns the job id.</summary>
    public static async Task<Guid> StartAsync(HttpClient client, string gemeente, object request)
    {
        var response = await client.PostAsJsonAsync(Runs(gemeente), request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("siting", gemeente, JobStatus.Queued), (job.GetProperty("kind").GetString(), job.GetProperty("gemeentecode").GetString(), job.GetProperty("status").GetString()));
        var id = job.GetProperty("id").GetGuid();
        Assert.Equal($"{Runs(gemeente)}/{id}", response.Headers.Location?.OriginalString);
        return id;
    }

    /// <summary>Runs the worker until job <paramref name="id"/> has finished (stray jobs of other tests may come first).</summary>
    public static async Task<BackgroundJob> RunWorkerUntilFinishedAsync(WeerbaarFactory app, Guid id)
    {
        var worker = app.Services.GetRequiredService<JobWorker>();
        for (var i = 0; i < 100; i++)
        {
            var job = await JobAsync(app, id);
            if (job.IsFinished)
            {
                return job;
            }
            Assert.True(await worker.RunNextAsync(CancellationToken.None), $"Job {id} is {job.Status} but the worker found nothing to run.");
        }
        throw new InvalidOperationException($"Job {id} did not finish.");
    }

    /// <summary>Closes stray jobs, starts a run, runs it to its end and returns GET /siting-runs/{id} (expects status done).</summary>
    public static async Task<(Guid Id, JsonElement Job, JsonElement Result)> RunAsync(WeerbaarFactory app, HttpClient client, string gemeente, object request)
    {
        await CloseOpenJobsAsync(app);
        var id = await StartAsync(client, gemeente, request);
        var finished = await RunWorkerUntilFinishedAsync(app, id);
        Assert.True(finished.Status == JobStatus.Done, $"Job ended {finished.Status}: {finished.Error}");
        var run = await client.GetFromJsonAsync<JsonElement>($"{Runs(gemeente)}/{id}");
        var job = run.GetProperty("job");
        Assert.Equal((id, JobStatus.Done, 1.0), (job.GetProperty("id").GetGuid(), job.GetProperty("status").GetString(), job.GetProperty("progress").GetDouble()));
        var result = run.GetProperty("result");
        Assert.Equal(JsonValueKind.Object, result.ValueKind);
        Assert.Equal(gemeente, result.GetProperty("gemeentecode").GetString());
        return (id, job, result);
    }

    public static IEnumerable<JsonElement> Sites(JsonElement result) => result.GetProperty("sites").EnumerateArray();

    /// <summary>The candidates the optimum opens (new sites, not the existing ones).</summary>
    public static List<JsonElement> NewOptimal(JsonElement result)
        => Sites(result).Where(s => !s.GetProperty("existing").GetBoolean() && s.GetProperty("optimal").GetBoolean()).ToList();

    public static List<JsonElement> NewGreedy(JsonElement result)
        => Sites(result).Where(s => !s.GetProperty("existing").GetBoolean() && s.GetProperty("greedy").GetBoolean()).ToList();

    public static (double Lat, double Lon) At(JsonElement site) => (site.GetProperty("latitude").GetDouble(), site.GetProperty("longitude").GetDouble());

    public static JsonElement Figures(JsonElement result, string answer) => answer == "current"
        ? result.GetProperty("current")
        : result.GetProperty(answer).GetProperty("figures");

    /// <summary>The field names of a 422 problem's errors, in order.</summary>
    public static List<string?> ErrorFields(JsonElement problem)
        => problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();

    public static string ErrorMessage(JsonElement problem, string field)
        => problem.GetProperty("errors").EnumerateArray().First(e => e.GetProperty("field").GetString() == field).GetProperty("message").GetString()!;
}
