using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Endpoints;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.Responses;

namespace Weerbaar.Web.Features.Scan.Respond;

/// <summary>The form post of one part of the questionnaire: what the page and its fast path share.</summary>
public static class PartFormPost
{
    public const string FormName = "deel";

    /// <summary>The part's answers as the form sent them; several checked boxes join with '|' as in the file format.</summary>
    public static Dictionary<string, string?> Answers(Part part, IFormCollection form)
    {
        var answers = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var id in part.Questions.SelectMany(q => q.AnswerIds))
        {
            answers[id] = string.Join('|', form[id].Where(v => !string.IsNullOrWhiteSpace(v)));
        }
        return answers;
    }

    public static int? Version(IFormCollection form) => int.TryParse(form["_version"], out var v) ? v : null;

    /// <summary>Where the respondent goes after a save, by the button pressed.</summary>
    public static string Next(string token, int part, int parts, string? action) => action switch
    {
        "vorige" => $"/scan/{token}/deel/{part - 1}",
        "stoppen" => $"/scan/{token}?opgeslagen=1",
        _ when part < parts => $"/scan/{token}/deel/{part + 1}",
        _ => $"/scan/{token}/controle",
    };

    /// <summary>
    /// Saves a posted part before the page is rendered: a save that applies answers with the redirect at once, without
    /// rendering the page only to leave it. Anything else (errors, a stale version, a closed round, a bad antiforgery
    /// token) goes on to the page, which tries the same save — nothing was stored — and shows what went wrong.
    /// Runs after UseAntiforgery, which has validated the token of the page's endpoint.
    /// </summary>
    public static IApplicationBuilder UsePartFormFastPath(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        // The form may be touched only once antiforgery has found it valid (ASP.NET Core throws otherwise).
        if (HttpMethods.IsPost(http.Request.Method)
            && http.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type == typeof(ScanPartPage)
            && http.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: true }
            && http.Request.HasFormContentType
            && http.Request.RouteValues["token"] is string token
            && int.TryParse(http.Request.RouteValues["part"] as string, out var number))
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var respondents = http.RequestServices.GetRequiredService<RespondentService>();
            if (form["_handler"] == FormName
                && await respondents.InstrumentOfAsync(token, http.RequestAborted) is { } instrument
                && instrument.Parts.FirstOrDefault(p => p.Number == number) is { } part
                && await respondents.SavePartAsync(token, number, Version(form), Answers(part, form), http.RequestAborted) is SaveOutcome.Saved)
            {
                http.Response.Redirect(Next(token, number, instrument.Parts.Count, form["_action"]));
                return;
            }
        }
        await next(http);
    });
}
