using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Weerbaar.Web.Tests.Docs;

/// <summary>One link that does not resolve: the file (relative to the repository), its 1-based line, the link and why.</summary>
public sealed record BrokenLink(string File, int Line, string Url, string Reason)
{
    public override string ToString() => $"{File}:{Line}: {Url} — {Reason}";
}

/// <summary>
/// Checks the links of Markdown files the way GitHub renders them: a relative link or image must name a file or folder
/// inside the repository, an <c>#anchor</c> must be a heading of the target file by GitHub's slug rules (or an explicit
/// <c>id</c>/<c>name</c>), and an external link must be a well-formed absolute http(s) or mailto URL. Nothing is fetched.
/// </summary>
public sealed partial class MarkdownLinkChecker(string root)
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UsePreciseSourceLocation().Build();

    private readonly string _root = Path.GetFullPath(root);
    private readonly Dictionary<string, HashSet<string>> _anchors = new(StringComparer.Ordinal);

    /// <summary>
    /// The Markdown files the repository owns. Skipped: build output and tools (bin, obj, node_modules, TestResults,
    /// .git) and everything inside the vendored packages under wwwroot/lib (licence texts copied verbatim from
    /// npm packages: foreign text we do not edit). wwwroot/lib/README.md itself is ours and is checked.
    /// </summary>
    public IEnumerable<string> RepositoryMarkdownFiles()
    {
        string[] skipped = ["bin", "obj", "node_modules", "TestResults", ".git"];
        var vendored = Path.Combine(_root, "src", "Weerbaar.Web", "wwwroot", "lib");
        var pending = new Stack<string>([_root]);
        while (pending.TryPop(out var dir))
        {
            foreach (var sub in Directory.EnumerateDirectories(dir))
            {
                if (!skipped.Contains(Path.GetFileName(sub)) && Path.GetDirectoryName(sub) != vendored)
                {
                    pending.Push(sub);
                }
            }
            foreach (var file in Directory.EnumerateFiles(dir, "*.md"))
            {
                yield return file;
            }
        }
    }

    public List<BrokenLink> Check(IEnumerable<string> files)
    {
        var broken = new List<BrokenLink>();
        foreach (var file in files.Select(Path.GetFullPath).Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            foreach (var (line, url) in Links(Markdown.Parse(text, Pipeline), text))
            {
                if (Problem(file, url) is { } reason)
                {
                    broken.Add(new BrokenLink(Path.GetRelativePath(_root, file).Replace('\\', '/'), line, url, reason));
                }
            }
        }
        return broken;
    }

    private string? Problem(string file, string url)
    {
        if (url.Length == 0)
        {
            return "lege link";
        }
        var scheme = SchemePattern().Match(url);
        if (scheme.Success)
        {
            return scheme.Groups[1].Value.ToLowerInvariant() switch
            {
                "http" or "https" => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0 && !url.Any(char.IsWhiteSpace)
                    ? null : "geen geldige http(s)-URL",
                "mailto" => url.Length > 7 && url.Contains('@') ? null : "geen geldig e-mailadres",
                _ => "onbekend schema (alleen http, https en mailto, of een relatief pad)",
            };
        }
        if (url.StartsWith("//", StringComparison.Ordinal))
        {
            return "URL zonder schema";
        }

        var hash = url.IndexOf('#');
        var pathPart = hash < 0 ? url : url[..hash];
        var anchor = hash < 0 ? null : Uri.UnescapeDataString(url[(hash + 1)..]);
        var query = pathPart.IndexOf('?');
        if (query >= 0)
        {
            pathPart = pathPart[..query];
        }

        var target = file;
        if (pathPart.Length > 0)
        {
            var relative = Uri.UnescapeDataString(pathPart).Replace('/', Path.DirectorySeparatorChar);
            target = Path.GetFullPath(relative.StartsWith(Path.DirectorySeparatorChar)
                ? Path.Combine(_root, relative.TrimStart(Path.DirectorySeparatorChar))
                : Path.Combine(Path.GetDirectoryName(file)!, relative));
            if (!(target + Path.DirectorySeparatorChar).StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                return "wijst buiten de repository";
            }
            if (!File.Exists(target) && !Directory.Exists(target))
            {
                return "bestand of map bestaat niet";
            }
        }
        if (anchor is null)
        {
            return null;
        }
        if (!target.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || !File.Exists(target))
        {
            return "anker in iets anders dan een Markdown-bestand";
        }
        return AnchorsOf(target).Contains(anchor) ? null : $"geen kop met anker '#{anchor}' in {Path.GetFileName(target)}";
    }

    private HashSet<string> AnchorsOf(string file)
    {
        if (!_anchors.TryGetValue(file, out var anchors))
        {
            var text = File.ReadAllText(file);
            var document = Markdown.Parse(text, Pipeline);
            anchors = [];
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var heading in document.Descendants<HeadingBlock>())
            {
                var slug = GitHubSlug.Of(PlainText(heading.Inline));
                var n = seen.GetValueOrDefault(slug);
                seen[slug] = n + 1;
                anchors.Add(n == 0 ? slug : $"{slug}-{n}");
            }
            foreach (Match m in HtmlIdPattern().Matches(text))
            {
                anchors.Add(m.Groups[2].Value);
            }
            _anchors[file] = anchors;
        }
        return anchors;
    }

    private static IEnumerable<(int Line, string Url)> Links(MarkdownDocument document, string text)
    {
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case LinkInline link when link.Url is not null:
                    yield return (link.Line + 1, link.Url);
                    break;
                case HtmlInline html:
                    foreach (Match m in HtmlLinkPattern().Matches(html.Tag))
                    {
                        yield return (html.Line + 1, m.Groups[2].Value);
                    }
                    break;
                case HtmlBlock block:
                    var blockText = text.Substring(block.Span.Start, block.Span.Length);
                    foreach (Match m in HtmlLinkPattern().Matches(blockText))
                    {
                        yield return (block.Line + 1 + blockText[..m.Index].Count(c => c == '\n'), m.Groups[2].Value);
                    }
                    break;
            }
        }
    }

    /// <summary>The text GitHub makes a heading's anchor from: literal text, code spans and link texts, no markup or HTML.</summary>
    public static string PlainText(ContainerInline? inline)
    {
        var b = new StringBuilder();
        Append(inline);
        return b.ToString();

        void Append(Inline? node)
        {
            switch (node)
            {
                case LiteralInline literal:
                    b.Append(literal.Content);
                    break;
                case CodeInline code:
                    b.Append(code.Content);
                    break;
                case LineBreakInline:
                    b.Append(' ');
                    break;
                case HtmlEntityInline entity:
                    b.Append(entity.Transcoded);
                    break;
                case ContainerInline container:
                    foreach (var child in container)
                    {
                        Append(child);
                    }
                    break;
            }
        }
    }

    [GeneratedRegex(@"^([a-zA-Z][a-zA-Z0-9+.-]*):")]
    private static partial Regex SchemePattern();

    [GeneratedRegex("""\b(href|src)\s*=\s*["']([^"']*)["']""", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlLinkPattern();

    [GeneratedRegex("""<[a-zA-Z][^>]*\b(id|name)\s*=\s*["']([^"']+)["']""")]
    private static partial Regex HtmlIdPattern();
}

/// <summary>
/// GitHub's heading anchors (github-slugger): lower case; every character that is not a letter, mark, digit,
/// connector punctuation, space or hyphen is dropped; each space becomes a hyphen. Repeats get -1, -2 … (done by the caller).
/// </summary>
public static class GitHubSlug
{
    public static string Of(string heading)
    {
        var b = new StringBuilder(heading.Length);
        foreach (var c in heading.Trim().ToLowerInvariant())
        {
            var category = char.GetUnicodeCategory(c);
            if (c == ' ')
            {
                b.Append('-');
            }
            else if (c == '-' || char.IsLetterOrDigit(c) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                     or UnicodeCategory.EnclosingMark or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber)
            {
                b.Append(c);
            }
        }
        return b.ToString();
    }
}
