namespace Reports.Tests.Support;

/// <summary>Paths in the source tree, so golden files are read from and rewritten where they are checked in.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Templates => Path.Combine(Root, "templates");

    public static string Golden => Path.Combine(Root, "tests", "Reports.Tests", "Golden");

    public static string DemoSnapshot => Path.Combine(Root, "src", "Reports.Cli", "Demo", "sample-snapshot.json");

    public static string DemoNotes => Path.Combine(Root, "src", "Reports.Cli", "Demo", "sample-notes.md");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Reports.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Reports.sln not found above the test assembly");
    }
}
