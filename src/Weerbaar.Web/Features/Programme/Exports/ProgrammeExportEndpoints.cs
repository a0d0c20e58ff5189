using Microsoft.AspNetCore.Http.HttpResults;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Scan.Report;
using Weerbaar.Web.Features.Scan.Report.Exports;
using Weerbaar.Web.Features.Scan.Report.Pdf;
using Weerbaar.Web.Shared.Api;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.Programme.Exports;

/// <summary>The programmaplan as Word, PDF and Excel, and the deadlines as an iCalendar feed: at page URLs (the download
/// links) and in the API. The regio's side-by-side view is in <see cref="RegioProgrammeEndpoints"/>.</summary>
public static class ProgrammeExportEndpoints
{
    public static IServiceCollection AddProgrammeExports(this IServiceCollection services)
        => services.AddScoped<ProgrammePlanBuilder>().AddScoped<RegioProgrammes>();

    public static IEndpointRouteBuilder MapProgrammeExportEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiConventions.BasePath + "/gemeenten/{gemeentecode}/programme").WithTags("Programmaplan").RequireAuthorization(Policies.GemeenteLezen);
        api.MapGet("/plan.docx", DocxAsync)
            .WithName("GetProgrammePlanDocx")
            .WithSummary("Het programmaplan als Word-document: aanleiding, doelen, aanpak per pijler, organisatie, planning, middelen en risico's.")
            .Produces<Stream>(StatusCodes.Status200OK, ReportDocx.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/plan.pdf", PdfAsync)
            .WithName("GetProgrammePlanPdf")
            .WithSummary("Het programmaplan als PDF (A4, inhoudsopgave, paginanummers), afgedrukt met Chromium.")
            .Produces<Stream>(StatusCodes.Status200OK, ReportPdf.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapGet("/plan.xlsx", XlsxAsync)
            .WithName("GetProgrammePlanWorkbook")
            .WithSummary("De tabellen van het programmaplan als Excel-werkmap: een blad per tabel.")
            .Produces<Stream>(StatusCodes.Status200OK, ReportExcel.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/deadlines.ics", CalendarAsync)
            .WithName("GetProgrammeDeadlinesCalendar")
            .WithSummary("De deadlines en mijlpalen van de acties als iCalendar-feed (RFC 5545), een hele-dag-afspraak per termijn.")
            .Produces<string>(StatusCodes.Status200OK, DeadlineCalendar.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);

        // The download links of the programme pages: the same files at page URLs.
        var pages = app.MapGroup("/gemeenten/{gemeentecode}/programma").RequireAuthorization(Policies.GemeenteLezen).ExcludeFromDescription();
        pages.MapGet("/programmaplan.docx", DocxAsync);
        pages.MapGet("/programmaplan.pdf", PdfAsync);
        pages.MapGet("/programmaplan.xlsx", XlsxAsync);
        pages.MapGet("/termijnen.ics", CalendarAsync);

        app.MapRegioProgrammeEndpoints();
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DocxAsync(string gemeentecode, ProgrammePlanBuilder builder, CancellationToken ct)
        => await builder.BuildAsync(gemeentecode, ct) is { } d
            ? TypedResults.File(ReportDocx.Render(ProgrammePlanComposer.Compose(d)), ReportDocx.ContentType, ProgrammePlanComposer.FileName(d, "docx"))
            : GemeentenEndpoints.GemeenteNotFound(gemeentecode);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> XlsxAsync(string gemeentecode, ProgrammePlanBuilder builder, CancellationToken ct)
        => await builder.BuildAsync(gemeentecode, ct) is { } d
            ? TypedResults.File(ReportExcel.Render(ProgrammePlanComposer.Compose(d)), ReportExcel.ContentType, ProgrammePlanComposer.FileName(d, "xlsx"))
            : GemeentenEndpoints.GemeenteNotFound(gemeentecode);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PdfAsync(
        string gemeentecode, ProgrammePlanBuilder builder, PdfDownloads pdf, CancellationToken ct)
        => await pdf.SendAsync(new PdfDocumentId("programmaplan", gemeentecode.ToUpperInvariant(), Policies.GemeenteLezen), ProgrammePlanBuilder.Tables,
            async ct => await builder.BuildAsync(gemeentecode, ct) is { } d ? new PdfContent(ProgrammePlanComposer.Compose(d), ProgrammePlanComposer.FileName(d, "pdf")) : null,
            () => GemeentenEndpoints.GemeenteNotFound(gemeentecode), ct);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CalendarAsync(
        string gemeentecode, HttpRequest request, ProgrammePlanBuilder builder, TimeProvider clock, CancellationToken ct)
    {
        if (await builder.BuildAsync(gemeentecode, ct) is not { } d)
        {
            return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
        }
        var ics = DeadlineCalendar.Write(d, $"{request.Scheme}://{request.Host}{request.PathBase}", clock.GetUtcNow());
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(ics), DeadlineCalendar.ContentType + "; charset=utf-8",
            $"termijnen-{ReportFileName.Slug(d.Gemeente.Name)}.ics");
    }
}
