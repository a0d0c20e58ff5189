namespace Weerbaar.Web.Shared;

public static class PageTitleText
{
    /// <summary>Page titles read "&lt;pagina&gt; · Weerbaar".</summary>
    public static string Of(string page) => $"{page} · Weerbaar";
}
