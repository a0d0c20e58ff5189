namespace Weerbaar.Web.Shared;

public static class LocalUrl
{
    /// <summary>Only same-site paths ("/x", not "//host" or "/\host") are followed after login: no open redirects.</summary>
    public static string OrHome(string? url)
        => !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";
}
