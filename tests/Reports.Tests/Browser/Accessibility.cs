using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Reports.Tests.Browser;

/// <summary>axe-core's verdict on a page, reduced to what blocks a reader: serious and critical violations.</summary>
public static class Accessibility
{
    private static readonly HashSet<string> Blocking = new(StringComparer.OrdinalIgnoreCase) { "serious", "critical" };

    /// <summary>One line per serious or critical violation and element: rule, impact, help and where.</summary>
    public static async Task<IReadOnlyList<string>> BlockingViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        return [.. result.Violations
            .Where(v => v.Impact is { } impact && Blocking.Contains(impact))
            .SelectMany(v => v.Nodes.Select(n => $"{v.Id} ({v.Impact}): {v.Help} at {n.Target}: {Checks(n)} [{Shorten(n.Html)}]"))];
    }

    private static string Checks(AxeResultNode node) =>
        string.Join("; ", new[] { node.Any, node.All, node.None }.Where(c => c is not null).SelectMany(c => c).Select(c => c.Message));

    private static string Shorten(string? html) => html is { Length: > 160 } ? html[..160] + "…" : html ?? "";
}
