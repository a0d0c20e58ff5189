using Microsoft.AspNetCore.Http.HttpResults;
using Weerbaar.Web.Shared.Api;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.Scan.Instruments;

public sealed record InstrumentSummary(string Id, string Title, string? Previous, int Parts, int Questions, int Columns);

/// <summary>The questionnaires (instruments) and their codebooks, for the research team.</summary>
public static class InstrumentsEndpoints
{
    public static IEndpointRouteBuilder MapInstrumentsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(ApiConventions.BasePath + "/instruments").WithTags("Weerbaarheidsscan").RequireAuthorization(Policies.Onderzoek);

        group.MapGet("", (InstrumentCatalog instruments) => TypedResults.Ok(instruments.All.OrderBy(i => i.Id, StringComparer.Ordinal)
                .Select(i => new InstrumentSummary(i.Id, i.Title, i.Previous, i.Parts.Count, i.Questions.Count(), Responses.ResponseCsv.Header(i).Count))
                .ToList()))
            .WithName("ListInstruments").WithSummary("Alle vragenlijsten (instrumenten) van de Weerbaarheidsscan.");

        group.MapGet("/{id}/codebook", Results<Ok<Codebook>, ProblemHttpResult> (string id, InstrumentCatalog instruments) =>
                instruments.Find(id) is { } instrument ? TypedResults.Ok(CodebookBuilder.Build(instrument)) : InstrumentNotFound(id, instruments))
            .WithName("GetCodebook")
            .WithSummary("Codeboek van een vragenlijst: één variabele per kolom van het antwoordbestand, met labels, waardelabels en ontbrekende waarden.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id}/codebook.xlsx", Results<FileContentHttpResult, ProblemHttpResult> (string id, InstrumentCatalog instruments) =>
            {
                if (instruments.Find(id) is not { } instrument)
                {
                    return InstrumentNotFound(id, instruments);
                }
                var codebook = CodebookBuilder.Build(instrument);
                return TypedResults.File(CodebookWorkbook.Write(codebook), CodebookWorkbook.ContentType, CodebookWorkbook.FileName(codebook));
            })
            .WithName("GetCodebookWorkbook")
            .WithSummary("Codeboek van een vragenlijst als Excel-werkmap (bladen Variabelen en Waardelabels), voor SPSS of R.")
            .Produces<Stream>(StatusCodes.Status200OK, CodebookWorkbook.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    public static ProblemHttpResult InstrumentNotFound(string id, InstrumentCatalog instruments) => ApiConventions.Problem(StatusCodes.Status404NotFound,
        $"Er is geen vragenlijst met id '{id}'; kies uit {string.Join(", ", instruments.All.Select(i => i.Id).Order(StringComparer.Ordinal))}.");
}
