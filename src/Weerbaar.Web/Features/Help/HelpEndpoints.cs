namespace Weerbaar.Web.Features.Help;

public static class HelpEndpoints
{
    /// <summary>The guide's screenshots; the pages themselves are <see cref="HelpPage"/>.</summary>
    public static IEndpointRouteBuilder MapHelpEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(GuideLibrary.ImageRoute + "/{bestand}", IResult (string bestand) => GuideLibrary.ImageFile(bestand) is { } file
                ? TypedResults.PhysicalFile(file, "image/png")
                : TypedResults.NotFound())
            .RequireAuthorization()
            .WithName("HandleidingAfbeelding")
            .WithSummary("Een afbeelding uit de gebruikershandleiding")
            .ExcludeFromDescription();
        return app;
    }
}
