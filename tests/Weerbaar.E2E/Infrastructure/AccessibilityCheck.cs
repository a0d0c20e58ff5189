using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Weerbaar.E2E.Infrastructure;

/// <summary>Runs axe-core with the WCAG 2.1 level A and AA rules and fails on any violation.</summary>
public static class AccessibilityCheck
{
    private static readonly List<string> Wcag21AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    public static async Task AssertNoViolationsAsync(IPage page, string pageName)
    {
        var options = new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = Wcag21AA },
            ResultTypes = [ResultType.Violations],
        };
        var result = await page.RunAxe(options);
        if (result.Violations.Length > 0)
        {
            Assert.Fail(Describe(pageName, page.Url, result.Violations));
        }
    }

    public static string Describe(string pageName, string url, IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder($"Toegankelijkheidsfouten (axe-core, WCAG 2.1 A/AA) op '{pageName}' ({url}):");
        foreach (var v in violations)
        {
            text.AppendLine().Append($"- {v.Id} [{v.Impact}]: {v.Help} ({v.HelpUrl})");
            foreach (var node in v.Nodes)
            {
                text.AppendLine().Append($"    {node.Target}: {Summary(node)}");
                text.AppendLine().Append($"      {node.Html}");
            }
        }
        return text.ToString();
    }

    // axe's own failure summary: one of the "any" checks must pass, all "all" checks must pass, no "none" check may.
    private static string Summary(AxeResultNode node)
    {
        var any = node.Any?.Select(c => c.Message) ?? [];
        var rest = (node.All ?? []).Concat(node.None ?? []).Select(c => c.Message);
        var parts = new List<string>();
        if (any.Any())
        {
            parts.Add("los een van deze op: " + string.Join("; ", any));
        }
        if (rest.Any())
        {
            parts.Add("los al deze op: " + string.Join("; ", rest));
        }
        return string.Join(" | ", parts);
    }
}
