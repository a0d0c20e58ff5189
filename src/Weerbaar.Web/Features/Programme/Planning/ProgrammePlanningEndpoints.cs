using Microsoft.AspNetCore.Http.HttpResults;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Shared;
using Weerbaar.Web.Shared.Api;
using Weerbaar.Web.Shared.Auth;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.Programme.Planning;

public static class ProgrammePlanningEndpoints
{
    private static readonly Dictionary<string, string> JsonNames = new(StringComparer.Ordinal)
    {
        [PartnerAgreementRules.Partner] = "partner",
        [PartnerAgreementRules.Subject] = "subject",
        [PartnerAgreementRules.Contact] = "contact",
        [PartnerAgreementRules.AgreedOn] = "agreedOn",
        [PartnerAgreementRules.ReviewDate] = "reviewDate",
        [PartnerAgreementRules.Actions] = "actionNumbers",
    };

    public static IServiceCollection AddProgrammePlanning(this IServiceCollection services)
        => services.AddScoped<PlanningQuery>().AddScoped<PartnerAgreementStore>();

    public static IEndpointRouteBuilder MapProgrammePlanningEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiConventions.BasePath + "/gemeenten/{gemeentecode}/programme").WithTags("Programmaplan");

        api.MapGet("/schedule", async Task<Results<Ok<ScheduleDto>, ProblemHttpResult>> (string gemeentecode, PlanningQuery query, CancellationToken ct) =>
        {
            if (await query.LoadAsync(gemeentecode, ct) is not { } view)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            return view.Result.Problem is { } problem
                ? TypedResults.Problem(ApiConventions.ValidationProblem(problem))
                : TypedResults.Ok(ScheduleDtos.Of(view));
        })
            .RequireAuthorization(Policies.GemeenteLezen)
            .WithName("GetProgrammeSchedule")
            .WithSummary("De planning van het programma: per actie de vroegste en laatste start en einde (eerste en laatste werkdag), de speling, of de actie kritiek is, de kritieke paden, gemiste deadlines, de inzet per maand en het budget per jaar en pijler. Een plan dat niet te berekenen is (bijvoorbeeld een kring van afhankelijkheden) geeft 422 met de reden.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        var agreements = api.MapGroup("/partner-agreements");

        agreements.MapGet("", async Task<Results<Ok<List<PartnerAgreementDto>>, ProblemHttpResult>> (
            string gemeentecode, PartnerAgreementStore store, ReferenceData reference, MeasuresCatalogue catalogue, TimeProvider clock, CancellationToken ct) =>
        {
            if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            var today = Format.Today(clock);
            return TypedResults.Ok((await store.ListAsync(g.Code, ct)).Select(a => ToDto(a, catalogue, today)).ToList());
        })
            .RequireAuthorization(Policies.GemeenteLezen)
            .WithName("ListPartnerAgreements")
            .WithSummary("De afspraken met ketenpartners: met wie, wat, contactpersoon, wanneer afgesproken, wanneer ze opnieuw bekeken worden en voor welke acties; op herzieningsdatum.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        agreements.MapGet("/{id:guid}", async Task<Results<Ok<PartnerAgreementDto>, ProblemHttpResult>> (
            string gemeentecode, Guid id, PartnerAgreementStore store, ReferenceData reference, MeasuresCatalogue catalogue, TimeProvider clock, CancellationToken ct) =>
        {
            if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            return await store.FindAsync(g.Code, id, ct) is { } a ? TypedResults.Ok(ToDto(a, catalogue, Format.Today(clock))) : NotFound(id);
        })
            .RequireAuthorization(Policies.GemeenteLezen)
            .WithName("GetPartnerAgreement")
            .WithSummary("Eén afspraak met een ketenpartner.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        agreements.MapPost("", async Task<Results<Created<PartnerAgreementDto>, ProblemHttpResult>> (
            string gemeentecode, PartnerAgreementRequest request, PartnerAgreementStore store, ReferenceData reference, MeasuresCatalogue catalogue,
            TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            return await store.SaveAsync(g.Code, null, request.ToInput(), null, http.User.NameOrUnknown(), ct) switch
            {
                AgreementOutcome.Saved s => TypedResults.Created($"{ApiConventions.BasePath}/gemeenten/{g.Code}/programme/partner-agreements/{s.Agreement.Id}", ToDto(s.Agreement, catalogue, Format.Today(clock))),
                AgreementOutcome.Invalid invalid => Invalid("De afspraak is niet opgeslagen.", invalid.Errors),
                var other => throw new InvalidOperationException($"Unexpected outcome {other}."),
            };
        })
            .RequireAuthorization(Policies.GemeenteBewerken)
            .WithName("CreatePartnerAgreement")
            .WithSummary("Leg een afspraak met een ketenpartner vast. Partner, onderwerp en herzieningsdatum zijn verplicht; de actienummers moeten in het programma bestaan.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status404NotFound);

        agreements.MapPut("/{id:guid}", async Task<Results<Ok<PartnerAgreementDto>, ProblemHttpResult>> (
            string gemeentecode, Guid id, PartnerAgreementRequest request, PartnerAgreementStore store, ReferenceData reference, MeasuresCatalogue catalogue,
            TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            if (request.Version is null)
            {
                return Invalid("De afspraak is niet opgeslagen.", [new FieldError("version", "Stuur de versie mee die u het laatst hebt opgehaald.")]);
            }
            return await store.SaveAsync(g.Code, id, request.ToInput(), request.Version, http.User.NameOrUnknown(), ct) switch
            {
                AgreementOutcome.Saved s => TypedResults.Ok(ToDto(s.Agreement, catalogue, Format.Today(clock))),
                AgreementOutcome.Invalid invalid => Invalid("De afspraak is niet opgeslagen.", invalid.Errors),
                AgreementOutcome.Conflict c => ApiConventions.Problem(StatusCodes.Status409Conflict,
                    $"{c.UpdatedBy} heeft deze afspraak intussen gewijzigd; haal haar opnieuw op en probeer het nog eens. Er is niets opgeslagen."),
                _ => NotFound(id),
            };
        })
            .RequireAuthorization(Policies.GemeenteBewerken)
            .WithName("UpdatePartnerAgreement")
            .WithSummary("Wijzig een afspraak met een ketenpartner. Stuur de versie mee die u hebt opgehaald; is de afspraak intussen gewijzigd, dan volgt 409 en wordt er niets opgeslagen.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        agreements.MapDelete("/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (
            string gemeentecode, Guid id, PartnerAgreementStore store, ReferenceData reference, CancellationToken ct) =>
            reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g ? GemeentenEndpoints.GemeenteNotFound(gemeentecode)
            : await store.DeleteAsync(g.Code, id, ct) ? TypedResults.NoContent() : NotFound(id))
            .RequireAuthorization(Policies.GemeenteBewerken)
            .WithName("DeletePartnerAgreement")
            .WithSummary("Verwijder een afspraak met een ketenpartner.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    public static PartnerAgreementDto ToDto(PartnerAgreement a, MeasuresCatalogue catalogue, DateOnly today) => new(
        a.Id, a.Partner, catalogue.Partners.FirstOrDefault(p => p.Code == a.Partner)?.Name ?? a.Partner, a.Subject, a.Contact, a.AgreedOn, a.ReviewDate,
        a.ReviewDate < today, a.ActionNumbers, a.Version, a.UpdatedBy, a.UpdatedAt);


    private static ProblemHttpResult NotFound(Guid id) => ApiConventions.Problem(StatusCodes.Status404NotFound,
        $"Er is geen afspraak met id {id} in deze gemeente.");

    /// <summary>422 with every field error, named by its JSON field, as the other write endpoints answer.</summary>
    private static ProblemHttpResult Invalid(string detail, IEnumerable<FieldError> errors) => TypedResults.Problem(ApiConventions.ValidationProblem(detail,
        new Dictionary<string, object?> { ["errors"] = errors.Select(e => new { field = JsonNames.GetValueOrDefault(e.Field, e.Field), message = e.Message }).ToList() }));
}
