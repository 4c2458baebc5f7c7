using System.CommandLine;
using Reports.Cli;
using Reports.Cli.Commands;
using Reports.Tests.Support;

namespace Reports.Tests.Cli;

/// <summary>Every command's help shows one or two examples that work as written, and offers only options the command uses.</summary>
public sealed class HelpTests
{
    public static TheoryData<string> Commands() =>
        [.. Leaves(EvidenceCommand.Create()).Select(c => string.Join(' ', Path(c)))];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_shows_examples_that_parse(string command)
    {
        var target = Find(command);
        var examples = Examples.Of(target);

        var help = await EvidenceCli.RunAsync([.. command.Split(' '), "--help"]);

        Assert.InRange(examples.Count, 1, 2);
        Assert.Contains("Examples:", help.Output, StringComparison.Ordinal);
        Assert.All(examples, e =>
        {
            Assert.StartsWith($"evidence {command}", e, StringComparison.Ordinal);
            var parse = EvidenceCommand.Create().Parse(e["evidence ".Length..]);
            Assert.True(parse.Errors.Count == 0, $"{e}: {string.Join("; ", parse.Errors.Select(x => x.Message))}");
        });
    }

    [Theory]
    [InlineData("collect", "--all-weeks")]
    [InlineData("check", "--all-weeks")]
    [InlineData("notes", "--all-weeks")]
    public void A_command_does_not_offer_an_option_it_cannot_use(string command, string option) =>
        Assert.DoesNotContain(Find(command).Options, o => o.Name == option);

    [Theory]
    [InlineData("demo", "--format")]
    [InlineData("course-index", "--templates")]
    public void Help_of_a_command_without_a_config_does_not_speak_of_the_config(string command, string option) =>
        Assert.DoesNotContain("config", Find(command).Options.Single(o => o.Name == option).Description, StringComparison.Ordinal);

    private static Command Find(string path)
    {
        Command command = EvidenceCommand.Create();
        foreach (var name in path.Split(' '))
        {
            command = command.Subcommands.Single(c => c.Name == name);
        }

        return command;
    }

    private static IEnumerable<Command> Leaves(Command command) =>
        command.Subcommands.Count == 0 ? [command] : command.Subcommands.SelectMany(Leaves);

    private static IEnumerable<string> Path(Command command)
    {
        var names = new Stack<string>();
        for (Symbol? s = command; s is Command c and not RootCommand; s = c.Parents.FirstOrDefault())
        {
            names.Push(c.Name);
        }

        return names;
    }
}
