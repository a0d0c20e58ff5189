using System.Text;
using System.Text.RegularExpressions;

namespace Weerbaar.Web.Features.Scan.Report.Pdf;

/// <summary>
/// Cuts the app's stylesheets (≈ 600 kB, mostly design tokens and components the report does not use) down to
/// what one static HTML document can use, because Chromium's time to load the printed page grows with the CSS:
/// drops style rules whose every selector needs a class the document does not have, then custom properties
/// (design tokens) that no remaining declaration refers to, directly or through other tokens.
/// Conservative where unsure: at-rules other than grouping ones, escaped class names and nested blocks are kept.
/// </summary>
public sealed partial class CssPruner
{
    private readonly IReadOnlyList<Node> _nodes;

    public CssPruner(string css) => _nodes = Parse(css, 0, css.Length);

    /// <summary>The CSS that <paramref name="html"/> can use (its class attributes and var() references count).</summary>
    public string For(string html)
    {
        var classes = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in ClassAttribute().Matches(html))
        {
            classes.UnionWith(m.Groups[1].Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }
        var kept = Filter(_nodes, classes);

        // Custom properties: keep those used outside a custom property declaration (or in the HTML), then the
        // ones those refer to, until nothing new is added.
        var definitions = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in VarReference().Matches(html))
        {
            used.Add(m.Groups[1].Value);
        }
        Visit(kept, rule =>
        {
            foreach (var declaration in rule.Declarations)
            {
                if (CustomPropertyName(declaration) is { } name)
                {
                    (definitions.TryGetValue(name, out var values) ? values : definitions[name] = []).Add(declaration);
                }
                else
                {
                    AddReferences(declaration, used);
                }
            }
        }, opaque => AddReferences(opaque, used));
        var queue = new Queue<string>(used);
        while (queue.TryDequeue(out var name))
        {
            foreach (var value in definitions.GetValueOrDefault(name) ?? [])
            {
                foreach (Match m in VarReference().Matches(value))
                {
                    if (used.Add(m.Groups[1].Value))
                    {
                        queue.Enqueue(m.Groups[1].Value);
                    }
                }
            }
        }

        var css = new StringBuilder();
        Write(kept, used, css);
        return css.ToString();
    }

    private abstract record Node;

    /// <summary>A statement or block kept as written: @charset, @import, @font-face, @keyframes, @page, nested CSS.</summary>
    private sealed record Opaque(string Text) : Node;

    private sealed record Group(string Prelude, IReadOnlyList<Node> Children) : Node;

    private sealed record Rule(string Selectors, IReadOnlyList<string> Declarations, IReadOnlyList<string[]> RequiredClasses) : Node;

    private static List<Node> Filter(IReadOnlyList<Node> nodes, HashSet<string> classes)
    {
        var kept = new List<Node>();
        foreach (var node in nodes)
        {
            switch (node)
            {
                case Rule rule when rule.RequiredClasses.Any(required => required.All(classes.Contains)):
                    kept.Add(rule);
                    break;
                case Group group when Filter(group.Children, classes) is { Count: > 0 } children:
                    kept.Add(group with { Children = children });
                    break;
                case Opaque:
                    kept.Add(node);
                    break;
            }
        }
        return kept;
    }

    private static void Visit(IEnumerable<Node> nodes, Action<Rule> rule, Action<string> opaque)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case Rule r:
                    rule(r);
                    break;
                case Group g:
                    Visit(g.Children, rule, opaque);
                    break;
                case Opaque o:
                    opaque(o.Text);
                    break;
            }
        }
    }

    private static void Write(IEnumerable<Node> nodes, HashSet<string> usedProperties, StringBuilder css)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case Rule r:
                    var declarations = r.Declarations.Where(d => CustomPropertyName(d) is not { } name || usedProperties.Contains(name)).ToList();
                    if (declarations.Count > 0)
                    {
                        css.Append(r.Selectors).Append('{').AppendJoin(';', declarations).Append("}\n");
                    }
                    break;
                case Group g:
                    css.Append(g.Prelude).Append("{\n");
                    Write(g.Children, usedProperties, css);
                    css.Append("}\n");
                    break;
                case Opaque o:
                    css.Append(o.Text).Append('\n');
                    break;
            }
        }
    }

    private static void AddReferences(string text, HashSet<string> used)
    {
        foreach (Match m in VarReference().Matches(text))
        {
            used.Add(m.Groups[1].Value);
        }
    }

    private static string? CustomPropertyName(string declaration)
    {
        var d = declaration.AsSpan().TrimStart();
        var colon = d.IndexOf(':');
        return d.StartsWith("--") && colon > 0 ? d[..colon].Trim().ToString() : null;
    }

    private static List<Node> Parse(string css, int start, int end)
    {
        var nodes = new List<Node>();
        var i = start;
        while (true)
        {
            i = SkipSpaceAndComments(css, i, end);
            if (i >= end)
            {
                return nodes;
            }
            var stop = Scan(css, i, end, stopAtBraceOrSemicolon: true);
            if (stop >= end || css[stop] == ';' || css[stop] == '}')
            {
                nodes.Add(new Opaque(css[i..Math.Min(stop + 1, end)].Trim()));
                i = stop + 1;
                continue;
            }
            var prelude = StripComments(css[i..stop]).Trim();
            var close = Scan(css, stop + 1, end, stopAtBraceOrSemicolon: false);
            var body = css[(stop + 1)..Math.Min(close, end)];
            i = close + 1;
            if (GroupingAtRule().IsMatch(prelude))
            {
                nodes.Add(new Group(prelude, Parse(css, stop + 1, Math.Min(close, end))));
            }
            else if (prelude.StartsWith('@') || HasBlock(body))
            {
                nodes.Add(new Opaque(prelude + "{" + body + "}"));
            }
            else
            {
                nodes.Add(new Rule(prelude, SplitTopLevel(StripComments(body), ';').Where(d => d.Trim().Length > 0).ToList(),
                    SplitTopLevel(prelude, ',').Select(RequiredClasses).ToList()));
            }
        }
    }

    /// <summary>Classes a selector needs; an unparseable one needs none (so its rule is kept).</summary>
    private static string[] RequiredClasses(string selector)
    {
        if (selector.Contains('\\'))
        {
            return [];
        }
        // What is inside :not(), :is(), :where(), :has() … need not be there; [href$=".pdf"] is no class.
        var outer = AttributeSelector().Replace(selector, "");
        for (var previous = ""; previous != outer;)
        {
            previous = outer;
            outer = Parenthesised().Replace(outer, "");
        }
        return [.. ClassName().Matches(outer).Select(m => m.Groups[1].Value).Distinct()];
    }

    /// <summary>Index of the first top-level '{', ';' or unmatched '}' (or the matching '}' of a block), skipping strings and comments.</summary>
    private static int Scan(string css, int i, int end, bool stopAtBraceOrSemicolon)
    {
        var depth = 0;
        for (; i < end; i++)
        {
            var c = css[i];
            if (c is '"' or '\'')
            {
                i = SkipString(css, i, end);
            }
            else if (c == '/' && i + 1 < end && css[i + 1] == '*')
            {
                var close = css.IndexOf("*/", i + 2, end - i - 2, StringComparison.Ordinal);
                i = close < 0 ? end : close + 1;
            }
            else if (stopAtBraceOrSemicolon && c is '{' or ';' or '}')
            {
                return i;
            }
            else if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && depth-- == 0)
            {
                return i;
            }
        }
        return end;
    }

    /// <summary>Nested CSS: a '{' outside strings and comments.</summary>
    private static bool HasBlock(string body)
    {
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] is '"' or '\'')
            {
                i = SkipString(body, i, body.Length);
            }
            else if (body[i] == '{')
            {
                return true;
            }
        }
        return false;
    }

    private static int SkipString(string css, int i, int end)
    {
        var quote = css[i];
        for (i++; i < end && css[i] != quote; i++)
        {
            if (css[i] == '\\')
            {
                i++;
            }
        }
        return i;
    }

    private static int SkipSpaceAndComments(string css, int i, int end)
    {
        while (i < end)
        {
            if (char.IsWhiteSpace(css[i]))
            {
                i++;
            }
            else if (css[i] == '/' && i + 1 < end && css[i + 1] == '*')
            {
                var close = css.IndexOf("*/", i + 2, end - i - 2, StringComparison.Ordinal);
                i = close < 0 ? end : close + 2;
            }
            else
            {
                break;
            }
        }
        return i;
    }

    private static string StripComments(string text) => text.Contains("/*", StringComparison.Ordinal) ? Comment().Replace(text, "") : text;

    /// <summary>Splits at <paramref name="separator"/> outside strings and brackets.</summary>
    private static List<string> SplitTopLevel(string text, char separator)
    {
        var parts = new List<string>();
        var depth = 0;
        var from = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\'')
            {
                i = SkipString(text, i, text.Length);
            }
            else if (c is '(' or '[')
            {
                depth++;
            }
            else if (c is ')' or ']')
            {
                depth--;
            }
            else if (c == separator && depth == 0)
            {
                parts.Add(text[from..i]);
                from = i + 1;
            }
        }
        parts.Add(text[from..]);
        return parts;
    }

    [GeneratedRegex("""class="([^"]*)""")]
    private static partial Regex ClassAttribute();

    [GeneratedRegex(@"var\(\s*(--[A-Za-z0-9_-]+)")]
    private static partial Regex VarReference();

    [GeneratedRegex(@"^@(media|supports|layer|container|scope|document)\b", RegexOptions.IgnoreCase)]
    private static partial Regex GroupingAtRule();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex AttributeSelector();

    [GeneratedRegex(@"\([^()]*\)")]
    private static partial Regex Parenthesised();

    [GeneratedRegex(@"\.(-?[A-Za-z_][A-Za-z0-9_-]*)")]
    private static partial Regex ClassName();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();
}
