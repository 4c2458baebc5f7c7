using Reports.Cli.Demo;
using Reports.Config;
using Reports.Model;
using Reports.Notes;
using Reports.Rendering;
using Reports.Site;
using Reports.Tests.Support;
using Reports.Pipeline;

namespace Reports.Tests.Site;

/// <summary>
/// The demo team (<see cref="DemoTeam"/>) with hostile data: every payload of <see cref="XssPayloads"/>
/// and a 120-character unbroken token in merge request titles, review comments, commit titles, bot
/// notes, ticket titles and descriptions, the notes and the students' and authors' names (usernames
/// stay GitLab usernames, as the team layout requires). Written once as a course: the team site with
/// its team weeks in a folder named with a payload, and the course index.
/// </summary>
public sealed class HostileTeamSite : IDisposable
{
    public const string TeamFolder = "\"><svg onload=alert(1)>";

    private readonly TempDirectory _site = new();

    public HostileTeamSite()
    {
        var templates = new TemplateEngine(new TemplateRoots(RepoPaths.Templates, null));
        var sample = Hostile(Snapshots.Sample());
        var students = DemoTeam.Students(sample).Select((s, i) => s with { Name = $"{Payload(i * 7)} {Token("student")}" }).ToList();
        var weeks = DemoTeam.Weeks(sample, NotesParser.Parse(Notes))
            .Select(w => (w.Snapshot with { Student = students.Single(s => s.Username == w.Snapshot.Student.Username) }, w.Notes))
            .ToList();
        new ReportGenerator(templates, ConfigSchema.Review.DefaultLevels).RenderAndWrite(weeks, DemoTeam.TeamWeeks(weeks, students), TeamPath, SiteLayout.Team(students), new SiteConfig());
        new CourseIndex(templates).Write(_site.Path, title: Payload(3));
        Students = students;
    }

    /// <summary>The course folder: the course index and the team's folder.</summary>
    public string Path => _site.Path;

    public string TeamPath => _site.Combine(TeamFolder);

    internal IReadOnlyList<Person> Students { get; }

    /// <summary>The pages a reader opens first: the course index, the team page, a team week, a student's index and the report with the notes.</summary>
    public IReadOnlyDictionary<string, string> Pages => new Dictionary<string, string>
    {
        ["course index"] = "index.html",
        ["team page"] = TeamFolder + "/index.html",
        ["team week"] = TeamFolder + "/sprint-2-week-1/index.html",
        ["student index"] = TeamFolder + "/abhipraya/index.html",
        ["report"] = TeamFolder + "/abhipraya/sprint-2-week-1/index.html",
    };

    /// <summary>No space, hyphen or slash to break at.</summary>
    public static string Token(string tag) => tag + "_" + string.Concat(Enumerable.Repeat("0123456789", 12));

    private static string Payload(int i) => XssPayloads.All[i % XssPayloads.All.Count];

    private static string EveryPayload => string.Join("\n\n", XssPayloads.All);

    private static string Notes => $"""
        ## Overview

        {Token("overview")} and `{Token("code")}`.

        {EveryPayload}

        ## Reviews

        {string.Join("\n", XssPayloads.All.Select(p => "- " + p))}

        ## {Payload(0)} {Token("heading")}

        | {Payload(4)} | {Token("header")} |
        |---|---|
        | {Payload(21)} | {Token("cell")} |
        """;

    private static Snapshot Hostile(Snapshot sample)
    {
        var n = 0;
        string Next(string tag) => $"{Payload(n++)} {Token(tag)}";
        MergeRequestRef Mr(MergeRequestRef mr) => mr with { Title = Next("title"), Author = mr.Author with { Name = Next("author") } };
        return sample with
        {
            Reviews = [.. sample.Reviews.Select(r => r with
            {
                MergeRequest = Mr(r.MergeRequest),
                Threads = [.. r.Threads.Select(t => t with
                {
                    Body = $"{t.Body}\n\n{Next("finding")}\n\n{EveryPayload}",
                    FilePath = Token("file") + ".cs",
                })],
            })],
            Merges = [.. sample.Merges.Select(Mr)],
            Contributions = [.. sample.Contributions.Select(c => c with
            {
                MergeRequest = Mr(c.MergeRequest),
                Commits = [.. c.Commits.Select(commit => commit with { Title = Next("commit") })],
            })],
            Tickets = [.. sample.Tickets.Select(t => t with
            {
                Title = Next("ticket"),
                Description = $"{t.Description}\n{EveryPayload}",
                Parent = t.Parent is null ? null : t.Parent with { Title = Next("parent") },
            })],
            Automation = [.. sample.Automation.Select(a => a with { Note = a.Note with { Body = $"{Next("bot")}\n\n{EveryPayload}" } })],
        };
    }

    public void Dispose() => _site.Dispose();
}
