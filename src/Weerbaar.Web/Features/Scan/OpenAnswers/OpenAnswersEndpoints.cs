using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Scan.Rounds;
using Weerbaar.Web.Shared.Api;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.Scan.OpenAnswers;

public static class OpenAnswersEndpoints
{
    public static IEndpointRouteBuilder MapOpenAnswersEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(ApiConventions.BasePath + "/rounds/{id:guid}/open-answers/themes", async Task<Results<Ok<IReadOnlyList<OpenQuestionThemes>>, ProblemHttpResult>> (
                Guid id, AppDbContext db, OpenAnswerThemes themes, CancellationToken ct) =>
                await db.ScanRounds.AnyAsync(r => r.Id == id, ct)
                    ? TypedResults.Ok(await themes.SummarizeAsync(id, null, ct))
                    : RoundsEndpoints.RoundNotFound(id))
            .RequireAuthorization(Policies.Onderzoek).WithTags("Weerbaarheidsscan")
            .WithName("GetOpenAnswerThemes")
            .WithSummary("Thema's van de open antwoorden per vraag: aantal antwoorden, aantal gecodeerd, per thema het aantal en tot drie citaten zonder gemeente- en plaatsnamen (geen citaten bij minder dan vijf).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet(ApiConventions.BasePath + "/rounds/{id:guid}/open-answers/agreement", async Task<Results<Ok<IReadOnlyList<QuestionAgreementDto>>, ProblemHttpResult>> (
                Guid id, OpenAnswerAgreement agreement, CancellationToken ct) =>
                await agreement.ComputeAsync(id, ct) is { } result ? TypedResults.Ok(result) : RoundsEndpoints.RoundNotFound(id))
            .RequireAuthorization(Policies.Onderzoek).WithTags("Weerbaarheidsscan")
            .WithName("GetOpenAnswerAgreement")
            .WithSummary("Overeenstemming tussen onderzoekers die dezelfde open antwoorden codeerden: per vraag en paar Cohens κ per thema, gemiddelde κ en percentage overeenstemming.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
