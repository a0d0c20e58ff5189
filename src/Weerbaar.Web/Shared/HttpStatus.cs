using Microsoft.AspNetCore.Diagnostics;

namespace Weerbaar.Web.Shared;

public static class HttpStatus
{
    /// <summary>
    /// Sets an error status from a page. A 404 from a Blazor page is sent without body (.NET 10), so 404 is left to
    /// the status code page (/fout/404, which tailors its message to the path); other statuses keep the page's own,
    /// more specific Dutch message and switch the generic status code page off.
    /// </summary>
    public static void Set(HttpContext? http, int status)
    {
        if (http is null || http.Response.HasStarted)
        {
            return;
        }
        if (status != StatusCodes.Status404NotFound && http.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }
        http.Response.StatusCode = status;
    }
}
