using System.CommandLine;
using System.Text.RegularExpressions;
using Reports.Cli;
using Reports.Tests.Support;

namespace Reports.Tests.Cli;

/// <summary>
/// The commands the README and the docs tell people to type are commands this CLI accepts, and the
/// command reference names every command and option the CLI has.
/// </summary>
public sealed partial class DocumentedCommandTests
{
    private static readonly string[] CommandNames = [.. EvidenceCommand.Create().Subcommands.Select(c => c.Name)];

    public static TheoryData<string, string> EvidenceCommandLines()
    {
        var fenced = DocPages.Fences().SelectMany(f => f.Code.Split('\n').Select(line => (f.Page, Line: line)));
        var inline = DocPages.All.SelectMany(p => CodeSpanRegex().Matches(p.Text).Select(m => (Page: p.Path, Line: m.Groups["code"].Value)))
            // Not a synopsis such as `evidence build [--config FILE] WINDOW`, nor a command's name alone such as `evidence collect`.
            .Where(s => !s.Line.Contains('[', StringComparison.Ordinal) && s.Line.Contains(" -", StringComparison.Ordinal));
        var lines = new TheoryData<string, string>();
        foreach (var (page, line) in fenced.Concat(inline).Select(l => (l.Page, Arguments(l.Line))).Where(l => l.Item2 is not null).Distinct())
        {
            lines.Add(page, line!);
        }

        return lines;
    }

    [Theory]
    [MemberData(nameof(EvidenceCommandLines))]
    public void Command_line_in_the_docs_parses(string page, string arguments)
    {
        var parse = EvidenceCommand.Create().Parse(arguments);

        Assert.True(parse.Errors.Count == 0, $"{page}: evidence {arguments}: {string.Join("; ", parse.Errors.Select(e => e.Message))}");
    }

    [Fact]
    public void The_docs_give_a_command_line_for_every_command()
    {
        var documented = EvidenceCommandLines().Select(row => ((string)row[1]).Split(' ')[0]).ToHashSet(StringComparer.Ordinal);

        Assert.All(CommandNames, name => Assert.Contains(name, documented));
    }

    [Fact]
    public void The_command_reference_names_every_command_and_option()
    {
        var reference = DocPages.All.Single(p => p.Path == "docs/commands.md").Text;

        foreach (var command in Commands(EvidenceCommand.Create()))
        {
            Assert.Contains($"`evidence {command.Path}", reference, StringComparison.Ordinal);
            foreach (var option in command.Command.Options.Where(o => !o.Hidden && o.Name is not "--help" and not "-h" and not "--version"))
            {
                Assert.True(reference.Contains(option.Name, StringComparison.Ordinal), $"docs/commands.md does not mention {option.Name} of 'evidence {command.Path}'");
            }
        }
    }

    [Fact]
    public void First_screen_gives_the_demo_and_test_commands_that_ci_runs()
    {
        var readme = DocPages.All.Single(p => p.Path == "README.md").Text;
        var firstScreen = string.Join('\n', readme.Split('\n').Take(25));

        Assert.Contains("dotnet run --project src/Reports.Cli -- demo", firstScreen);
        Assert.Contains("dotnet test Reports.sln", firstScreen);
        Assert.Contains("dotnet test Reports.sln", File.ReadAllText(Path.Combine(RepoPaths.Root, ".ci", "run")));
    }

    [Fact]
    public void The_readme_stays_short()
    {
        var readme = DocPages.All.Single(p => p.Path == "README.md").Text;

        Assert.True(readme.Split('\n').Length <= 300, "README.md is over 300 lines: move the detail to a page of docs/");
    }

    [Fact]
    public void Every_relative_link_in_the_docs_leads_to_a_file()
    {
        foreach (var (page, text) in DocPages.All)
        {
            // Code is not a link, whatever it holds: `a[i](x)`.
            var prose = CodeSpanRegex().Replace(string.Join('\n', DocPages.Fences().Where(f => f.Page == page).Aggregate(text, (t, f) => t.Replace(f.Code, ""))), "");
            foreach (var target in LinkRegex().Matches(prose).Select(m => m.Groups["target"].Value).Where(t => !t.Contains("://", StringComparison.Ordinal) && !t.StartsWith('#')))
            {
                var file = Path.Combine(RepoPaths.Root, Path.GetDirectoryName(page)!, target.Split('#')[0]);
                Assert.True(File.Exists(file) || Directory.Exists(file), $"{page} links to {target}, which does not exist");
            }
        }
    }

    /// <summary>The arguments after the program in a line that runs evidence, or null when the line runs something else.</summary>
    private static string? Arguments(string line)
    {
        var match = CommandRegex().Match(line);
        return match.Success && CommandNames.Contains(match.Groups["command"].Value) ? (match.Groups["command"].Value + match.Groups["rest"].Value).Trim() : null;
    }

    private static IEnumerable<(string Path, Command Command)> Commands(Command parent, string prefix = "") =>
        parent.Subcommands.SelectMany(c => Commands(c, prefix + c.Name + " ").Prepend(((prefix + c.Name).Trim(), c)));

    // "dotnet run --project src/Reports.Cli -- demo", "dotnet evidence notify …", "evidence templates export …", "- .tools/evidence build …".
    [GeneratedRegex(@"^\s*(?:- )?(?:dotnet (?:run --project src/Reports\.Cli --|evidence)|(?:\S*/)?evidence) (?<command>[a-z-]+)(?<rest>[^#\n`]*)")]
    private static partial Regex CommandRegex();

    [GeneratedRegex(@"`(?<code>[^`\n]+)`")]
    private static partial Regex CodeSpanRegex();

    [GeneratedRegex(@"\]\((?<target>[\w./:-]+(?:#[\w-]*)?)\)")]
    private static partial Regex LinkRegex();
}
