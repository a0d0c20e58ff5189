using Microsoft.AspNetCore.Http.HttpResults;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Scan.Report.Exports;
using Weerbaar.Web.Shared.Api;
using Weerbaar.Web.Shared.Auth;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.Afweging;

/// <summary>A new decision; <paramref name="Corrects"/> names the record it corrects (then <paramref name="CorrectionReason"/> is required).</summary>
public sealed record DecisionRecordRequest(
    string? ScenarioCode, string? Title, string? Rationale, DateOnly? DecisionDate, string? PreparedBy, string? ApprovedBy,
    int? Corrects = null, string? CorrectionReason = null)
{
    public DecisionRecordInput ToInput() => new(ScenarioCode, Title, Rationale, DecisionDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), PreparedBy, ApprovedBy, Corrects, CorrectionReason);

    /// <summary>Form field names to JSON names, for the errors of a refused request.</summary>
    public static readonly IReadOnlyDictionary<string, string> JsonNames = new Dictionary<string, string>
    {
        [DecisionRecorder.Fields.Scenario] = "scenarioCode",
        [DecisionRecorder.Fields.Title] = "title",
        [DecisionRecorder.Fields.Rationale] = "rationale",
        [DecisionRecorder.Fields.Date] = "decisionDate",
        [DecisionRecorder.Fields.PreparedBy] = "preparedBy",
        [DecisionRecorder.Fields.ApprovedBy] = "approvedBy",
        [DecisionRecorder.Fields.Corrects] = "corrects",
        [DecisionRecorder.Fields.Reason] = "correctionReason",
    };
}

/// <summary>A decision record; <see cref="Inputs"/> (the snapshot of the inputs) only when one record is asked for.</summary>
public sealed record DecisionRecordDto(
    string Gemeentecode, int Number, string RegistrationNumber, string ScenarioCode, string ScenarioName, string Title, string Rationale,
    DateOnly DecisionDate, string PreparedBy, string ApprovedBy, int? Corrects, int? CorrectedBy, DateTimeOffset RecordedAt, string RecordedBy,
    DecisionInputs? Inputs)
{
    public static DecisionRecordDto Of(DecisionSummary s, bool withInputs)
    {
        var r = s.Record;
        return new(r.GemeenteCode, r.Number, CollegevoorstelComposer.RegistrationNumber(r), r.ScenarioCode, r.ScenarioName, r.Title, r.Rationale,
            r.DecisionDate, r.PreparedBy, r.ApprovedBy, s.CorrectsNumber, s.CorrectedByNumber, r.RecordedAt, r.RecordedBy,
            withInputs ? DecisionInputs.FromJson(r.InputsJson) : null);
    }
}

public static class DecisionRecordEndpoints
{
    public static IServiceCollection AddDecisionRecords(this IServiceCollection services)
        => services.AddScoped<DecisionInputsBuilder>().AddScoped<DecisionRecorder>().AddScoped<DecisionRecordQueries>();

    /// <summary>Read, record and export; there is deliberately no PUT, PATCH or DELETE: a record is never changed.</summary>
    public static IEndpointRouteBuilder MapDecisionRecordEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiConventions.BasePath + "/gemeenten/{gemeentecode}/decision-records").WithTags("Afwegingskader");

        api.MapGet("", async Task<Results<Ok<List<DecisionRecordDto>>, ProblemHttpResult>> (
            string gemeentecode, ReferenceData reference, DecisionRecordQueries queries, CancellationToken ct) =>
            reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g
                ? GemeentenEndpoints.GemeenteNotFound(gemeentecode)
                : TypedResults.Ok((await queries.HistoryAsync(g.Code, ct)).Select(s => DecisionRecordDto.Of(s, false)).ToList()))
            .RequireAuthorization(Policies.GemeenteLezen)
            .WithName("ListDecisionRecords")
            .WithSummary("De vastgelegde besluiten van het afwegingskader, nieuwste eerst, met welk besluit elk corrigeert of door welk het is gecorrigeerd.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/{number:int}", async Task<Results<Ok<DecisionRecordDto>, ProblemHttpResult>> (
            string gemeentecode, int number, ReferenceData reference, DecisionRecordQueries queries, CancellationToken ct) =>
            reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g
                ? GemeentenEndpoints.GemeenteNotFound(gemeentecode)
                : await queries.FindAsync(g.Code, number, ct) is { } s ? TypedResults.Ok(DecisionRecordDto.Of(s, true)) : NotFound(number))
            .RequireAuthorization(Policies.GemeenteLezen)
            .WithName("GetDecisionRecord")
            .WithSummary("Eén besluit met de versie van elke invoer zoals die was bij het vastleggen (inputs).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("", async Task<Results<Created<DecisionRecordDto>, ProblemHttpResult>> (
            string gemeentecode, DecisionRecordRequest request, ReferenceData reference, DecisionRecorder recorder, DecisionRecordQueries queries,
            HttpContext http, CancellationToken ct) =>
        {
            if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            return await recorder.RecordAsync(g.Code, request.ToInput(), http.User.NameOrUnknown(), ct) switch
            {
                DecisionOutcome.Recorded r => TypedResults.Created($"{ApiConventions.BasePath}/gemeenten/{g.Code}/decision-records/{r.Record.Number}",
                    DecisionRecordDto.Of((await queries.FindAsync(g.Code, r.Record.Number, ct))!, true)),
                DecisionOutcome.Invalid invalid => TypedResults.Problem(ApiConventions.ValidationProblem("Het besluit is niet vastgelegd.",
                    new Dictionary<string, object?>
                    {
                        ["errors"] = invalid.Errors.Select(e => new { field = DecisionRecordRequest.JsonNames.GetValueOrDefault(e.Field, e.Field), message = e.Message }).ToList(),
                    })),
                _ => throw new InvalidOperationException(),
            };
        })
            .RequireAuthorization(Policies.GemeenteBewerken)
            .WithName("CreateDecisionRecord")
            .WithSummary("Leg een besluit van het college vast; de invoer wordt op dit moment vastgelegd. Een correctie is een nieuw besluit met corrects (het nummer van het nieuwste besluit in de reeks) en correctionReason.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/{number:int}/collegevoorstel", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
            string gemeentecode, int number, ReferenceData reference, DecisionRecordQueries queries, CancellationToken ct) =>
            await CollegevoorstelAsync(gemeentecode, number, reference, queries, ct))
            .RequireAuthorization(Policies.GemeenteLezen)
            .WithName("GetDecisionRecordCollegevoorstel")
            .WithSummary("Het besluit als Word-document in de vorm van een collegevoorstel, met de gebruikte gegevens als bijlage.")
            .Produces<Stream>(StatusCodes.Status200OK, ReportDocx.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);

        // The download link of the record page: the same document at a page URL (no API-Version header, an error page for people).
        app.MapGet("/gemeenten/{gemeentecode}/afwegingskader/besluiten/{number:int}/collegevoorstel.docx", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
            string gemeentecode, int number, ReferenceData reference, DecisionRecordQueries queries, CancellationToken ct) =>
            await CollegevoorstelAsync(gemeentecode, number, reference, queries, ct))
            .RequireAuthorization(Policies.GemeenteLezen)
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CollegevoorstelAsync(
        string gemeentecode, int number, ReferenceData reference, DecisionRecordQueries queries, CancellationToken ct)
    {
        if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g)
        {
            return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
        }
        if (await queries.FindAsync(g.Code, number, ct) is not { } s)
        {
            return NotFound(number);
        }
        var doc = CollegevoorstelComposer.Compose(DecisionRecordQueries.View(g.Name, s));
        return TypedResults.File(ReportDocx.Render(doc), ReportDocx.ContentType, CollegevoorstelComposer.FileName(s.Record));
    }

    private static ProblemHttpResult NotFound(int number)
        => ApiConventions.Problem(StatusCodes.Status404NotFound, $"Er is geen besluit {number} in deze gemeente.");
}
