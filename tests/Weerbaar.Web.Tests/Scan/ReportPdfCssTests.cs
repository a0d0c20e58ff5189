using Weerbaar.Web.Features.Scan.Report.Pdf;

namespace Weerbaar.Web.Tests.Scan;

/// <summary>The stylesheet cut down to what the printed report can use.</summary>
public sealed class ReportPdfCssTests
{
    private const string Css = """
        @charset "UTF-8";
        /* a comment with { braces } */
        .theme { --a: var(--b); --b: 1px; --c: red; --unused: var(--c); --icon: url("data:image/svg+xml;utf8,<svg a='{'/>"); }
        html { font-size: 10pt; }
        .used, .absent { border: var(--a) solid; }
        .absent .used { color: blue; }
        .used:not(.absent) { margin: 0; }
        a[href$=".pdf"] { color: green; }
        @media print { .absent { display: none; } .used { padding: 0; } }
        @media screen { .absent { display: none; } }
        @keyframes spin { from { rotate: 0deg; } to { rotate: 1turn; } }
        .x\:y { color: pink; }
        """;

    [Fact]
    public void Keeps_what_the_document_can_use_and_the_tokens_it_refers_to()
    {
        var css = new CssPruner(Css).For("""<body class="theme"><p class="used" style="color: var(--c)">x</p></body>""");

        Assert.Contains("@charset", css);
        Assert.Contains("html{ font-size: 10pt}", css.Replace("\n", ""));
        Assert.Contains(".used, .absent", css); // one selector of the list matches
        Assert.DoesNotContain(".absent .used", css);
        Assert.Contains(".used:not(.absent)", css);
        Assert.Contains("a[href$=\".pdf\"]", css); // an attribute value is no class
        Assert.Contains("@media print{", css);
        Assert.DoesNotContain("@media screen", css);
        Assert.Contains("@keyframes spin", css);
        Assert.Contains(".x\\:y", css); // escaped class names are kept, unsure
        Assert.Contains("--a:", css); // used by .used
        Assert.Contains("--b:", css); // through --a
        Assert.Contains("--c:", css); // used in the HTML's style attribute
        Assert.DoesNotContain("--unused", css);
        Assert.DoesNotContain("--icon", css);
        Assert.DoesNotContain("comment", css);
    }

    [Fact]
    public void Without_matching_classes_only_element_rules_and_at_rules_remain()
    {
        var css = new CssPruner(Css).For("<p>x</p>");
        Assert.DoesNotContain(".theme", css);
        Assert.DoesNotContain(".used", css);
        Assert.DoesNotContain("@media", css);
        Assert.Contains("html{", css.Replace(" ", ""));
    }
}
