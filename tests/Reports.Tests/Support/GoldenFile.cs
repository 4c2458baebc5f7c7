namespace Reports.Tests.Support;

/// <summary>
/// Compares output with a checked-in expected file. With EVIDENCE_UPDATE_GOLDEN=1 the expected file
/// is rewritten instead; review the change with <c>git diff</c> before committing it.
/// </summary>
internal static class GoldenFile
{
    public static bool Updating => Environment.GetEnvironmentVariable("EVIDENCE_UPDATE_GOLDEN") == "1";

    public static void AssertMatches(string expectedPath, string actual)
    {
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
