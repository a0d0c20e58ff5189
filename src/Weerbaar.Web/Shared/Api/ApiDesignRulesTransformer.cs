using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Weerbaar.Web.Shared.Api;

/// <summary>
/// Shapes the generated document to the NL API Design Rules (the Spectral ruleset in
/// tests/Weerbaar.Web.Tests/OpenApi/nl-api-design-rules, checked by ApiDesignRulesTests):
/// <list type="bullet">
/// <item>info with contact (name, e-mail, URL) and a semver version;</item>
/// <item>one server, the base path <c>/api/v1</c>, and paths relative to it (full URL = server + path);</item>
/// <item>the <c>API-Version</c> header on every response (the app sends it on every API response);</item>
/// <item>the error responses the pipeline really gives (400 binding errors, 401/403 authorization, 429 rate limit,
/// 500 exceptions) as RFC 9457 <c>application/problem+json</c>;</item>
/// <item>the bearer token as security scheme on every operation that needs a login.</item>
/// </list>
/// It is both the document transformer and the operation transformer: operations see their endpoint metadata,
/// the document sees the whole.
/// </summary>
public sealed class ApiDesignRulesTransformer(IOptions<ApiContactOptions> contact) : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string VersionHeader = "API-Version";
    public const string ProblemJson = "application/problem+json";
    public const string ProblemSchema = "ProblemDetails";
    public const string BearerScheme = "bearer";

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var c = contact.Value;
        document.Info.Title = "Weerbaar API";
        document.Info.Version = ApiConventions.Version;
        document.Info.Description = "API van Weerbaar: gemeenten, gebruikers en meer. Elk antwoord heeft de header API-Version; "
            + "fouten zijn RFC 9457 problem+json. Log in met POST /auth/login en stuur het token mee als 'Authorization: Bearer …'.";
        document.Info.Contact = new OpenApiContact { Name = c.Name, Email = c.Email, Url = c.Url };
        // Relative to where the document is served (/api/v1/openapi.json or /openapi/v1.json): the same host, under /api/v1.
        document.Servers = [new OpenApiServer { Url = ApiConventions.BasePath, Description = "Deze server" }];

        document.Components ??= new OpenApiComponents();
        await DescribeProblemSchemaAsync(document, context, cancellationToken);
        document.AddComponent<IOpenApiHeader>(VersionHeader, new OpenApiHeader
        {
            Description = "De volledige versie van de API (semver), bijvoorbeeld " + ApiConventions.Version + ".",
            Required = true,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            Example = JsonValue.Create(ApiConventions.Version),
        });
        document.AddComponent<IOpenApiSecurityScheme>(BearerScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "Het accessToken uit POST /auth/login (of /auth/refresh), als 'Authorization: Bearer …'.",
        });

        // The endpoints are mapped under /api/v1 (ShouldInclude keeps only those); the server URL carries that prefix.
        var paths = new OpenApiPaths();
        foreach (var (path, item) in document.Paths)
        {
            var relative = path.StartsWith(ApiConventions.BasePath + "/", StringComparison.OrdinalIgnoreCase) ? path[ApiConventions.BasePath.Length..] : path;
            paths.Add(relative, item);
        }
        document.Paths = paths;

        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
        {
            if (operation.Responses is null)
            {
                continue;
            }
            // In status code order: the operation transformer appended the shared error responses.
            var ordered = operation.Responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
            operation.Responses.Clear();
            foreach (var (code, response) in ordered)
            {
                operation.Responses.Add(code, response);
            }
            foreach (var (code, response) in operation.Responses)
            {
                if (response is not OpenApiResponse r || !int.TryParse(code, out var status))
                {
                    continue;
                }
                r.Description = Describe(status);
                r.Headers ??= new Dictionary<string, IOpenApiHeader>();
                r.Headers[VersionHeader] = new OpenApiHeaderReference(VersionHeader, document);
                if (status >= 400 && (r.Content is null || r.Content.Count == 0))
                {
                    // Body-less error results become problem+json in UseWeerbaarErrorHandling (status code pages).
                    r.Content = ProblemContent(document);
                }
            }
        }
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var document = context.Document;

        // /core/error-handling/invalid-input: input that does not bind (bad JSON, a query value of the wrong type)
        // throws BadHttpRequestException, which the API answers with a 400 problem+json.
        if (operation.Parameters is { Count: > 0 } || operation.RequestBody is not null)
        {
            AddProblem(operation, StatusCodes.Status400BadRequest, document);
        }

        // The fallback policy requires a login for every endpoint without [AllowAnonymous]; a policy or role can refuse.
        if (!metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];
            AddProblem(operation, StatusCodes.Status401Unauthorized, document);
            if (metadata.OfType<IAuthorizeData>().Any(a => a.Policy is not null || a.Roles is not null))
            {
                AddProblem(operation, StatusCodes.Status403Forbidden, document);
            }
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any() && !metadata.OfType<DisableRateLimitingAttribute>().Any())
        {
            AddProblem(operation, StatusCodes.Status429TooManyRequests, document);
        }

        // Unhandled exceptions: UseExceptionHandler writes a 500 problem+json.
        AddProblem(operation, StatusCodes.Status500InternalServerError, document);
        return Task.CompletedTask;
    }

    private static void AddProblem(OpenApiOperation operation, int status, OpenApiDocument? document)
    {
        operation.Responses ??= [];
        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!operation.Responses.ContainsKey(code))
        {
            operation.Responses[code] = new OpenApiResponse { Description = Describe(status), Content = ProblemContent(document) };
        }
    }

    private static Dictionary<string, OpenApiMediaType> ProblemContent(OpenApiDocument? document) => new()
    {
        [ProblemJson] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
    };

    /// <summary>Registers the RFC 9457 schema (when no endpoint did) and documents what ApiConventions adds to it.</summary>
    private static async Task DescribeProblemSchemaAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components!.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.TryGetValue(ProblemSchema, out var existing))
        {
            existing = await context.GetOrCreateSchemaAsync(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), cancellationToken: cancellationToken);
            document.AddComponent(ProblemSchema, existing);
        }
        if (existing is OpenApiSchema schema)
        {
            schema.Description = "Foutmelding volgens RFC 9457 (problem details), met Nederlandse title en detail.";
            schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
            schema.Properties["traceId"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "Kenmerk van het verzoek in de logboeken; noem het bij vragen aan de beheerder.",
            };
        }
    }

    private static string Describe(int status) => status switch
    {
        StatusCodes.Status200OK => "Gelukt",
        StatusCodes.Status201Created => "Aangemaakt",
        StatusCodes.Status204NoContent => "Gelukt, zonder inhoud",
        _ => ApiConventions.DutchTitle(status),
    };
}
