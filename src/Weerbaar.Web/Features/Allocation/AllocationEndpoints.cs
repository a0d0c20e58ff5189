using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.SelfReliance;
using Weerbaar.Web.Shared.Api;
using Weerbaar.Web.Shared.Auth;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.Allocation;

public static class AllocationEndpoints
{
    public const string Source = "Bron: CBS, Kerncijfers wijken en buurten 2024 en CBS/Kadaster buurtpunten (CC BY 4.0); noodsteunpunten, voorraden en prioriteiten van de gemeente; behoeften: Rijksoverheid ‘Denk vooruit’ en aannames van Weerbaar.";

    /// <summary>A plan is small (a few resources × noodsteunpunten × 12 periods); anything far larger is refused before it is read.</summary>
    public const long MaxBodyBytes = 512 * 1024;

    public static IServiceCollection AddAllocation(this IServiceCollection services)
        => services.AddScoped<AllocationPlanStore>().AddScoped<AllocationRunner>();

    public static IEndpointRouteBuilder MapAllocationEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiConventions.BasePath + "/gemeenten/{gemeentecode}").WithTags("Schaarste");

        api.MapGet("/allocation-plan", async Task<Results<Ok<AllocationPlanDto>, ProblemHttpResult>> (string gemeentecode, ReferenceData reference, AllocationPlanStore store, CancellationToken ct) =>
            reference.Gemeente(gemeentecode.ToUpperInvariant()) is { } g
                ? TypedResults.Ok(AllocationDtoMapping.ToDto(g.Code, await store.LoadAsync(g.Code, ct)))
                : GemeentenEndpoints.GemeenteNotFound(gemeentecode))
            .RequireAuthorization(Policies.GemeenteLezen)
            .WithName("GetAllocationPlan")
            .WithSummary("Het verdeelplan voor schaarse middelen: scenario, hulpmiddelen met voorraad per noodsteunpunt en leveringen per periode van 6 uur, groepen met prioriteit (tier) en behoefte per persoon per periode, en de verdeelregels. Zonder opgeslagen plan de standaardwaarden.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPut("/allocation-plan", async Task<Results<Ok<AllocationPlanDto>, ProblemHttpResult>> (
            string gemeentecode, ReferenceData reference, AllocationPlanStore store, HttpContext http, CancellationToken ct) =>
        {
            if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            var (request, refusal) = await BodyAsync(http, ct);
            if (request is null)
            {
                return refusal!;
            }
            var (outcome, _) = await store.SaveAsync(g.Code, request, request.Version, http.User.NameOrUnknown(), ct);
            return outcome switch
            {
                AssumptionsOutcome.Saved => TypedResults.Ok(AllocationDtoMapping.ToDto(g.Code, await store.LoadAsync(g.Code, ct))),
                AssumptionsOutcome.Invalid invalid => Invalid(invalid.Errors),
                AssumptionsOutcome.Conflict c => ApiConventions.Problem(StatusCodes.Status409Conflict,
                    $"{c.UpdatedBy} heeft het verdeelplan intussen gewijzigd; haal het opnieuw op en probeer het nog eens. Er is niets opgeslagen."),
                _ => throw new InvalidOperationException(),
            };
        })
            .RequireAuthorization(Policies.GemeenteBewerken)
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .Accepts<AllocationPlanRequest>("application/json")
            .WithName("SetAllocationPlan")
            .WithSummary("Sla het verdeelplan op. Met version wordt een verouderde versie geweigerd (409); zonder version wint de laatste. Met alleen een scenario (zonder resources) bepaalt het scenario de hulpmiddelen en het aantal periodes (typische duur, hoogstens 72 uur). Elke fout komt terug met het veld: scenario, periodes, beleid, minimum, afstand, hulpmiddelen, voorraad-{hulpmiddel}-{punt}, levering-{hulpmiddel}-{punt}, groepen, tier-{groep}, behoefte-{groep}-{hulpmiddel}.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/allocation", async Task<Results<Ok<AllocationResultDto>, ProblemHttpResult>> (string gemeentecode, AllocationRunner runner, CancellationToken ct) =>
            await runner.RunAsync(gemeentecode, ct) is { } run
                ? TypedResults.Ok(AllocationDtoMapping.ToDto(run))
                : GemeentenEndpoints.GemeenteNotFound(gemeentecode))
            .RequireAuthorization(Policies.GemeenteLezen)
            .WithName("RunAllocation")
            .WithSummary("Verdeel de voorraad volgens het opgeslagen verdeelplan: de uitkomst van het gekozen beleid (tekort per groep, tier, periode en buurt, met per buurt, groep en hulpmiddel een verklaring in één zin) en de drie beleidsregels naast elkaar (onvervulde behoefte per tier en Gini per hulpmiddel). Slaat niets op; rekent bij elke aanroep opnieuw.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>The plan as sent, read with a size limit of its own (not every server enforces the endpoint's); null with the refusal otherwise.</summary>
    private static async Task<(AllocationPlanRequest? Request, ProblemHttpResult? Refusal)> BodyAsync(HttpContext http, CancellationToken ct)
    {
        if (!http.Request.HasJsonContentType())
        {
            return (null, ApiConventions.Problem(StatusCodes.Status415UnsupportedMediaType,
                "Stuur het verdeelplan als JSON (Content-Type: application/json)."));
        }
        var tooLarge = ApiConventions.Problem(StatusCodes.Status413PayloadTooLarge,
            $"Het verdeelplan is groter dan {MaxBodyBytes / 1024} kB; zo groot kan een plan niet zijn. Er is niets opgeslagen.");
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return (null, tooLarge);
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
            {
                return (null, tooLarge);
            }
        }
        try
        {
            var options = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
            return JsonSerializer.Deserialize<AllocationPlanRequest>(buffer.ToArray(), options) is { } request
                ? (request, null)
                : (null, BadJson("De inhoud is leeg."));
        }
        catch (JsonException e)
        {
            return (null, BadJson($"Dit is geen geldig verdeelplan in JSON ({e.Path}): getallen moeten eindige JSON-getallen zijn, lijsten lijsten. Er is niets opgeslagen."));
        }

        static ProblemHttpResult BadJson(string detail) => ApiConventions.Problem(StatusCodes.Status400BadRequest, detail);
    }

    private static ProblemHttpResult Invalid(IReadOnlyList<FieldError> errors)
        => TypedResults.Problem(ApiConventions.ValidationProblem("Het verdeelplan is niet opgeslagen.",
            new Dictionary<string, object?> { ["errors"] = errors.Select(e => new { field = e.Field, message = e.Message }).ToList() }));
}
