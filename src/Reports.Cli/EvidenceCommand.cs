using System.CommandLine;
using Reports.Cli.Commands;

namespace Reports.Cli;

/// <summary>The <c>evidence</c> command line: parses arguments and wires the library's stages.</summary>
public static class EvidenceCommand
{
    public static RootCommand Create(TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var root = new RootCommand("evidence: a weekly evidence report of code reviews, merges, contributions and Linear tickets, as Markdown and a static HTML site.");
        root.Add(BuildCommand.Create(time));
        root.Add(CollectCommand.Create(time));
        root.Add(RenderCommand.Create());
        root.Add(DemoCommand.Create());
        root.Add(InitCommand.Create(time));
        root.Add(TemplatesCommand.Create());
        return root;
    }
}
