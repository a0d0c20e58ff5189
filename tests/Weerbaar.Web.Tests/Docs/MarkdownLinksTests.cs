namespace Weerbaar.Web.Tests.Docs;

/// <summary>Every Markdown file of the repository links only to what exists (no database, no network).</summary>
public sealed class MarkdownLinksTests
{
    [Fact]
    public void Every_relative_link_image_and_anchor_in_the_repository_resolves()
    {
        var root = RepositoryRoot();
        var checker = new MarkdownLinkChecker(root);
        var files = checker.RepositoryMarkdownFiles().ToList();
        Assert.Contains(files, f => f.EndsWith(Path.Combine("docs", "api.md"), StringComparison.Ordinal));

        var broken = checker.Check(files);
        Assert.True(broken.Count == 0, $"{broken.Count} broken link(s) in {files.Count} Markdown files:\n" + string.Join('\n', broken));
    }

    [Theory]
    [InlineData("Two commands", "two-commands")]
    [InlineData("Data and licences", "data-and-licences")]
    [InlineData("1. Definitions", "1-definitions")]
    [InlineData("Errors: 401, 403 and 404", "errors-401-403-and-404")]
    [InlineData("Crisis kit — packs", "crisis-kit--packs")]
    [InlineData("What's new in `/api/v1`?", "whats-new-in-apiv1")]
    [InlineData("Zelfredzaamheid (72 uur) én coördinatie", "zelfredzaamheid-72-uur-én-coördinatie")]
    [InlineData("snake_case stays", "snake_case-stays")]
    public void Heading_anchors_follow_GitHub(string heading, string anchor)
        => Assert.Equal(anchor, GitHubSlug.Of(heading));

    [Fact]
    public void Broken_links_are_named_with_file_and_line()
    {
        var root = Directory.CreateTempSubdirectory("weerbaar-links-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "docs"));
            File.WriteAllText(Path.Combine(root, "docs", "b.md"), "# B\n\n## Same\n\n## Same\n\n<a id=\"kept\"></a>\n");
            File.WriteAllText(Path.Combine(root, "a.md"), string.Join('\n',
                "# Title **bold** and `code`",
                "[ok](docs/b.md) [ok](docs/b.md#same-1) [ok](#title-bold-and-code) [ok](docs/b.md#kept) [ok](docs/)",
                "![missing](img/x.png)",
                "[gone](docs/c.md)",
                "[no anchor](docs/b.md#same-2)",
                "`[in code](nowhere.md)`",
                "[outside](../elsewhere.md)",
                "[bad url](http://)",
                "<a href=\"#nope\">html</a>",
                "```",
                "[in a code block](nowhere.md)",
                "```",
                "[ref link][r]",
                "",
                "[r]: docs/missing.md"));
            var checker = new MarkdownLinkChecker(root);

            var broken = checker.Check(checker.RepositoryMarkdownFiles()).Select(b => $"{b.File}:{b.Line} {b.Url}").ToList();

            Assert.Equal(
            [
                "a.md:3 img/x.png", "a.md:4 docs/c.md", "a.md:5 docs/b.md#same-2", "a.md:7 ../elsewhere.md",
                "a.md:8 http://", "a.md:9 #nope", "a.md:13 docs/missing.md",
            ], broken);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Weerbaar.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"Weerbaar.slnx not found above {AppContext.BaseDirectory}.");
    }
}
