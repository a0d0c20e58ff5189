using System.Net;

namespace Weerbaar.Bench.Http;

/// <summary>The HTTP client settings every load phase uses: a fixed pool, no cookies, redirects or decompression.</summary>
public static class LoadClients
{
    public static SocketsHttpHandler Handler(int connections) => new()
    {
        MaxConnectionsPerServer = connections,
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseProxy = false,
    };
}
