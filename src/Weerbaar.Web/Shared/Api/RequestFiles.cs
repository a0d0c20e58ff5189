using Microsoft.AspNetCore.Http.HttpResults;

namespace Weerbaar.Web.Shared.Api;

/// <summary>CSV uploads in a request body: the media type is checked and at most <see cref="MaxBytes"/> is read.</summary>
public static class RequestFiles
{
    public const long MaxBytes = 10 * 1024 * 1024;

    private static readonly string?[] CsvTypes = [null, "text/csv", "text/plain", "application/vnd.ms-excel"];

    /// <returns>The body, or null when it is not CSV or too large (answer with <see cref="Refusal"/>).</returns>
    public static async Task<byte[]?> ReadCsvAsync(HttpRequest request, CancellationToken ct)
        => CsvTypes.Contains(MediaType(request)) ? await ReadLimitedAsync(request.Body, request.ContentLength, MaxBytes, ct) : null;

    public static ProblemHttpResult Refusal(HttpRequest request) => CsvTypes.Contains(MediaType(request))
        ? ApiConventions.Problem(StatusCodes.Status413PayloadTooLarge, $"Het bestand is groter dan {MaxBytes / 1024 / 1024} MB; splits het in delen.")
        : ApiConventions.Problem(StatusCodes.Status415UnsupportedMediaType, $"Stuur het bestand als text/csv (ontvangen: {MediaType(request)}).");

    /// <summary>Reads a stream up to a limit (also where the server does not enforce one); null when it is larger.</summary>
    public static async Task<byte[]?> ReadLimitedAsync(Stream body, long? declaredLength, long limit, CancellationToken ct)
    {
        if (declaredLength > limit)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// The file a form posted in <paramref name="field"/>, read up to <paramref name="limit"/> bytes: none posted (or empty)
    /// gives <see cref="PostedFile.Missing"/>, a larger one <see cref="PostedFile.TooLarge"/>.
    /// </summary>
    public static async Task<PostedFile> ReadFormFileAsync(HttpRequest request, string field, long limit, CancellationToken ct)
    {
        var file = request.Form.Files[field];
        if (file is null || file.Length == 0)
        {
            return new PostedFile(null, null);
        }
        await using var stream = file.OpenReadStream();
        return new PostedFile(file.FileName, await ReadLimitedAsync(stream, file.Length, limit, ct));
    }

    private static string? MediaType(HttpRequest request) => request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
}

/// <summary>A file posted with a form: its name and bytes; <see cref="Bytes"/> is null when it was missing or too large.</summary>
public sealed record PostedFile(string? Name, byte[]? Bytes)
{
    public bool Missing => Name is null;
    public bool TooLarge => Name is not null && Bytes is null;
}
