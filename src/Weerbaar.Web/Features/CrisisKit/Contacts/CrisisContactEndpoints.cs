using Microsoft.AspNetCore.Http.HttpResults;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Shared.Api;
using Weerbaar.Web.Shared.Auth;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.CrisisKit.Contacts;

public static class CrisisContactEndpoints
{
    private const string NotSaved = "Het contact is niet opgeslagen.";

    private static readonly Dictionary<string, string> JsonNames = new(StringComparer.Ordinal)
    {
        [CrisisContactRules.Category] = "category",
        [CrisisContactRules.Organisation] = "organisation",
        [CrisisContactRules.Name] = "name",
        [CrisisContactRules.Phone] = "phone",
        [CrisisContactRules.Email] = "email",
        [CrisisContactRules.Available] = "available",
        [CrisisContactRules.C2000] = "c2000",
        [CrisisContactRules.Satellite] = "satellite",
        [CrisisContactRules.Radio] = "radio",
        [CrisisContactRules.OtherMeans] = "otherMeans",
        [CrisisContactRules.Notes] = "notes",
        [CrisisContactRules.SortOrder] = "sortOrder",
        [CrisisContactRules.Means] = "means",
    };

    public static IServiceCollection AddCrisisContacts(this IServiceCollection services) => services.AddScoped<CrisisContactStore>();

    public static IEndpointRouteBuilder MapCrisisContactEndpoints(this IEndpointRouteBuilder app)
    {
        var contacts = app.MapGroup(ApiConventions.BasePath + "/gemeenten/{gemeentecode}/crisis-contacts").WithTags("Crisiskit");

        contacts.MapGet("", async Task<Results<Ok<List<CrisisContactDto>>, ProblemHttpResult>> (
            string gemeentecode, CrisisContactStore store, ReferenceData reference, CancellationToken ct) =>
            reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g
                ? GemeentenEndpoints.GemeenteNotFound(gemeentecode)
                : TypedResults.Ok((await store.ListAsync(g.Code, ct)).Select(CrisisContactDto.Of).ToList()))
            .RequireAuthorization(Policies.GemeenteLezen)
            .WithName("ListCrisisContacts")
            .WithSummary("De crisiscontactenlijst van de gemeente: wie het noodsteunpunt en het crisisteam moeten bereiken als de systemen uitvallen, met telefoon, e-mail, C2000, satelliettelefoon, radio of een ander middel; op categorie, volgorde en organisatie.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        contacts.MapGet("/{id:guid}", async Task<Results<Ok<CrisisContactDto>, ProblemHttpResult>> (
            string gemeentecode, Guid id, CrisisContactStore store, ReferenceData reference, CancellationToken ct) =>
            reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g
                ? GemeentenEndpoints.GemeenteNotFound(gemeentecode)
                : await store.FindAsync(g.Code, id, ct) is { } c ? TypedResults.Ok(CrisisContactDto.Of(c)) : NotFound(id))
            .RequireAuthorization(Policies.GemeenteLezen)
            .WithName("GetCrisisContact")
            .WithSummary("Eén crisiscontact.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        contacts.MapPost("", async Task<Results<Created<CrisisContactDto>, ProblemHttpResult>> (
            string gemeentecode, CrisisContactRequest request, CrisisContactStore store, ReferenceData reference, HttpContext http, CancellationToken ct) =>
        {
            if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            return await store.SaveAsync(g.Code, null, request.ToInput(), null, http.User.NameOrUnknown(), ct) switch
            {
                ContactOutcome.Saved s => TypedResults.Created($"{ApiConventions.BasePath}/gemeenten/{g.Code}/crisis-contacts/{s.Contact.Id}", CrisisContactDto.Of(s.Contact)),
                ContactOutcome.Invalid invalid => Invalid(invalid.Errors),
                var other => throw new InvalidOperationException($"Unexpected outcome {other}."),
            };
        })
            .RequireAuthorization(Policies.GemeenteBewerken)
            .WithName("CreateCrisisContact")
            .WithSummary("Voeg een crisiscontact toe. Categorie en organisatie zijn verplicht, en minstens één manier om hen te bereiken. Bij fouten volgt 422 met een melding per veld.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status404NotFound);

        contacts.MapPut("/{id:guid}", async Task<Results<Ok<CrisisContactDto>, ProblemHttpResult>> (
            string gemeentecode, Guid id, CrisisContactRequest request, CrisisContactStore store, ReferenceData reference, HttpContext http, CancellationToken ct) =>
        {
            if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            if (request.Version is null)
            {
                return Invalid([new FieldError("version", "Stuur de versie mee die u het laatst hebt opgehaald.")]);
            }
            return await store.SaveAsync(g.Code, id, request.ToInput(), request.Version, http.User.NameOrUnknown(), ct) switch
            {
                ContactOutcome.Saved s => TypedResults.Ok(CrisisContactDto.Of(s.Contact)),
                ContactOutcome.Invalid invalid => Invalid(invalid.Errors),
                ContactOutcome.Conflict c => ApiConventions.Problem(StatusCodes.Status409Conflict,
                    $"{c.UpdatedBy} heeft dit contact intussen gewijzigd; haal het opnieuw op en probeer het nog eens. Er is niets opgeslagen."),
                _ => NotFound(id),
            };
        })
            .RequireAuthorization(Policies.GemeenteBewerken)
            .WithName("UpdateCrisisContact")
            .WithSummary("Wijzig een crisiscontact. Stuur de versie mee die u hebt opgehaald; is het contact intussen gewijzigd, dan volgt 409 met wie het wijzigde en wordt er niets opgeslagen.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        contacts.MapDelete("/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (
            string gemeentecode, Guid id, CrisisContactStore store, ReferenceData reference, CancellationToken ct) =>
            reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g ? GemeentenEndpoints.GemeenteNotFound(gemeentecode)
            : await store.DeleteAsync(g.Code, id, ct) ? TypedResults.NoContent() : NotFound(id))
            .RequireAuthorization(Policies.GemeenteBewerken)
            .WithName("DeleteCrisisContact")
            .WithSummary("Verwijder een crisiscontact.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }


    private static ProblemHttpResult NotFound(Guid id) => ApiConventions.Problem(StatusCodes.Status404NotFound,
        $"Er is geen crisiscontact met id {id} in deze gemeente.");

    /// <summary>422 with every field error, named by its JSON field, as the other write endpoints answer.</summary>
    private static ProblemHttpResult Invalid(IEnumerable<FieldError> errors) => TypedResults.Problem(ApiConventions.ValidationProblem(NotSaved,
        new Dictionary<string, object?> { ["errors"] = errors.Select(e => new { field = JsonNames.GetValueOrDefault(e.Field, e.Field), message = e.Message }).ToList() }));
}
