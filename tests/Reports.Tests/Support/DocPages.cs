using System.Text.RegularExpressions;

namespace Reports.Tests.Support;

/// <summary>The project's documentation as a reader meets it: the README, every page of docs/ and bench/README.md.</summary>
internal static partial class DocPages
{
    /// <summary>Each page's path relative to the repository root, with its text.</summary>
    public static IReadOnlyList<(string Path, string Text)> All { get; } =
    [
        .. new[] { "README.md", Path.Combine("bench", "README.md") }
            .Concat(Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "docs"), "*.md", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(RepoPaths.Root, f))
                .Order(StringComparer.Ordinal))
            .Select(p => (p.Replace('\\', '/'), File.ReadAllText(Path.Combine(RepoPaths.Root, p)).ReplaceLineEndings("\n"))),
    ];

    /// <summary>
    /// Every fenced code block of every page, whatever its indentation (a block inside a list item
    /// included), with its info string and its lines moved back to the fence's own indentation.
    /// </summary>
    public static IEnumerable<(string Page, string Info, string Code)> Fences() =>
        All.SelectMany(page => FenceRegex().Matches(page.Text).Select(m =>
        {
            var indent = m.Groups["indent"].Value.Length;
            var lines = m.Groups["code"].Value.Split('\n').Select(line => line[Math.Min(indent, line.Length - line.TrimStart(' ').Length)..]);
            return (page.Path, m.Groups["info"].Value.Trim(), string.Join('\n', lines));
        }));

    [GeneratedRegex(@"^(?<indent> *)(?<fence>`{3,}|~{3,})(?<info>[^\n`]*)\n(?<code>.*?)\n?^\k<indent>\k<fence> *$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FenceRegex();
}
