using System.Text.RegularExpressions;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Weerbaar.Web.Features.Help;

/// <summary>A page of the user guide as HTML, with its title (the first heading).</summary>
public sealed record GuidePage(string Path, string Title, string Html);

/// <summary>
/// The Dutch user guide (docs/gebruikershandleiding, copied next to the app): Markdown pages rendered without raw HTML,
/// links between pages rewritten to /handleiding routes and images to /handleiding/afbeeldingen. Only names of lowercase
/// letters, digits and hyphens are looked up, so no request can reach a file outside the guide.
/// </summary>
public static partial class GuideLibrary
{
    public const string RoutePrefix = "/handleiding";
    public const string ImageRoute = RoutePrefix + "/afbeeldingen";
    private const string IndexPage = "README";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UsePipeTables().Build();

    public static string Directory => System.IO.Path.Combine(AppContext.BaseDirectory, "gebruikershandleiding");

    /// <summary>The page at <paramref name="path"/> ("" or null: the index; "taken/foto"), or null when there is none.</summary>
    public static GuidePage? Page(string? path)
    {
        path = (path ?? "").Trim('/');
        if (path.EndsWith(".md", StringComparison.Ordinal))
        {
            path = path[..^3];
        }
        if (path.Length > 0 && !PagePath().IsMatch(path))
        {
            return null;
        }
        var name = path.Length == 0 ? IndexPage : path;
        var file = System.IO.Path.Combine(Directory, name + ".md");
        if (!File.Exists(file))
        {
            return null;
        }
        var document = Markdown.Parse(File.ReadAllText(file), Pipeline);
        var folder = name.Contains('/', StringComparison.Ordinal) ? name[..name.LastIndexOf('/')] : "";
        foreach (var link in document.Descendants<LinkInline>())
        {
            link.Url = RewriteLink(link.Url, folder, link.IsImage);
            if (!link.IsImage)
            {
                link.GetAttributes().AddClass("utrecht-link");
            }
        }
        AddDesignSystemClasses(document);
        var title = document.Descendants<HeadingBlock>().FirstOrDefault() is { Inline: { } inline }
            ? string.Concat(inline.Descendants<LiteralInline>().Select(l => l.Content.ToString()))
            : "Handleiding";
        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        return new GuidePage(path, title, writer.ToString());
    }

    // The guide looks like the rest of the app: the NL Design System (Utrecht) classes on what Markdown renders.
    private static void AddDesignSystemClasses(MarkdownDocument document)
    {
        foreach (var block in document.Descendants())
        {
            var css = block switch
            {
                HeadingBlock heading => $"utrecht-heading-{Math.Clamp(heading.Level, 1, 6)}",
                ParagraphBlock { Parent: not ListItemBlock } => "utrecht-paragraph",
                ListBlock { IsOrdered: true } => "utrecht-ordered-list",
                ListBlock => "utrecht-unordered-list",
                ListItemBlock { Parent: ListBlock { IsOrdered: true } } => "utrecht-ordered-list__item",
                ListItemBlock => "utrecht-unordered-list__item",
                Markdig.Extensions.Tables.Table => "utrecht-table",
                _ => null,
            };
            if (css is not null)
            {
                block.GetAttributes().AddClass(css);
            }
        }
    }

    /// <summary>The full path of an image of the guide, or null when the name is not one (or the file is missing).</summary>
    public static string? ImageFile(string name)
    {
        if (!ImageName().IsMatch(name))
        {
            return null;
        }
        var file = System.IO.Path.Combine(Directory, "afbeeldingen", name);
        return File.Exists(file) ? file : null;
    }

    /// <summary>The guide page for a role (rollen/{role}).</summary>
    public static string RolePage(string role) => $"{RoutePrefix}/rollen/{role}";

    /// <summary>Where the header's "Handleiding" link leads: the page of the user's role, or the index.</summary>
    public static string ForUser(System.Security.Claims.ClaimsPrincipal user)
        => Accounts.Roles.All.FirstOrDefault(user.IsInRole) is { } role ? RolePage(role) : RoutePrefix;

    /// <summary>The guide page of a task (taken/{task}).</summary>
    public static string TaskPage(string task) => $"{RoutePrefix}/taken/{task}";

    // Relative links in the Markdown name files (../taken/foto.md, afbeeldingen/x.png); the app serves them at routes.
    private static string? RewriteLink(string? url, string folder, bool isImage)
    {
        if (string.IsNullOrEmpty(url) || url.StartsWith('#') || url.StartsWith('/') || url.Contains(':', StringComparison.Ordinal))
        {
            return url;
        }
        var hashAt = url.IndexOf('#', StringComparison.Ordinal);
        var (target, fragment) = hashAt < 0 ? (url, "") : (url[..hashAt], url[hashAt..]);
        var parts = new List<string>(folder.Length == 0 ? [] : folder.Split('/'));
        foreach (var segment in target.Split('/'))
        {
            if (segment == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (segment is not ("." or ""))
            {
                parts.Add(segment);
            }
        }
        if (isImage || parts is ["afbeeldingen", _])
        {
            return $"{ImageRoute}/{parts[^1]}";
        }
        var resolved = string.Join('/', parts);
        if (resolved.EndsWith(".md", StringComparison.Ordinal))
        {
            resolved = resolved[..^3];
        }
        return (resolved == IndexPage ? RoutePrefix : $"{RoutePrefix}/{resolved}") + fragment;
    }

    [GeneratedRegex("^[a-z0-9-]+(/[a-z0-9-]+)?$")]
    private static partial Regex PagePath();

    [GeneratedRegex("^[a-z0-9-]+\\.png$")]
    private static partial Regex ImageName();
}
