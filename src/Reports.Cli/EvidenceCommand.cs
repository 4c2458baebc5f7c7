using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Reports.Cli.Commands;
using Reports.Config;

namespace Reports.Cli;

/// <summary>The <c>evidence</c> command line: parses arguments and wires the library's stages.</summary>
public static class EvidenceCommand
{
    /// <param name="environment">Reads environment variables for <c>notify</c> (CI variables, tokens); the process environment by default.</param>
    public static RootCommand Create(TimeProvider? time = null, Func<string, string?>? environment = null)
    {
        time ??= TimeProvider.System;
        environment ??= Environment.GetEnvironmentVariable;
        var root = new RootCommand("evidence: a weekly evidence report of code reviews, merges, contributions and Linear tickets, as Markdown and a static HTML site.");
        root.Add(CommonOptions.Verbose());
        root.Add(BuildCommand.Create(time));
        root.Add(CollectCommand.Create(time));
        root.Add(RenderCommand.Create());
        root.Add(DemoCommand.Create());
        root.Add(CheckCommand.Create(time, environment));
        root.Add(InitCommand.Create(time, environment));
        root.Add(NotesCommand.Create(time));
        root.Add(TemplatesCommand.Create());
        root.Add(CourseIndexCommand.Create());
        root.Add(NotifyCommand.Create(environment));
        return root;
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>. A command line that does not parse ends like every
    /// other failure: one <c>error:</c> line and exit 1, never a stack trace or a screen of help.
    /// </summary>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        InvocationConfiguration configuration,
        TimeProvider? time = null,
        CancellationToken cancellation = default,
        Func<string, string?>? environment = null)
    {
        ParseResult parse;
        try
        {
            parse = Create(time, environment).Parse(args);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The parser's own validators must not crash on any input; this is the last line of defence.
            await configuration.Error.WriteLineAsync(ErrorLine.Format($"could not read the command line: {e.Message}"));
            return (int)ExitCode.InvalidInput;
        }

        if (parse.Action is ParseErrorAction)
        {
            await configuration.Error.WriteLineAsync(ErrorLine.Format(ParseErrorMessage(parse)));
            return (int)ExitCode.InvalidInput;
        }

        return await parse.InvokeAsync(configuration, cancellation);
    }

    private static string ParseErrorMessage(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var name = command is RootCommand ? "evidence" : $"evidence {string.Join(' ', CommandPath(command))}";
        var help = $"see '{name} --help'";
        if (parse.UnmatchedTokens.FirstOrDefault() is { } unknown)
        {
            var known = command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Concat(command.Subcommands.Select(c => c.Name));
            var suggestion = KeySuggester.Closest(unknown, known);
            return suggestion is null
                ? $"'{unknown}' is not an option or command of '{name}'; {help}"
                : $"'{unknown}' is not an option or command of '{name}' (did you mean '{suggestion}'?)";
        }

        if (command is RootCommand && parse.Errors.Count > 0 && parse.Tokens.Count == 0)
        {
            return $"choose a command: {string.Join(", ", command.Subcommands.Select(c => c.Name))}; {help}";
        }

        var first = parse.Errors[0].Message.Trim().TrimEnd('.');
        return first.Contains("--help", StringComparison.Ordinal) || first.Contains("e.g.", StringComparison.Ordinal) ? first : $"{first}; {help}";
    }

    private static IEnumerable<string> CommandPath(Command command)
    {
        var names = new Stack<string>();
        for (Symbol? symbol = command; symbol is Command { } c and not RootCommand; symbol = c.Parents.FirstOrDefault())
        {
            names.Push(c.Name);
        }

        return names;
    }
}
