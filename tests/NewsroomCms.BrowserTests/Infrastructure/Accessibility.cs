using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace NewsroomCms.BrowserTests.Infrastructure;

public static class Accessibility
{
    /// <summary>Runs axe-core on the page as it is now and fails with every violation spelled out.</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        // Only the violations are reported in detail: the passes would be serialized for nothing.
        var result = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        Assert.True(result.Violations.Length == 0, Describe(page.Url, result.Violations));
    }

    private static string Describe(string url, AxeResultItem[] violations)
    {
        var text = new StringBuilder().AppendLine($"{violations.Length} accessibility violation(s) on {url}:");
        foreach (var violation in violations)
        {
            text.AppendLine($"- {violation.Id} ({violation.Impact}): {violation.Help} {violation.HelpUrl}");
            foreach (var node in violation.Nodes)
            {
                var checks = node.Any.Concat(node.All).Concat(node.None).Select(check => check.Message);
                text.AppendLine($"    at {node.Target}: {string.Join(" / ", checks)}");
                text.AppendLine($"       {node.Html}");
            }
        }

        return text.ToString();
    }
}
