using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Scan;
using Weerbaar.Web.Features.SelfReliance;
using Weerbaar.Web.Shared.Api;
using Weerbaar.Web.Shared.Auth;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.Coverage;

public sealed record CoverageNormsRequest(int? Version, double? NormDistanceMeters, double? DetourFactor, int? ResidentsPerPoint, bool? Reset);

public sealed record CoverageBuurtDto(string Buurtcode, string Name, int Residents, bool HasLocation, string? LocationSource,
    double? DistanceMeters, bool Covered, string? NearestNoodsteunpunt, int? VulnerabilityClass, int NotSelfReliant);

public sealed record CoverageDto(
    string Gemeentecode, int Residents, int NormsVersion, IReadOnlyList<CoverageNormValue> Norms,
    int Points, int PointsWithoutLocation, int PointsNeeded, int PointsMissing, double? ResidentsPerPoint,
    int ResidentsLocated, int ResidentsCovered, double? ShareCovered,
    int BuurtenWithoutLocation, int ResidentsWithoutLocation, int ResidentsOutsideBuurtFile,
    int NotSelfReliantLocated, int NotSelfReliantCovered, int HighVulnerabilityResidents, int HighVulnerabilityCovered,
    IReadOnlyList<DistanceBandDto> Bands, IReadOnlyList<CoverageBuurtDto> Buurten, string Method, string Source);

public sealed record DistanceBandDto(double? UpToMeters, int Residents, int Buurten);

public static class CoverageEndpoints
{
    public const string Source = "CBS, Kerncijfers wijken en buurten 2024 en CBS/Kadaster buurtpunten (CC BY 4.0); noodsteunpunten en normen van de gemeente";

    public static IServiceCollection AddCoverage(this IServiceCollection services)
        => services.AddScoped<CoverageSettingsStore>().AddScoped<NoodsteunpuntCoverage>();

    public static IEndpointRouteBuilder MapCoverageEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiConventions.BasePath + "/gemeenten/{gemeentecode}/noodsteunpunten-coverage").WithTags("Noodsteunpunten");

        api.MapGet("", async Task<Results<Ok<CoverageDto>, ProblemHttpResult>> (string gemeentecode, NoodsteunpuntCoverage coverage, CancellationToken ct) =>
            await coverage.ForGemeenteAsync(gemeentecode, ct) is { } c ? TypedResults.Ok(ToDto(c)) : GemeentenEndpoints.GemeenteNotFound(gemeentecode))
            .RequireAuthorization(Policies.GemeenteLezen)
            .WithName("GetNoodsteunpuntenCoverage")
            .WithSummary("Dekking door noodsteunpunten: per buurt de afstand tot het dichtstbijzijnde punt, het aandeel inwoners binnen de normafstand en hoeveel punten de norm vraagt.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPut("/norms", async Task<Results<Ok<CoverageDto>, ProblemHttpResult>> (
            string gemeentecode, CoverageNormsRequest request, CoverageSettingsStore store, NoodsteunpuntCoverage coverage,
            ReferenceData reference, HttpContext http, CancellationToken ct) =>
        {
            if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } gemeente)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            var input = new CoverageNormInput(Text(request.NormDistanceMeters), Text(request.DetourFactor), Text(request.ResidentsPerPoint));
            var outcome = await store.SaveAsync(gemeente.Code, input, request.Reset == true, request.Version, http.User.NameOrUnknown(), ct);
            return outcome switch
            {
                AssumptionsOutcome.Saved => TypedResults.Ok(ToDto((await coverage.ForGemeenteAsync(gemeente.Code, ct))!)),
                AssumptionsOutcome.Invalid invalid => TypedResults.Problem(ApiConventions.ValidationProblem("De normen zijn niet opgeslagen.",
                    new Dictionary<string, object?> { ["errors"] = invalid.Errors.Select(e => new { field = JsonField(e.Field), message = e.Message }).ToList() })),
                AssumptionsOutcome.Conflict c => ApiConventions.Problem(StatusCodes.Status409Conflict,
                    $"{c.UpdatedBy} heeft de normen intussen gewijzigd; haal ze opnieuw op en probeer het nog eens. Er is niets opgeslagen."),
                _ => throw new InvalidOperationException(),
            };
        })
            .RequireAuthorization(Policies.GemeenteBewerken)
            .WithName("SetNoodsteunpuntenCoverageNorms")
            .WithSummary("Wijzig de normen van de gemeente (normafstand in meter, omrijfactor, inwoners per noodsteunpunt); reset herstelt de standaardwaarden.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        var overview = app.MapGroup(ApiConventions.BasePath + "/noodsteunpunten-coverage").WithTags("Noodsteunpunten");
        overview.MapGet("", async Task<Ok<List<CoverageOverviewRow>>> (string? veiligheidsregio, string? sort, NoodsteunpuntCoverage coverage, CancellationToken ct) =>
            TypedResults.Ok(CoverageOverviewSort.Apply(await coverage.OverviewAsync(veiligheidsregio, ct), sort)))
            .WithName("ListNoodsteunpuntenCoverage")
            .WithSummary("Per gemeente (alle voor landelijke rollen, de eigen veiligheidsregio voor de regio): noodsteunpunten vastgelegd tegen nodig volgens de norm, en de dekking. sort: naam, inwoners, punten, nodig, ontbrekend, dekking (met - ervoor aflopend).");
        app.MapGet(ApiConventions.BasePath + "/noodsteunpunten-coverage/export.csv", async Task<FileContentHttpResult> (string? veiligheidsregio, string? sort, NoodsteunpuntCoverage coverage, CancellationToken ct) =>
            TypedResults.File(OverviewCsv(CoverageOverviewSort.Apply(await coverage.OverviewAsync(veiligheidsregio, ct), sort)),
                "text/csv; charset=utf-8", $"noodsteunpunten-dekking{(string.IsNullOrEmpty(veiligheidsregio) ? "" : "-" + veiligheidsregio.ToUpperInvariant())}.csv"))
            .WithTags("Noodsteunpunten")
            .WithName("ExportNoodsteunpuntenCoverage")
            .WithSummary("Hetzelfde overzicht als CSV.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
        return app;
    }

    private static string? Text(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    private static string JsonField(string field) => field switch
    {
        CoverageNormCatalog.NormDistance => "normDistanceMeters",
        CoverageNormCatalog.Detour => "detourFactor",
        CoverageNormCatalog.PerPoint => "residentsPerPoint",
        _ => field,
    };

    public static byte[] OverviewCsv(IEnumerable<CoverageOverviewRow> rows) => CsvOutput.Write(
        ["gemeentecode", "gemeente", "veiligheidsregio", "inwoners", "noodsteunpunten", "nodig_volgens_norm", "ontbrekend", "aandeel_inwoners_binnen_normafstand", "inwoners_zonder_buurtlocatie", "eigen_normen"],
        rows.Select(r => (IReadOnlyList<string?>)[r.Gemeentecode, r.Name, r.VeiligheidsregioName, Inv(r.Residents), Inv(r.Points), Inv(r.PointsNeeded), Inv(r.PointsMissing),
            r.ShareCovered?.ToString("0.####", CultureInfo.InvariantCulture), Inv(r.ResidentsWithoutLocation), r.OwnNorms ? "ja" : "nee"]),
        i => i is 1 or 2);

    private static string Inv(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static CoverageDto ToDto(GemeenteCoverage c)
    {
        var r = c.Result;
        return new CoverageDto(c.Gemeente.Code, c.Gemeente.Residents, c.NormsVersion, c.Norms, r.Points, r.PointsWithoutLocation, r.PointsNeeded, r.PointsMissing,
            r.ResidentsPerPoint, r.ResidentsLocated, r.ResidentsCovered, r.ShareCovered, r.AreasWithoutLocation, r.ResidentsWithoutLocation, c.ResidentsOutsideBuurtFile,
            SelfRelianceSentences.People(r.NotSelfReliantLocated), SelfRelianceSentences.People(r.NotSelfReliantCovered), r.HighVulnerabilityResidents, r.HighVulnerabilityCovered,
            r.Bands.Select(b => new DistanceBandDto(b.UpToMeters, b.Residents, b.Areas)).ToList(),
            c.Buurten.Select(b => new CoverageBuurtDto(b.Code, b.Name, b.Residents, b.Location is not null, b.Location?.Source switch
            {
                BuurtLocationSource.Geometry => "buurtgrens",
                BuurtLocationSource.CbsPoint => "cbs-kadaster-punt",
                _ => null,
            }, b.Coverage.DistanceMeters is { } d ? Math.Round(d) : null, b.Coverage.Covered, b.NearestName, b.VulnerabilityClass, SelfRelianceSentences.People(b.NotSelfReliant))).ToList(),
            GemeenteCoverage.Method, Source);
    }
}

/// <summary>Sorting the overview by a key with an optional '-' for descending; unknown keys sort by name.</summary>
public static class CoverageOverviewSort
{
    public static readonly IReadOnlyList<(string Key, string Label)> Keys =
        [("naam", "Gemeente"), ("inwoners", "Inwoners"), ("punten", "Noodsteunpunten"), ("nodig", "Nodig volgens norm"), ("ontbrekend", "Ontbrekend"), ("dekking", "Binnen normafstand")];

    public static List<CoverageOverviewRow> Apply(IEnumerable<CoverageOverviewRow> rows, string? sort)
    {
        var descending = sort?.StartsWith('-') == true;
        var key = sort?.TrimStart('-').ToLowerInvariant();
        Func<CoverageOverviewRow, IComparable?> by = key switch
        {
            "inwoners" => r => r.Residents,
            "punten" => r => r.Points,
            "nodig" => r => r.PointsNeeded,
            "ontbrekend" => r => r.PointsMissing,
            "dekking" => r => r.ShareCovered ?? -1,
            _ => r => r.Name,
        };
        var names = StringComparer.Create(Shared.Format.Dutch, ignoreCase: true);
        var ordered = descending ? rows.OrderByDescending(by) : rows.OrderBy(by);
        return ordered.ThenBy(r => r.Name, names).ToList();
    }
}
