using System.Security.Cryptography;
using System.Text;

namespace Reports.Tests.Support;

/// <summary>
/// Compares output with a checked-in expected file. With EVIDENCE_UPDATE_GOLDEN=1 the expected file
/// is rewritten instead; review the change with <c>git diff</c> before committing it.
/// </summary>
/// <remarks>
/// Every HTML page inlines the shipped stylesheet and carries its hash in its content-security-policy.
/// In expected files both stand as placeholders, and <c>Golden/style.css</c> alone holds the
/// stylesheet, so a CSS edit changes one golden file instead of every page's.
/// </remarks>
internal static class GoldenFile
{
    public const string StylePlaceholder = "/* the shipped stylesheet, as in Golden/style.css */";

    public const string StyleHashPlaceholder = "sha256-[hash of Golden/style.css]";

    private static readonly Lazy<(string Css, string Hash)> Style = new(() =>
    {
        var css = File.ReadAllText(Path.Combine(RepoPaths.Templates, "style.css"), Encoding.UTF8).ReplaceLineEndings("\n");
        return (css, "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(css))));
    });

    public static bool Updating => Environment.GetEnvironmentVariable("EVIDENCE_UPDATE_GOLDEN") == "1";

    /// <summary>The shipped stylesheet as every page inlines it.</summary>
    public static string Stylesheet => Style.Value.Css;

    public static void AssertMatches(string expectedPath, string actual)
    {
        if (expectedPath.EndsWith(".html", StringComparison.Ordinal))
        {
            actual = actual.Replace($"<style>{Style.Value.Css}</style>", $"<style>{StylePlaceholder}</style>", StringComparison.Ordinal)
                .Replace(Style.Value.Hash, StyleHashPlaceholder, StringComparison.Ordinal);
        }

        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(expectedPath)!);
            File.WriteAllText(expectedPath, actual);
            return;
        }

        Assert.True(File.Exists(expectedPath), $"missing golden file {expectedPath}; run the tests with EVIDENCE_UPDATE_GOLDEN=1 and review the diff");
        var expected = File.ReadAllText(expectedPath);
        if (expected != actual)
        {
            var line = FirstDifferentLine(expected, actual);
            Assert.Fail($"{Path.GetRelativePath(RepoPaths.Root, expectedPath)} differs at line {line.Number}:\n  expected: {line.Expected}\n  actual:   {line.Actual}\n(set EVIDENCE_UPDATE_GOLDEN=1 to accept, then review git diff)");
        }
    }

    private static (int Number, string Expected, string Actual) FirstDifferentLine(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var x = i < e.Length ? e[i] : "<end of file>";
            var y = i < a.Length ? a[i] : "<end of file>";
            if (x != y)
            {
                return (i + 1, x, y);
            }
        }

        return (0, "", "");
    }
}
