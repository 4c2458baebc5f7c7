using System.CommandLine;
using Reports.Config;
using Reports.GitLab;
using Reports.Linear;
using Reports.Notify;
using Reports.Rendering;

namespace Reports.Cli.Commands;

/// <summary>
/// <c>evidence notify</c>: in a merge request pipeline, one note (as the bot of <c>notify.token_env</c>)
/// listing the merge request's Linear tickets, created once and edited in place after that.
/// </summary>
internal static class NotifyCommand
{
    public static Command Create(Func<string, string?> environment)
    {
        var configOption = CommonOptions.Config();
        var mrOption = new Option<int?>("--mr") { Description = $"The merge request's IID (default: {NotifyTarget.MergeRequestIidVariable} in a merge request pipeline).", HelpName = "IID" };
        var projectOption = new Option<string>("--project")
        {
            Description = $"The project's numeric id or full path (default: {NotifyTarget.MergeRequestProjectVariable}, else {NotifyTarget.ProjectVariable}, else the one project in gitlab.projects).",
            HelpName = "ID|PATH",
        };
        var dryRunOption = new Option<bool>("--dry-run") { Description = "Print the note and what would be done; send nothing." };
        var templatesOption = CommonOptions.Templates();
        var command = new Command("notify", "In a merge request pipeline: post (or update) one note listing the merge request's Linear tickets, as the bot of notify.token_env.")
        {
            configOption, mrOption, projectOption, dryRunOption, templatesOption,
        };
        Examples.Add(command, [
            ("evidence notify --mr 5 --project ppl/sira-backend --dry-run", "print the note merge request !5 would get"),
            ("evidence notify", "in a merge request pipeline, from its CI variables"),
        ]);
        command.SetAction((parse, cancellation) => CommandRunner.RunAsync(parse, cancellation, async (stdout, ct) =>
        {
            var config = ConfigLoader.Load(parse.GetValue(configOption)?.FullName ?? CommonOptions.DefaultConfigFile, ConfigPurpose.Notify, environment);
            var notify = config.Notify!;
            var linearConfig = config.Linear!;
            var target = NotifyTarget.Resolve(config, parse.GetValue(projectOption), parse.GetValue(mrOption), environment);
            var dryRun = parse.GetValue(dryRunOption);

            var overrides = parse.GetValue(templatesOption)?.FullName ?? config.TemplatesDirectory;
            var renderer = new TicketNoteRenderer(new TemplateEngine(new TemplateRoots(TemplateRoots.ShippedDirectory, overrides)));
            var gitlabConfig = config.GitLab with { Url = target.Instance, TokenEnv = notify.TokenEnv };
            using var gitlab = GitLabClient.FromConfig(gitlabConfig, environment, tokenScope: GitLabClientOptions.WriteScope);
            using var linear = LinearClient.FromConfig(linearConfig, environment);
            var notifier = new TicketNotifier(gitlab, linear, renderer, linearConfig.Teams, notify.SkipWhenEmpty);

            var result = await notifier.RunAsync(target, dryRun, ct);
            var log = dryRun ? parse.InvocationConfiguration.Error : stdout;
            if (dryRun)
            {
                await stdout.WriteLineAsync(result.Body);
            }

            foreach (var warning in result.Warnings)
            {
                // Warnings and the summary name tickets and projects the servers sent: one clean line each.
                await log.WriteLineAsync("warning: " + ErrorLine.Clean(warning));
            }

            await log.WriteLineAsync(ErrorLine.Clean(Describe(result, target)));
        }));
        return command;
    }

    private static string Describe(NotifyResult result, NotifyTarget target)
    {
        var mr = $"merge request !{target.Iid} of {target.Project}";
        var tickets = result.Tickets.Count == 0 ? "no linked ticket" : $"{result.Tickets.Count} ticket(s): {string.Join(", ", result.Tickets)}";
        var would = result.DryRun ? "dry run, nothing sent: would have " : "";
        var removed = result.RemovedDuplicates.Count == 0 ? "" : $"note(s) {string.Join(", ", result.RemovedDuplicates)}, duplicates of note {result.NoteId}";
        return result.Action switch
        {
            NotifyAction.Created => $"{would}created a note on {mr} listing {tickets}{(removed.Length == 0 ? "" : $", and deleted {removed}")}{At(result)}",
            NotifyAction.Edited => $"{would}edited note {result.NoteId} on {mr} to list {tickets}{(removed.Length == 0 ? "" : $", and deleted {removed}")}{At(result)}",
            NotifyAction.Unchanged when removed.Length > 0 => $"note {result.NoteId} on {mr} already lists {tickets}; {would}deleted {removed}{At(result)}",
            NotifyAction.Unchanged => $"note {result.NoteId} on {mr} already lists {tickets}; nothing sent{At(result)}",
            _ => $"{mr} links no ticket and notify.skip_when_empty is true; nothing {(result.DryRun ? "would be " : "")}posted",
        };
    }

    private static string At(NotifyResult result) => result.NoteUrl is null ? "" : $": {result.NoteUrl}";
}
