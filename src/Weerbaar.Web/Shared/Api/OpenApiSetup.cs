namespace Weerbaar.Web.Shared.Api;

/// <summary>
/// The OpenAPI 3 document of /api/v1, at /openapi/v1.json and /api/v1/openapi.json (anonymous, CORS *),
/// shaped by <see cref="ApiDesignRulesTransformer"/> to pass the NL API Design Rules linter (server URL with /v1,
/// API-Version header, problem+json). Both URLs serve the same document; /api/docs renders it as a page
/// (<see cref="ApiReferencePage"/>).
/// </summary>
public static class OpenApiSetup
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddWeerbaarOpenApi(this IServiceCollection services)
    {
        services.AddOptions<ApiContactOptions>().BindConfiguration(ApiContactOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOpenApi(DocumentName, o =>
        {
            // Only the versioned API: its paths are written relative to the server URL /api/v1.
            o.ShouldInclude = d => d.RelativePath?.StartsWith(ApiConventions.BasePath.TrimStart('/') + "/", StringComparison.OrdinalIgnoreCase) == true;
            o.AddOperationTransformer<ApiDesignRulesTransformer>();
            o.AddDocumentTransformer<ApiDesignRulesTransformer>();
        });
        return services;
    }

    public static IEndpointRouteBuilder MapWeerbaarOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous().ExcludeFromDescription();
        app.MapOpenApi(ApiConventions.BasePath + "/openapi.json").AllowAnonymous().ExcludeFromDescription()
            .RequireCors(AnyOrigin);
        return app;
    }

    public const string AnyOrigin = "any-origin";
}
