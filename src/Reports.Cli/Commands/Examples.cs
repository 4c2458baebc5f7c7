using System.CommandLine;

namespace Reports.Cli.Commands;

/// <summary>
/// One or two examples at the end of a command's description, so <c>--help</c> shows them under it;
/// a test runs each through the parser, so an example always works as written.
/// </summary>
internal static class Examples
{
    private const string Heading = "Examples:";

    public static void Add(Command command, IReadOnlyList<(string Line, string What)> examples)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(examples);
        var width = examples.Max(e => e.Line.Length);
        command.Description += $"\n\n{Heading}\n" + string.Join('\n', examples.Select(e => $"  {e.Line.PadRight(width)}  # {e.What}"));
    }

    /// <summary>The example command lines of <paramref name="command"/>'s description, without <c>evidence</c>.</summary>
    public static IReadOnlyList<string> Of(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var description = command.Description ?? "";
        var at = description.IndexOf(Heading, StringComparison.Ordinal);
        return at < 0
            ? []
            : [.. description[(at + Heading.Length)..].Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => l.Split("  #")[0].Trim())];
    }
}
