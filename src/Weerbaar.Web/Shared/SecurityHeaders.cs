using System.Security.Cryptography;

namespace Weerbaar.Web.Shared;

public static class SecurityHeaders
{
    private const string NonceItem = "csp-nonce";

    /// <summary>
    /// Conservative headers on every response: no framing, no sniffing, and a strict Content-Security-Policy
    /// (see <see cref="ContentSecurityPolicy"/>) with a fresh script nonce per response.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var config = app.ApplicationServices.GetRequiredService<IConfiguration>();
        var tileOrigin = TileOrigin(config["Weerbaar:Map:TileUrl"]);
        var identityProvider = Origin(config[$"{Auth.OidcOptions.Section}:Authority"]);
        return app.Use((ctx, next) =>
        {
            ctx.Response.OnStarting(() =>
            {
                var h = ctx.Response.Headers;
                h.XContentTypeOptions = "nosniff";
                h.XFrameOptions = "DENY";
                h["Referrer-Policy"] = "strict-origin-when-cross-origin";
                h["Permissions-Policy"] = "geolocation=(), camera=(), microphone=()";
                h.ContentSecurityPolicy = ContentSecurityPolicy(Nonce(ctx), tileOrigin, identityProvider);
                return Task.CompletedTask;
            });
            return next(ctx);
        });
    }

    /// <summary>
    /// The policy. Scripts and styles only from our own files (all page scripts are static files; the JSON
    /// <c>&lt;script type="application/json"&gt;</c> data blocks are not executed, so CSP does not apply to them);
    /// a nonce for any inline script a page may need; map tiles from the configured tile host only. Chromium applies
    /// form-action to the redirects that follow a form post too, so the single sign-on provider is allowed there
    /// (a sign-out form that ends at the provider).
    /// </summary>
    public static string ContentSecurityPolicy(string nonce, string? tileOrigin, string? identityProvider = null)
    {
        var tiles = tileOrigin is null ? "" : " " + tileOrigin;
        var forms = identityProvider is null ? "" : " " + identityProvider;
        return "default-src 'self'; "
            + $"script-src 'self' 'nonce-{nonce}'; "
            + "style-src 'self'; "
            + $"img-src 'self' data:{tiles}; "
            + "connect-src 'self'; "
            + "font-src 'self'; "
            + "object-src 'none'; "
            + "base-uri 'self'; "
            + $"form-action 'self'{forms}; "
            + "frame-ancestors 'none'";
    }

    /// <summary>The script nonce of this response: 128 random bits, the same for the header and the page markup.</summary>
    public static string Nonce(HttpContext ctx)
    {
        if (ctx.Items[NonceItem] is not string nonce)
        {
            nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            ctx.Items[NonceItem] = nonce;
        }
        return nonce;
    }

    private static string? Origin(string? url)
        => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" ? uri.GetLeftPart(UriPartial.Authority) : null;

    /// <summary>"https://host[:port]" of a tile URL template such as https://service.pdok.nl/…/{z}/{x}/{y}.png.</summary>
    public static string? TileOrigin(string? tileUrl)
    {
        if (string.IsNullOrWhiteSpace(tileUrl))
        {
            return null;
        }
        // The template's {s} subdomain placeholder (a.tile…, b.tile…) becomes a wildcard.
        var probe = tileUrl.Replace("{s}", "subdomain", StringComparison.Ordinal);
        if (!Uri.TryCreate(probe, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidOperationException($"Weerbaar:Map:TileUrl '{tileUrl}' is geen absolute http(s)-URL.");
        }
        var host = uri.IdnHost.Replace("subdomain", "*", StringComparison.Ordinal);
        return uri.IsDefaultPort ? $"{uri.Scheme}://{host}" : $"{uri.Scheme}://{host}:{uri.Port}";
    }
}
