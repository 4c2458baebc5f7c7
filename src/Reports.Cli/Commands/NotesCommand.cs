using System.CommandLine;
using Reports.Calendar;
using Reports.Files;
using Reports.Model;
using Reports.Pipeline;

namespace Reports.Cli.Commands;

/// <summary>
/// <c>evidence notes</c>: the notes skeleton of any week (today's by default), at the path <c>build</c>
/// reads; for a team, one per student unless <c>--student</c> names one. An existing file is never overwritten.
/// </summary>
internal static class NotesCommand
{
    public static Command Create(TimeProvider time)
    {
        var configOption = CommonOptions.Config();
        var window = new WindowOptions(allWeeks: false, required: false);
        var studentOption = new Option<string>("--student")
        {
            Description = "With students: in the config, write this student's file only (default: every student's).",
            HelpName = "USERNAME",
        };
        var command = new Command("notes", "Write the notes file of a week (this week by default) for your narrative; an existing file is left alone.")
        {
            configOption, studentOption,
        };
        window.AddTo(command);
        Examples.Add(command, [
            ("evidence notes --sprint 2 --week 1", "notes/sprint-2-week-1.md"),
            ("evidence notes --current-week --student froklax", "a team member's file of this week"),
        ]);
        command.SetAction((parse, cancellation) => CommandRunner.Run(parse, cancellation, stdout =>
        {
            var config = CommonOptions.LoadConfig(parse, configOption, required: true)!;
            var calendar = new CourseCalendar(config.Calendar);
            var week = window.Given(parse) ? window.Resolve(parse, calendar, time)[0] : calendar.CurrentWeek(time);
            var students = config.Students.Select(s => s.Username).ToList();
            if (parse.GetValue(studentOption) is { } only)
            {
                students = [students.FirstOrDefault(s => string.Equals(s, only, StringComparison.OrdinalIgnoreCase))
                    ?? throw new EvidenceException($"--student {only}: not a student of {config.SourcePath}; students: {string.Join(", ", students)}")];
            }

            foreach (var student in config.IsTeam ? students.Select(s => (string?)s) : [null])
            {
                WriteUnlessExists(stdout, WeekNotes.PathOf(config.NotesDirectory, week, student), () => Skeleton(week));
            }
        }));
        return command;
    }

    /// <summary>Writes <paramref name="path"/> (and its folder) unless it exists; says which on standard output.</summary>
    public static void WriteUnlessExists(TextWriter stdout, string path, Func<string> content)
    {
        if (File.Exists(path))
        {
            stdout.WriteLine($"{path} exists; left unchanged");
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.WriteAllText(path, content());
        stdout.WriteLine($"{path} written");
    }

    /// <summary>The skeleton of a week's notes: the sections a student most often writes, and how headings are placed.</summary>
    public static string Skeleton(ReportWindow week) => $$"""
        # {{week.Label}} notes

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
