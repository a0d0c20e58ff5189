using Microsoft.AspNetCore.Http.HttpResults;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Shared.Api;
using Weerbaar.Web.Shared.Auth;

namespace Weerbaar.Web.Features.Locations;

/// <summary>What the API endpoints of both registers share: problems, the import mode and the CSV body.</summary>
public static class RegisterApi
{
    public static ProblemHttpResult NotFound(string what, Guid id) => ApiConventions.Problem(StatusCodes.Status404NotFound,
        $"Er is geen {what} met id {id} in deze gemeente.");

    public static ProblemHttpResult Invalid(string detail, IEnumerable<FieldError> errors, IReadOnlyDictionary<string, string> jsonNames)
        => TypedResults.Problem(ApiConventions.ValidationProblem(detail, new Dictionary<string, object?>
        {
            ["errors"] = errors.Select(e => new { field = jsonNames.GetValueOrDefault(e.Field, e.Field), message = e.Message }).ToList(),
        }));

    public static ProblemHttpResult ImportInvalid(RegisterImportResult result) => TypedResults.Problem(ApiConventions.ValidationProblem(
        $"Het bestand bevat {result.Errors.Count} fout(en); er is niets opgeslagen.",
        new Dictionary<string, object?> { ["errors"] = result.Errors.Select(e => new { row = e.Row, column = e.Column, message = e.Message }).ToList() }));

    public static ProblemHttpResult BadBody() => ApiConventions.Problem(StatusCodes.Status400BadRequest,
        "Stuur de gegevens als JSON-object (application/json) met de velden van de API-beschrijving.");

    public static ImportMode? Mode(string? mode) => mode?.Trim().ToLowerInvariant() switch
    {
        null or "" or "replace" => ImportMode.Replace,
        "append" => ImportMode.Append,
        _ => null,
    };

    public static ProblemHttpResult BadMode(string? mode) => ApiConventions.Problem(StatusCodes.Status400BadRequest,
        $"Onbekende mode '{mode}': kies replace (vervangt het hele register, standaard) of append (voegt toe).");

    /// <summary>The CSV body within the registers' own limit, or the refusal to send.</summary>
    public static async Task<(byte[]? Bytes, ProblemHttpResult? Refusal)> ReadCsvAsync(HttpRequest request, CancellationToken ct)
    {
        if (await RequestFiles.ReadCsvAsync(request, ct) is not { } bytes)
        {
            return (null, RequestFiles.Refusal(request));
        }
        return bytes.Length > RegisterCsv.MaxBytes
            ? (null, ApiConventions.Problem(StatusCodes.Status413PayloadTooLarge,
                $"Het bestand is groter dan {RegisterCsv.MaxBytes / 1024 / 1024} MB; splits het in delen."))
            : (bytes, null);
    }

    public static GemeenteInfo? Gemeente(ReferenceData reference, string code) => reference.Gemeente(code.ToUpperInvariant());

    public static string User(HttpContext http) => http.User.NameOrUnknown();
}

public sealed record RegisterImportResponse(int Imported, int Removed);
