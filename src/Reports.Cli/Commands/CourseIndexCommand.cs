using System.CommandLine;
using Reports.Site;

namespace Reports.Cli.Commands;

/// <summary><c>evidence course-index --site DIR</c>: the index of a course's Pages site, listing the team sites in DIR.</summary>
internal static class CourseIndexCommand
{
    public static Command Create()
    {
        var site = new Option<DirectoryInfo>("--site")
        {
            Description = "The folder that holds one team site per folder (public/ with public/TEAM/ from each team's build).",
            DefaultValueFactory = _ => new DirectoryInfo("public"),
        };
        var title = new Option<string>("--title") { Description = "The index's heading (default: the course title of the newest report)." };
        var templatesOption = CommonOptions.Templates(readsConfig: false);
        var command = new Command("course-index", "Write DIR/index.html listing each team site in DIR with its students and their newest week; needs no network.")
        {
            site, title, templatesOption,
        };
        Examples.Add(command, [
            ("evidence course-index --site public --title \"PPL 2025\"", "the course page over public/TEAM/ sites"),
        ]);
        command.SetAction((parse, cancellation) => CommandRunner.Run(parse, cancellation, (stdout, ct) =>
        {
            var templates = RunWiring.Templates(parse, templatesOption, null);
            stdout.WriteLine(new CourseIndex(templates).Write(parse.GetValue(site)!.FullName, parse.GetValue(title), ct));
        }));
        return command;
    }
}
