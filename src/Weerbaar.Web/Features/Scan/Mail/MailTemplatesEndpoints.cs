using Microsoft.AspNetCore.Http.HttpResults;
using Weerbaar.Web.Features.Scan.Invitations;
using Weerbaar.Web.Features.Scan.Rounds;
using Weerbaar.Web.Shared.Api;
using Weerbaar.Web.Shared.Auth;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.Scan.Mail;

public sealed record MailTemplateRequest(string? Subject, string? Body);

public static class MailTemplatesEndpoints
{
    public static IEndpointRouteBuilder MapMailTemplatesEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(ApiConventions.BasePath + "/rounds/{id:guid}/mail-templates").WithTags("Weerbaarheidsscan").RequireAuthorization(Policies.Onderzoek);

        group.MapGet("", async Task<Results<Ok<List<MailTemplateDto>>, ProblemHttpResult>> (Guid id, MailTemplateStore store, CancellationToken ct) =>
            await store.ListAsync(id, ct) is { } list ? TypedResults.Ok(list) : RoundsEndpoints.RoundNotFound(id))
            .WithName("ListMailTemplates").WithSummary("De e-mailteksten van de ronde (uitnodiging, herinnering, bevestiging) met hun plaatshouders.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/{kind}", async Task<Results<Ok<MailTemplateDto>, ProblemHttpResult>> (
            Guid id, string kind, MailTemplateRequest request, MailTemplateStore store, HttpContext http, CancellationToken ct) =>
            MailTemplateStore.TryParseKind(kind, out var parsed) ? await SaveAsync(id, parsed, request, store, http, ct) : UnknownKind(kind))
            .WithName("SetMailTemplate").WithSummary("Wijzig een e-mailtekst; zonder onderwerp en tekst geldt weer de standaardtekst.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    private static async Task<Results<Ok<MailTemplateDto>, ProblemHttpResult>> SaveAsync(
        Guid id, ScanMailKind kind, MailTemplateRequest request, MailTemplateStore store, HttpContext http, CancellationToken ct)
        => await store.SaveAsync(id, kind, request.Subject, request.Body, http.User.NameOrUnknown(), ct) switch
        {
            TemplateOutcome.Saved saved => TypedResults.Ok(saved.Template),
            TemplateOutcome.NotFound => RoundsEndpoints.RoundNotFound(id),
            TemplateOutcome.Closed => InvitationsEndpoints.ClosedRound(),
            TemplateOutcome.Invalid invalid => TypedResults.Problem(ApiConventions.ValidationProblem("De tekst is niet opgeslagen.",
                new Dictionary<string, object?> { ["errors"] = invalid.Errors.Select(e => new { field = e.Field, message = e.Message }).ToList() })),
            _ => throw new InvalidOperationException(),
        };

    private static ProblemHttpResult UnknownKind(string kind) => ApiConventions.Problem(StatusCodes.Status404NotFound,
        $"Onbekende soort e-mail '{kind}'; kies uitnodiging, herinnering of bevestiging.");
}
