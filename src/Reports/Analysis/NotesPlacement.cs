using Reports.Model;
using Reports.Notes;

namespace Reports.Analysis;

/// <summary>
/// Places the student's notes in the report's sections: each section's title and text, and each
/// <c>### !109</c> note under its merge request where the section lists it (the overview lists the
/// student's own merge requests, section 1 the reviewed ones, 2 the merged, 3 those pushed to), else as
/// a subsection of its own.
/// </summary>
internal static class NotesPlacement
{
    public static ReportSections Place(NarrativeNotes notes, Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(notes);
        ArgumentNullException.ThrowIfNull(snapshot);
        var week = WeekMergeRequests(snapshot);
        var listed = Listed(snapshot);
        ReportSection Section(string id, string? text, string? title = null)
        {
            var views = notes.MergeRequests.Where(n => n.Section == id).Select(n => View(n, week)).ToList();
            var items = listed.GetValueOrDefault(id, []);
            var attached = new Dictionary<string, MergeRequestNoteView?>(StringComparer.Ordinal);
            foreach (var mr in items)
            {
                attached.TryAdd(mr.WebUrl, views.FirstOrDefault(v => Names(v.Reference, mr)));
            }

            return new ReportSection
            {
                Id = id,
                Title = title ?? notes.Titles.GetValueOrDefault(id) ?? ReportSections.DefaultTitles.GetValueOrDefault(id) ?? id,
                DefaultTitle = ReportSections.DefaultTitles.GetValueOrDefault(id) ?? title ?? id,
                Notes = text,
                MergeRequestNotes = attached,
                Subsections = [.. views.Where(v => !items.Any(mr => Names(v.Reference, mr)))],
            };
        }

        return new ReportSections
        {
            Overview = Section("overview", notes.Overview),
            Reviews = Section("reviews", notes.Reviews),
            Merges = Section("merges", notes.Merges),
            Contributions = Section("contributions", notes.Contributions),
            Impact = Section("impact", notes.Impact),
            Tickets = Section("tickets", notes.Tickets),
            Planning = Section("planning", notes.Planning),
            Automation = Section("automation", notes.Automation),
            Extra = [.. notes.Extra.Select(extra => Section(extra.Id, extra.Markdown, extra.Title))],
        };
    }

    /// <summary>Notes on a merge request that the week's data does not have (likely a typo), or that two projects have.</summary>
    public static IEnumerable<Model.ReportWarning> Warnings(NarrativeNotes notes, Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(notes);
        ArgumentNullException.ThrowIfNull(snapshot);
        var week = WeekMergeRequests(snapshot);
        foreach (var note in notes.MergeRequests)
        {
            var named = week.Where(mr => Names(note.Reference, mr)).ToList();
            if (named.Count == 0)
            {
                yield return NotesWarning.At(notes.SourcePath, note.Line,
                    $"'### {note.Reference}' names no merge request of this week (reviewed, merged, pushed to, your own, or with bot notes): check the number; the note is shown as a subsection without a link");
            }
            else if (named.Select(mr => mr.Project).Distinct(StringComparer.OrdinalIgnoreCase).Count() > 1)
            {
                yield return NotesWarning.At(notes.SourcePath, note.Line,
                    $"'### {note.Reference}' names a merge request in {string.Join(" and ", named.Select(mr => mr.Project).Distinct(StringComparer.OrdinalIgnoreCase))}: write the project before the number, e.g. '### {named[0].Project}{note.Reference}'");
            }
        }
    }

    /// <summary>Whether "!109" or "ppl/sira-backend!109" names <paramref name="mr"/> (the project compared ignoring case).</summary>
    internal static bool Names(string reference, MergeRequestRef mr)
    {
        var bang = reference.LastIndexOf('!');
        return reference[(bang + 1)..] == mr.Iid.ToString(System.Globalization.CultureInfo.InvariantCulture)
            && (bang == 0 || string.Equals(reference[..bang], mr.Project, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>What each section lists, by id: the merge requests a note there attaches to.</summary>
    private static Dictionary<string, IReadOnlyList<MergeRequestRef>> Listed(Snapshot snapshot) => new(StringComparer.Ordinal)
    {
        ["overview"] = snapshot.AuthoredMergeRequests,
        ["reviews"] = [.. snapshot.Reviews.Select(r => r.MergeRequest)],
        ["merges"] = snapshot.Merges,
        ["contributions"] = [.. snapshot.Contributions.Select(c => c.MergeRequest)],
    };

    /// <summary>Every merge request the week's data holds, once each.</summary>
    private static List<MergeRequestRef> WeekMergeRequests(Snapshot snapshot) =>
        [.. snapshot.Reviews.Select(r => r.MergeRequest)
            .Concat(snapshot.Merges)
            .Concat(snapshot.Contributions.Select(c => c.MergeRequest))
            .Concat(snapshot.AuthoredMergeRequests)
            .Concat(snapshot.Automation.Select(a => a.MergeRequest))
            .DistinctBy(mr => mr.WebUrl, StringComparer.Ordinal)];

    private static MergeRequestNoteView View(MergeRequestNote note, List<MergeRequestRef> week) => new()
    {
        Reference = note.Reference,
        Title = note.Title,
        Text = note.Markdown,
        Remark = Remark(note.Markdown),
        MergeRequest = week.FirstOrDefault(mr => Names(note.Reference, mr)),
        Line = note.Line,
    };

    /// <summary>The note on one line: its lines joined by spaces, and every <c>|</c> that is not yet escaped escaped, so a table row holds it.</summary>
    private static string Remark(string markdown)
    {
        var line = string.Join(' ', markdown.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
        var builder = new System.Text.StringBuilder(line.Length + 4);
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\' && i + 1 < line.Length)
            {
                builder.Append(line[i]).Append(line[++i]);
            }
            else if (line[i] == '|')
            {
                builder.Append("\\|");
            }
            else
            {
                builder.Append(line[i]);
            }
        }

        return builder.ToString();
    }
}
