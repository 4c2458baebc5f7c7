using System.Text.RegularExpressions;
using NetArchTest.Rules;
using Reports.Tests.Support;

namespace Reports.Tests.Architecture;

/// <summary>
/// Dependencies point one way: the rules are read from the table of docs/architecture.md, one row per
/// folder of src/Reports naming the folders it may use, and every type of the library is held to its row.
/// </summary>
public sealed partial class ArchitectureTests
{
    private const string Root = "(root)";

    private static readonly IReadOnlyList<(string Folder, IReadOnlyList<string> MayUse)> Table = ReadTable();

    public static TheoryData<string> Folders() => [.. Table.Select(row => row.Folder)];

    [Theory]
    [MemberData(nameof(Folders))]
    public void A_folder_uses_only_the_folders_its_row_names(string folder)
    {
        var allowed = Table.Single(row => row.Folder == folder).MayUse;
        var forbidden = Table.Select(row => row.Folder).Where(f => f != folder && f != Root && !allowed.Contains(f)).Select(Namespace).ToArray();
        if (forbidden.Length == 0)
        {
            return;
        }

        var result = Types.InAssembly(typeof(EvidenceException).Assembly).That().ResideInNamespaceMatching(NamespacePattern(folder))
            .ShouldNot().HaveDependencyOnAny(forbidden)
            .GetResult();

        var offenders = (result.FailingTypes ?? []).Select(t => $"{t.FullName} uses {string.Join(", ", Uses(t, forbidden))}");
        Assert.True(result.IsSuccessful, $"{folder} may use only {string.Join(", ", allowed)}; instead:\n  {string.Join("\n  ", offenders)}");
    }

    [Fact]
    public void The_table_names_every_folder_of_the_library_once()
    {
        var onDisk = Directory.GetDirectories(Path.Combine(RepoPaths.Root, "src", "Reports"))
            .Select(Path.GetFileName)
            .Where(name => name is not ("bin" or "obj" or "Properties"))
            .Append(Root)
            .Order(StringComparer.Ordinal);

        Assert.Equal(onDisk, Table.Select(row => row.Folder).Order(StringComparer.Ordinal));
        Assert.All(Table, row => Assert.True(row.Folder == Root || row.MayUse.Contains(Root), $"{row.Folder}'s row does not name (root), which every folder may use"));
    }

    [Fact]
    public void Every_type_of_the_library_lives_in_a_folder_of_the_table()
    {
        var known = new Regex(string.Join('|', Table.Select(row => NamespacePattern(row.Folder))));

        // Types the compiler and the regex generator write have no namespace of ours.
        var strays = typeof(EvidenceException).Assembly.GetTypes()
            .Where(t => t.Namespace is not null and not "System.Text.RegularExpressions.Generated" && !known.IsMatch(t.Namespace))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(strays);
    }

    /// <summary>The rows of the table under "The folders and what they may use"; "every folder" names them all.</summary>
    private static IReadOnlyList<(string Folder, IReadOnlyList<string> MayUse)> ReadTable()
    {
        var page = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "architecture.md")).ReplaceLineEndings("\n");
        var rows = RowRegex().Matches(page[page.IndexOf("## The folders and what they may use", StringComparison.Ordinal)..])
            .Select(m => (Folder: m.Groups["folder"].Value.Trim(), MayUse: m.Groups["uses"].Value.Trim()))
            .Where(r => r.Folder is not ("folder" or "---"))
            .ToList();
        Assert.NotEmpty(rows);
        var folders = rows.Select(r => r.Folder).ToList();
        return [.. rows.Select(r => (r.Folder, (IReadOnlyList<string>)(r.MayUse == "every folder"
            ? folders
            : [.. r.MayUse.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)])))];
    }

    private static string Namespace(string folder) => folder == Root ? "Reports" : $"Reports.{folder}";

    /// <summary>The folder's namespace and those under it; the root's alone.</summary>
    private static string NamespacePattern(string folder) => folder == Root ? "^Reports$" : $"^Reports\\.{folder}(?:\\..+)?$";

    private static IEnumerable<string> Uses(Type type, string[] forbidden) =>
        forbidden.Where(ns => Types.InAssembly(type.Assembly).That().HaveName(type.Name).And().ResideInNamespace(type.Namespace)
            .And().HaveDependencyOn(ns).GetTypes().Any());

    [GeneratedRegex(@"^\| (?<folder>[^|]+) \| [^|]* \| (?<uses>[^|]*)\|$", RegexOptions.Multiline)]
    private static partial Regex RowRegex();
}
