using Reports.Config;
using Reports.Model;
using Reports.Notes;
using Reports.Rendering;
using Reports.Tests.Support;
using Reports.Pipeline;

namespace Reports.Tests.Browser;

/// <summary>
/// The demo week with a 120-character unbroken token in every text a page shows: titles, names,
/// finding bodies, code spans, file paths, ticket titles, commit titles, bot notes and the notes.
/// Written once as a site (report page and index) for the browser tests.
/// </summary>
public sealed class LongTokenSite : IDisposable
{
    private readonly TempDirectory _site = new();

    public LongTokenSite()
    {
        var generator = new ReportGenerator(new TemplateEngine(new TemplateRoots(RepoPaths.Templates, null)), ConfigSchema.Review.DefaultLevels);
        generator.RenderAndWrite([(Snapshot(), NotesParser.Parse(Notes))], _site.Path);
    }

    public string Path => _site.Path;

    public string ReportUrl => ChromiumFixture.PageUrl(Path, "sprint-2-week-1/index.html");

    public string IndexUrl => ChromiumFixture.PageUrl(Path, "index.html");

    /// <summary>No space, hyphen or slash to break at: the shape of a generated identifier or hash.</summary>
    public static string Token(string tag) => tag + "_" + string.Concat(Enumerable.Repeat("0123456789", 12));

    private static string Notes => $"""
        ## Overview

        {Token("overview")} and `{Token("code")}` and [{Token("link")}](https://example.com/{Token("path")}).

        ## Reviews

        - {Token("bullet")}

        ## Tickets

        | Column | {Token("header")} |
        |---|---|
        | cell | {Token("cell")} |

        ## {Token("heading")}

        {Token("extra")}
        """;

    private static Snapshot Snapshot()
    {
        var sample = Snapshots.Sample();
        return sample with
        {
            Course = Token("course"),
            Student = new Person(Token("username"), Token("name")),
            Reviews = [.. sample.Reviews.Select(r => r with
            {
                MergeRequest = Long(r.MergeRequest),
                Threads = [.. r.Threads.Select(t => t with
                {
                    Body = $"**P1**: {Token("finding")}\n\n{Token("details")} in `{Token("span")}`\n\n```\n{Token("fix")}\n```",
                    FilePath = Token("file") + ".cs",
                })],
            })],
            Merges = [.. sample.Merges.Select(Long)],
            Contributions = [.. sample.Contributions.Select(c => c with
            {
                MergeRequest = Long(c.MergeRequest),
                Commits = [.. c.Commits.Select(commit => commit with { Title = Token("commit") })],
            })],
            Tickets = [.. sample.Tickets.Select(t => t with
            {
                Title = Token("ticket"),
                Parent = t.Parent is null ? null : t.Parent with { Title = Token("parent") },
            })],
            Automation = [.. sample.Automation.Select(a => a with { Note = a.Note with { Body = Token("bot") } })],
        };
    }

    private static MergeRequestRef Long(MergeRequestRef mr) => mr with
    {
        Title = $"{mr.Title} {Token("title")}",
        Project = Token("project"),
        Author = new Person(Token("author")),
    };

    public void Dispose() => _site.Dispose();
}
