using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Weerbaar.Bench.Http;

namespace Weerbaar.Bench.Saves;

/// <summary>How a save is sent: the JSON API (<c>PUT</c>) or the HTML form (<c>POST</c>, answered with a redirect).</summary>
public enum SaveKind
{
    Api,
    Form,
}

/// <summary>Where a save goes: the app's own URLs or the floor's.</summary>
public sealed record SaveTarget(string Name, Uri BaseAddress, Func<string, int, string> ApiPath, Func<string, int, string> FormPath)
{
    public static SaveTarget Product(Uri app) => new("app", app,
        (token, part) => $"/api/v1/invitations/{token}/response/parts/{part}",
        (token, part) => $"/scan/{token}/deel/{part}");

    public static SaveTarget Floor(Uri floor) => new("floor", floor,
        (token, part) => $"/floor/{token}/parts/{part}",
        (token, part) => $"/floor-form/{token}/parts/{part}");
}

/// <summary>One save of one respondent as a load-runner step: send the current page, read the whole answer, advance when acknowledged.</summary>
public static class SaveSteps
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private static readonly MediaTypeHeaderValue Form = new("application/x-www-form-urlencoded");

    public static ClientStep Of(SaveKind kind, HttpClient client, SaveTarget target, SaveTrack track)
    {
        var token = track.Respondent.Token;
        var urls = Enumerable.Range(1, 3).ToDictionary(part => part, part =>
            new Uri(target.BaseAddress, kind == SaveKind.Api ? target.ApiPath(token, part) : target.FormPath(token, part)));
        return kind == SaveKind.Api
            ? ct => ApiAsync(client, urls[track.Current.Part], track, ct)
            : ct => FormAsync(client, urls[track.Current.Part], track, ct);
    }

    /// <summary>
    /// <c>PUT {answers}</c> without a version (last write wins): 200 with <c>{version}</c> is a success; anything else,
    /// a 409 included, is an error and the same page is sent again.
    /// </summary>
    private static async Task<StepResult> ApiAsync(HttpClient client, Uri url, SaveTrack track, CancellationToken ct)
    {
        using var content = new ByteArrayContent(track.Current.Json);
        content.Headers.ContentType = Json;
        using var response = await client.PutAsync(url, content, ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            using var json = JsonDocument.Parse(body);
            track.Acknowledge(json.RootElement.TryGetProperty("version", out var v) ? v.GetInt32() : null);
        }
        return new StepResult((int)response.StatusCode, body.LongLength);
    }

    /// <summary>
    /// The form post a browser sends with "Opslaan en volgende", with the respondent's antiforgery cookie; the redirect
    /// is not followed. A 302 or 303 to a page of the same link is a success; the page again (422, 409) is an error.
    /// </summary>
    private static async Task<StepResult> FormAsync(HttpClient client, Uri url, SaveTrack track, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Content = new ByteArrayContent(track.Respondent.FormBodies[track.PageIndex]);
        request.Content.Headers.ContentType = Form;
        request.Headers.TryAddWithoutValidation("Cookie", track.Respondent.Cookie);
        using var response = await client.SendAsync(request, ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        var redirected = response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther
                         && response.Headers.Location is { } location
                         && location.OriginalString.Contains(track.Respondent.Token, StringComparison.Ordinal);
        if (redirected)
        {
            track.Acknowledge(null);
        }
        return new StepResult((int)response.StatusCode, body.LongLength, redirected);
    }
}
