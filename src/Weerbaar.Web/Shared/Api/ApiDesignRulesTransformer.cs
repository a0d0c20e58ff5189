using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Weerbaar.Web.Shared.Api;

/// <summary>Rewrites the generated document to the NL API Design Rules: base path in the server URL, API-Version headers.</summary>
public sealed class ApiDesignRulesTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Weerbaar API";
        document.Info.Version = ApiConventions.Version;
        document.Info.Description = "API van Weerbaar: gemeenten, Weerbaarheidsscan en meer. Fouten zijn RFC 9457 problem+json.";
        document.Info.Contact = new OpenApiContact { Name = "Weerbaar", Url = new Uri("https://github.com/weerbaar/weerbaar") };
        document.Servers = [new OpenApiServer { Url = ApiConventions.BasePath, Description = "Deze server" }];

        var paths = new OpenApiPaths();
        foreach (var (path, item) in document.Paths)
        {
            var relative = path.StartsWith(ApiConventions.BasePath, StringComparison.OrdinalIgnoreCase) ? path[ApiConventions.BasePath.Length..] : path;
            paths.Add(relative.Length == 0 ? "/" : relative, item);
        }
        document.Paths = paths;

        foreach (var item in document.Paths.Values)
        {
            if (item.Operations is null)
            {
                continue;
            }
            foreach (var operation in item.Operations.Values)
            {
                if (operation.Responses is null)
                {
                    continue;
                }
                foreach (var (code, response) in operation.Responses)
                {
                    if (code.Length == 3 && code[0] is '2' or '3' && response is OpenApiResponse r)
                    {
                        r.Headers ??= new Dictionary<string, IOpenApiHeader>();
                        r.Headers["API-Version"] = new OpenApiHeader
                        {
                            Description = "De versie van de API (semver).",
                            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                        };
                    }
                }
            }
        }
        return Task.CompletedTask;
    }
}
