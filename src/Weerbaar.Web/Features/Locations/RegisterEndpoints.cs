using Microsoft.AspNetCore.Http.HttpResults;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Shared.Api;

namespace Weerbaar.Web.Features.Locations;

/// <summary>OpenAPI operation names and Dutch summaries of one register's endpoints.</summary>
public sealed record RegisterOperations(
    string Singular, string Plural, string List, string Get, string Create, string Update, string Delete, string Import, string Export);

/// <summary>How one register appears in the API: its path, names, policies and the conversions to and from JSON.</summary>
public sealed record RegisterRoutes<TEntity, TFields, TRequest, TDto>(
    string Segment, string Tag, string What, string NotSaved, string ReadPolicy, string WritePolicy, string FilePrefix,
    RegisterOperations Operations, IReadOnlyDictionary<string, string> JsonNames,
    Func<TEntity, TDto> ToDto, Func<TRequest, TFields> ToFields, Func<TEntity, Guid> IdOf);

/// <summary>
/// The same seven endpoints for every register (list, get, create, update, delete, CSV import and export).
/// The handlers take no parameter of a generic type: the register comes from the request's services and the body is
/// read here, because the .NET 10 route handler analyzer crashes on such parameters (dotnet/aspnetcore#56831, fixed in
/// .NET 11) and the build treats that as an error.
/// </summary>
public static class RegisterEndpoints
{
    public static IEndpointRouteBuilder MapRegister<TRegister, TEntity, TFields, TValues, TRequest, TDto>(
        this IEndpointRouteBuilder app, RegisterRoutes<TEntity, TFields, TRequest, TDto> r)
        where TRegister : Register<TEntity, TFields, TValues>
        where TEntity : class, Data.ITenantOwned
        where TValues : class
        where TRequest : class
    {
        var api = app.MapGroup($"{ApiConventions.BasePath}/gemeenten/{{gemeentecode}}/{r.Segment}").WithTags(r.Tag);
        var o = r.Operations;

        api.MapGet("", async Task<Results<Ok<List<TDto>>, ProblemHttpResult>> (string gemeentecode, ReferenceData reference, HttpContext http, CancellationToken ct) =>
            RegisterApi.Gemeente(reference, gemeentecode) is not { } g
                ? GemeentenEndpoints.GemeenteNotFound(gemeentecode)
                : TypedResults.Ok((await Register(http).ListAsync(g.Code, ct)).Select(r.ToDto).ToList()))
            .RequireAuthorization(r.ReadPolicy)
            .WithName("List" + o.Plural).WithSummary(o.List)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/{id:guid}", async Task<Results<Ok<TDto>, ProblemHttpResult>> (
            string gemeentecode, Guid id, ReferenceData reference, HttpContext http, CancellationToken ct) =>
            RegisterApi.Gemeente(reference, gemeentecode) is not { } g
                ? GemeentenEndpoints.GemeenteNotFound(gemeentecode)
                : await Register(http).FindAsync(g.Code, id, ct) is { } e ? TypedResults.Ok(r.ToDto(e)) : RegisterApi.NotFound(r.What, id))
            .RequireAuthorization(r.ReadPolicy)
            .WithName("Get" + o.Singular).WithSummary(o.Get)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("", async Task<Results<Created<TDto>, ProblemHttpResult>> (
            string gemeentecode, ReferenceData reference, HttpContext http, CancellationToken ct) =>
        {
            if (RegisterApi.Gemeente(reference, gemeentecode) is not { } g)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            if (await BodyAsync<TRequest>(http, ct) is not { } request)
            {
                return RegisterApi.BadBody();
            }
            var saved = await Register(http).SaveAsync(g, null, r.ToFields(request), RegisterApi.User(http), ct);
            return saved.Entity is { } e
                ? TypedResults.Created($"{ApiConventions.BasePath}/gemeenten/{g.Code}/{r.Segment}/{r.IdOf(e)}", r.ToDto(e))
                : RegisterApi.Invalid(r.NotSaved, saved.Errors, r.JsonNames);
        })
        .RequireAuthorization(r.WritePolicy)
        .Accepts<TRequest>("application/json")
        .WithName("Create" + o.Singular).WithSummary(o.Create)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapPut("/{id:guid}", async Task<Results<Ok<TDto>, ProblemHttpResult>> (
            string gemeentecode, Guid id, ReferenceData reference, HttpContext http, CancellationToken ct) =>
        {
            if (RegisterApi.Gemeente(reference, gemeentecode) is not { } g)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            if (await BodyAsync<TRequest>(http, ct) is not { } request)
            {
                return RegisterApi.BadBody();
            }
            var saved = await Register(http).SaveAsync(g, id, r.ToFields(request), RegisterApi.User(http), ct);
            return saved.Entity is { } e ? TypedResults.Ok(r.ToDto(e))
                : saved.NotFound ? RegisterApi.NotFound(r.What, id)
                : RegisterApi.Invalid(r.NotSaved, saved.Errors, r.JsonNames);
        })
        .RequireAuthorization(r.WritePolicy)
        .Accepts<TRequest>("application/json")
        .WithName("Update" + o.Singular).WithSummary(o.Update)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapDelete("/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (
            string gemeentecode, Guid id, ReferenceData reference, HttpContext http, CancellationToken ct) =>
            RegisterApi.Gemeente(reference, gemeentecode) is not { } g
                ? GemeentenEndpoints.GemeenteNotFound(gemeentecode)
                : await Register(http).DeleteAsync(g.Code, id, ct) ? TypedResults.NoContent() : RegisterApi.NotFound(r.What, id))
            .RequireAuthorization(r.WritePolicy)
            .WithName("Delete" + o.Singular).WithSummary(o.Delete)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/import", async Task<Results<Ok<RegisterImportResponse>, ProblemHttpResult>> (
            string gemeentecode, string? mode, ReferenceData reference, HttpContext http, CancellationToken ct) =>
        {
            if (RegisterApi.Gemeente(reference, gemeentecode) is not { } g)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            if (RegisterApi.Mode(mode) is not { } importMode)
            {
                return RegisterApi.BadMode(mode);
            }
            var (bytes, refusal) = await RegisterApi.ReadCsvAsync(http.Request, ct);
            if (bytes is null)
            {
                return refusal!;
            }
            var result = await Register(http).ImportAsync(g, bytes, importMode, RegisterApi.User(http), ct);
            return result.Errors.Count > 0 ? RegisterApi.ImportInvalid(result) : TypedResults.Ok(new RegisterImportResponse(result.Imported, result.Removed));
        })
        .RequireAuthorization(r.WritePolicy)
        .WithName("Import" + o.Plural).WithSummary(o.Import)
        .Accepts<string>("text/csv")
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/export", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
            string gemeentecode, ReferenceData reference, HttpContext http, CancellationToken ct) =>
            RegisterApi.Gemeente(reference, gemeentecode) is not { } g
                ? GemeentenEndpoints.GemeenteNotFound(gemeentecode)
                : TypedResults.File(await Register(http).ExportAsync(g.Code, ct), "text/csv; charset=utf-8", $"{r.FilePrefix}-{g.Code}.csv"))
            .RequireAuthorization(r.ReadPolicy)
            .WithName("Export" + o.Plural).WithSummary(o.Export)
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;

        static TRegister Register(HttpContext http) => http.RequestServices.GetRequiredService<TRegister>();
    }

    /// <summary>The JSON body, or null when it is missing, not JSON or not of the expected shape.</summary>
    private static async Task<T?> BodyAsync<T>(HttpContext http, CancellationToken ct) where T : class
    {
        if (!http.Request.HasJsonContentType())
        {
            return null;
        }
        try
        {
            return await http.Request.ReadFromJsonAsync<T>(ct);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
