using System.CommandLine;
using Reports.Calendar;
using Reports.Config;
using Reports.Files;
using Reports.Pipeline;

namespace Reports.Cli.Commands;

/// <summary>
/// <c>evidence init</c>: a commented <c>evidence.yml</c> whose first sprint starts this week, the JSON
/// Schema editors check it with, and a notes file for the current week. Existing files are never overwritten.
/// </summary>
internal static class InitCommand
{
    public static Command Create(TimeProvider time)
    {
        var directoryOption = new Option<DirectoryInfo>("--dir") { Description = "Folder to set up.", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var usernameOption = new Option<string>("--username", "-u")
        {
            Description = "Your GitLab username.",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("GITLAB_USER_LOGIN") ?? Environment.UserName,
        };
        var command = new Command("init", "Write a commented evidence.yml and this week's notes file; existing files are left alone.")
        {
            directoryOption, usernameOption,
        };
        command.SetAction((parse, cancellation) => CommandRunner.Run(parse, cancellation, stdout =>
        {
            var directory = parse.GetValue(directoryOption)!.FullName;
            var configPath = Path.Combine(directory, CommonOptions.DefaultConfigFile);
            var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
            var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
            WriteUnlessExists(stdout, configPath, () => ConfigLoader.SampleYaml(parse.GetValue(usernameOption)!, monday));
            WriteUnlessExists(stdout, Path.Combine(directory, ConfigReference.SchemaFileName), ConfigReference.JsonSchema);

            var config = ConfigLoader.Load(configPath);
            var window = new CourseCalendar(config.Calendar).CurrentWeek(time.GetUtcNow());
            WriteUnlessExists(stdout, ReportGenerator.NotesPath(config.NotesDirectory, window), () => NotesTemplate(window.Label));
        }));
        return command;
    }

    private static void WriteUnlessExists(TextWriter stdout, string path, Func<string> content)
    {
        if (File.Exists(path))
        {
            stdout.WriteLine($"{path} exists; left unchanged");
            return;
        }

        AtomicFile.WriteAllText(path, content());
        stdout.WriteLine($"{path} written");
    }

    private static string NotesTemplate(string label) => $$"""
        # {{label}} notes

        <!-- Your narrative for this week. Each '## heading' whose name is a section id
             (overview, reviews, merges, contributions, impact, tickets, planning, automation)
             is placed in that section of the report; any other heading becomes a section of its own.
             '## BDD Coverage Planning {#planning}' fills section 5 and gives it your title (the report
             numbers sections itself). Under a section, '### !109 Your title' puts the text below it at
             merge request !109 there. '![what it shows](shot.png)' shows an image beside this file.
             docs/notes.md has a full example. evidence only reads this file. -->

        ## Overview

        ## Reviews

        ## Impact

        ## Planning

        """;
}
