using Microsoft.AspNetCore.Http.HttpResults;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Scan.Report;
using Weerbaar.Web.Features.Scan.Report.Exports;
using Weerbaar.Web.Features.Scan.Report.Pdf;
using Weerbaar.Web.Shared.Api;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.Foto;

public static class FotoExportEndpoints
{
    public static IServiceCollection AddFoto(this IServiceCollection services) => services.AddScoped<FotoBuilder>();

    public static IEndpointRouteBuilder MapFotoEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiConventions.BasePath + "/gemeenten/{gemeentecode}").WithTags("Foto").RequireAuthorization(Policies.GemeenteLezen);

        api.MapGet("/foto.docx", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
            string gemeentecode, FotoBuilder builder, SvgPicture pictures, ILogger<SvgPicture> logger, CancellationToken ct) =>
            await builder.BuildAsync(gemeentecode, ct) is { } foto
                ? TypedResults.File(await DocxAsync(foto, pictures, logger, ct), ReportDocx.ContentType, FileName(foto, "docx"))
                : GemeentenEndpoints.GemeenteNotFound(gemeentecode))
            .WithName("GetFotoDocx")
            .WithSummary("De foto van de gemeente als Word-document (voor het college), met Bron: CBS.")
            .Produces<Stream>(StatusCodes.Status200OK, ReportDocx.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/foto.pdf", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
            string gemeentecode, FotoBuilder builder, TenantScopeAccessor scopes, PdfDownloads pdf, CancellationToken ct) =>
            await pdf.SendAsync(PdfId(gemeentecode.ToUpperInvariant(), scopes.Current.CanReadLocal(gemeentecode.ToUpperInvariant())), FotoBuilder.Tables,
                async ct => await builder.BuildAsync(gemeentecode, ct) is { } foto
                    ? new PdfContent(FotoComposer.Compose(foto, FotoMapSvg.For(foto)), FileName(foto, "pdf"))
                    : null,
                () => GemeentenEndpoints.GemeenteNotFound(gemeentecode), ct))
            .WithName("GetFotoPdf")
            .WithSummary("De foto van de gemeente als PDF (A4, inhoudsopgave, paginanummers), met Bron: CBS.")
            .Produces<Stream>(StatusCodes.Status200OK, ReportPdf.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    /// <summary>Only readers who may see the register get the foto with the vulnerable locations in it (the rule of <see cref="FotoBuilder"/>).</summary>
    private static PdfDocumentId PdfId(string gemeenteCode, bool withRegister) => new("foto", gemeenteCode, withRegister ? "met-register" : "zonder-register");

    /// <summary>The foto in Word with the map as a picture; without Chromium the document still comes, with the map described in words.</summary>
    private static async Task<byte[]> DocxAsync(FotoData foto, SvgPicture pictures, ILogger logger, CancellationToken ct)
    {
        var map = FotoMapSvg.For(foto);
        var png = new Dictionary<string, byte[]>();
        if (map is not null)
        {
            try
            {
                png[map.Id] = await pictures.PngAsync(map.Svg, FotoMapSvg.Width, ct);
            }
            catch (ChromiumUnavailableException e)
            {
                logger.LogWarning(e, "Kaart voor de foto van {Gemeente} niet getekend; het Word-document beschrijft haar in woorden.", foto.Gemeente.Code);
            }
        }
        return ReportDocx.Render(FotoComposer.Compose(foto, map), png);
    }

    private static string FileName(FotoData foto, string extension) => $"foto-{ReportFileName.Slug(foto.Gemeente.Name)}-{foto.Date:yyyy-MM-dd}.{extension}";
}
