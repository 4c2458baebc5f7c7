using Reports.Model;
using Reports.Notes;
using Reports.Tests.Support;

namespace Reports.Tests.Site;

/// <summary>
/// The demo week with Hugo shortcodes (complete, unclosed, commented, one the test site defines),
/// script links in mixed case and bidirectional controls in every field GitLab and Linear fill: MR
/// titles, descriptions and branches, review comments with their code spans, fences and suggestions,
/// summary notes, authors' and the student's names, commit titles and SHAs, file paths, bot notes,
/// ticket identifiers, titles, states and parents. The student's notes use the site's shortcode once.
/// </summary>
internal static class ShortcodeWeek
{
    public const string Ref = "{{< ref \"x\" >}}";
    public const string RefWithMarkdown = "{{% ref \"x\" %}}";
    public const string YouTube = "{{< youtube dQw4w9WgXcQ >}}";

    /// <summary>The test site's own shortcode: it runs in the notes and nowhere else.</summary>
    public const string Hello = "{{< hello >}}";
    public const string Comment = "{{</* ref \"y\" */>}}";
    public const string Unclosed = "{{<";
    public const string Override = "\u202E";
    public const string Upload = "/uploads/0a1b2c/shot.png";

    public static (Snapshot Snapshot, NarrativeNotes Notes) Create()
    {
        var sample = Snapshots.Sample();
        var snapshot = sample with
        {
            Course = sample.Course + " " + Override + "LPP",
            Student = Hostile(sample.Student),
            Reviews = [.. sample.Reviews.Select(r => r with
            {
                MergeRequest = Hostile(r.MergeRequest),
                Threads = [.. r.Threads.Select(t => t with
                {
                    Body = Body(t.Body),
                    FilePath = $"src/{Ref}{Unclosed}{Override}.cs",
                    Url = t.Url.Replace("#note", "?q={{%x%}}#note", StringComparison.Ordinal),
                })],
                SummaryNotes = [.. r.SummaryNotes.Select(n => n with { Body = Body(n.Body) })],
            })],
            Merges = [.. sample.Merges.Select(Hostile)],
            Contributions = [.. sample.Contributions.Select(c => c with
            {
                MergeRequest = Hostile(c.MergeRequest),
                Commits = [.. c.Commits.Select(commit => commit with { Sha = "{{<x>}}" + commit.Sha, Title = Line(commit.Title) })],
            })],
            AuthoredMergeRequests = [.. sample.AuthoredMergeRequests.Select(Hostile)],
            Tickets = [.. sample.Tickets.Select(t => t with
            {
                Identifier = t.Identifier + RefWithMarkdown,
                Title = Line(t.Title),
                State = t.State + " " + Ref,
                Description = Body(t.Description ?? ""),
                Parent = t.Parent is null ? null : t.Parent with { Identifier = t.Parent.Identifier + Ref, Title = Line(t.Parent.Title) },
                StatusChanges = [.. t.StatusChanges.Select(s => s with { From = s.From + YouTube, To = s.To + Override })],
            })],
            ReferencedTickets = sample.ReferencedTickets?.Select(t => t with { Title = Line(t.Title), State = t.State + RefWithMarkdown }).ToList(),
            Automation = [.. sample.Automation.Select(a => a with
            {
                MergeRequest = Hostile(a.MergeRequest),
                Author = Hostile(a.Author),
                Note = a.Note with { Body = Line("bot") + "\n\n" + Body("") },
            })],
        };
        var notes = NotesParser.Parse(File.ReadAllText(RepoPaths.DemoNotes) + "\n\n## Made with Hugo\n\nThis site's own shortcode: " + Hello + "\n");
        return (snapshot, notes);
    }

    /// <summary>One line of remote text with every shortcode form, script links and an override.</summary>
    public static string Line(string text) =>
        $"{text} {Ref} {RefWithMarkdown} {YouTube} {Hello} {Comment} [y](JaVaScRiPt:alert(3)) <JaVaScRiPt:alert(4)> {Override}exe.txt {Unclosed}";

    /// <summary>A comment: its first line (a finding's title) as <see cref="Line"/>, then code spans, fences, a suggestion and links of every kind.</summary>
    private static string Body(string body)
    {
        var lines = body.Split('\n', 2);
        return $"""
            {Line(lines[0])}
            {(lines.Length > 1 ? lines[1] : "")}

            See [z][r], ![shot](JaVaScRiPt:alert(6)), [the screenshot]({Upload}), `{Ref}`, `{RefWithMarkdown}`, `{Unclosed}` and `if admin{Override}`.

            ```suggestion:-0+0
            {YouTube}
            {RefWithMarkdown}
            {Hello}
            ```

            ```go
            x := "{Unclosed}" + "<!--more-->"
            ```

            {Unclosed} {Comment}

            Term

            :   a definition, whose indented paragraph CommonMark alone would take for code

                  [d](JaVaScRiPt:alert(7))

            [r]: JaVaScRiPt:alert(5)
            """;
    }

    private static MergeRequestRef Hostile(MergeRequestRef mr) => mr with
    {
        Title = Line(mr.Title),
        Author = Hostile(mr.Author),
        MergedBy = mr.MergedBy is null ? null : Hostile(mr.MergedBy),
        SourceBranch = mr.SourceBranch + Ref,
        Description = Body(mr.Description ?? ""),
    };

    // The same change to every account, so the student still merged what they merged.
    private static Person Hostile(Person person) => person with { Username = person.Username + RefWithMarkdown + Override, Name = Line(person.DisplayName) };
}
