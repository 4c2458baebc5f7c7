using System.CommandLine;
using Reports.Calendar;
using Reports.Config;
using Reports.Pipeline;

namespace Reports.Cli.Commands;

/// <summary>
/// <c>evidence init</c>: a commented <c>evidence.yml</c> whose first sprint starts this week (in the
/// course's time zone), the JSON Schema editors check it with, the notes file of the week the next
/// command builds, and the next steps. Existing files are never overwritten.
/// </summary>
internal static class InitCommand
{
    /// <summary>GitLab sets it in every CI job; outside one it may name someone else entirely.</summary>
    private const string CiUserVariable = "GITLAB_USER_LOGIN";

    public static Command Create(TimeProvider time, Func<string, string?> environment)
    {
        var directoryOption = new Option<DirectoryInfo>("--dir") { Description = "Folder to set up (default: the current folder).", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var usernameOption = new Option<string>("--username", "-u")
        {
            Description = $"Your GitLab username, as on your profile page (required; asked for when a terminal is attached; in a GitLab CI job, {CiUserVariable} by default).",
            HelpName = "NAME",
        };
        var command = new Command("init", "Write a commented evidence.yml, this week's notes file and the next steps; existing files are left alone.")
        {
            directoryOption, usernameOption,
        };
        Examples.Add(command, [
            ("evidence init --username abhipraya", "evidence.yml and this week's notes in the current folder"),
            ("evidence init --dir my-evidence --username abhipraya", "in another folder"),
        ]);
        command.SetAction((parse, cancellation) => CommandRunner.Run(parse, cancellation, stdout =>
        {
            var directory = parse.GetValue(directoryOption)!.FullName;
            var configPath = Path.Combine(directory, CommonOptions.DefaultConfigFile);
            if (!File.Exists(configPath))
            {
                var username = Username(parse.GetValue(usernameOption), parse.InvocationConfiguration.Error, environment);
                var monday = Monday(time, ConfigSchema.Calendar.DefaultTimeZone);
                NotesCommand.WriteUnlessExists(stdout, configPath, () => ConfigLoader.SampleYaml(username, monday));
            }
            else
            {
                stdout.WriteLine($"{configPath} exists; left unchanged");
            }

            NotesCommand.WriteUnlessExists(stdout, Path.Combine(directory, ConfigReference.SchemaFileName), ConfigReference.JsonSchema);
            var config = ConfigLoader.Load(configPath);
            var week = new CourseCalendar(config.Calendar).CurrentWeek(time.GetUtcNow());
            foreach (var student in config.IsTeam ? config.Students.Select(s => (string?)s.Username) : [null])
            {
                NotesCommand.WriteUnlessExists(stdout, WeekNotes.PathOf(config.NotesDirectory, week, student), () => NotesCommand.Skeleton(week));
            }

            NextSteps(stdout, config, week, directory);
        }));
        return command;
    }

    /// <summary>
    /// <c>--username</c>, else a line read from the terminal, else <c>GITLAB_USER_LOGIN</c> inside a GitLab CI job;
    /// never the machine's login, which names the account of the machine, not of GitLab.
    /// </summary>
    private static string Username(string? given, TextWriter error, Func<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(given))
        {
            return given.Trim();
        }

        if (environment("GITLAB_CI") == "true" && environment(CiUserVariable) is { Length: > 0 } ciUser)
        {
            return ciUser;
        }

        if (!Console.IsInputRedirected && ReferenceEquals(error, Console.Error))
        {
            error.Write("Your GitLab username (as on your profile page, without the @): ");
            if (Console.ReadLine()?.Trim().TrimStart('@') is { Length: > 0 } typed)
            {
                return typed;
            }
        }

        throw new EvidenceException("init needs your GitLab username: evidence init --username YOUR_GITLAB_USERNAME (as on your GitLab profile page, without the @)");
    }

    /// <summary>The Monday of this week in <paramref name="timeZone"/>, the course's, so the notes file written is the week the next command builds.</summary>
    private static DateOnly Monday(TimeProvider time, string timeZone)
    {
        var zone = Model.TimeZones.TryFind(timeZone) ?? TimeZoneInfo.Utc;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        return today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
    }

    private static void NextSteps(TextWriter stdout, EvidenceConfig config, Model.ReportWindow week, string directory)
    {
        var inDir = Path.GetFullPath(directory) == Path.GetFullPath(".") ? "" : $" --config {Path.GetRelativePath(".", config.SourcePath)}";
        stdout.WriteLine();
        stdout.WriteLine("Next:");
        stdout.WriteLine($"  1. In {Path.GetFileName(config.SourcePath)}, set gitlab.url, gitlab.projects, student.emails (git config user.email) and calendar.sprints.");
        stdout.WriteLine($"  2. export {config.GitLab.TokenEnv}=...   # a GitLab access token with the read_api scope");
        stdout.WriteLine($"  3. evidence check{inDir}   # every setting and token, one line each with the fix");
        stdout.WriteLine($"  4. evidence build{inDir} {WeekNotes.WindowArguments(week)}   # {week.Label}; write your narrative in its notes file");
    }
}
