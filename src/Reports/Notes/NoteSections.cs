using System.Text;

namespace Reports.Notes;

/// <summary>
/// The text of a notes file gathered line by line under its headings (<see cref="NoteHeadings"/>): each
/// section's text by id in file order, a repeated heading continuing its section, and each merge
/// request's notes apart from the text of the section they are under. Each line is handled in
/// constant time, so reading stays linear however the headings repeat.
/// </summary>
internal sealed class NoteSections(NoteHeadings headings, string? path)
{
    private const string Preface = "overview";

    private readonly Dictionary<string, (string Text, int Line, StringBuilder Body)> _sections = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Section, string? Project, int Iid), (int Index, StringBuilder Body)> _mergeRequests = [];
    private readonly List<(string Section, string? Project, int Iid, string? Title, int Line)> _mergeRequestOrder = [];
    private readonly StringBuilder _preamble = new();
    private readonly Dictionary<string, string> _titles = new(StringComparer.Ordinal);

    private string? _section;

    // Where the next line goes; null for the preamble, before the first section.
    private StringBuilder? _current;
    private bool _inMergeRequest;

    // A repeated heading continues its text after one blank line: the blank lines under it are not added.
    private bool _skipBlankLines;

    /// <summary>The section ids in the order their first heading stands.</summary>
    public List<string> Order { get; } = [];

    public List<Model.ReportWarning> Warnings { get; } = [];

    /// <summary>The text before the first section heading, which opens the overview.</summary>
    public string Preamble => _preamble.ToString().Trim('\n');

    public IReadOnlyDictionary<string, string> Titles => _titles;

    public IReadOnlyList<MergeRequestNote> MergeRequests =>
        [.. _mergeRequestOrder.Select(m => new MergeRequestNote(m.Section, m.Project, m.Iid, m.Title, _mergeRequests[(m.Section, m.Project, m.Iid)].Body.ToString().Trim('\n'), m.Line))];

    /// <summary>Adds line <paramref name="line"/> (from 0) of the text, <paramref name="text"/>.</summary>
    public void Add(int line, string text)
    {
        if (headings.Sections.TryGetValue(line, out var heading))
        {
            Open(heading);
        }
        else if (headings.MergeRequests.TryGetValue(line, out var mr))
        {
            OpenMergeRequest(mr);
        }
        else if (headings.FileTitles.Contains(line))
        {
            // The file's own title; the report has its own.
        }
        else
        {
            if (_inMergeRequest && headings.Ends.Contains(line))
            {
                // Another subheading: the merge request's notes end, the section goes on.
                _current = _section is null ? null : _sections[_section].Body;
                _inMergeRequest = false;
            }

            if (_skipBlankLines && string.IsNullOrWhiteSpace(text))
            {
                return;
            }

            _skipBlankLines = false;
            (_current ?? _preamble).Append(text).Append('\n');
        }
    }

    /// <summary>The text of section <paramref name="id"/>, without its merge requests' notes; null when no heading opened it.</summary>
    public string? Text(string id) => _sections.TryGetValue(id, out var section) ? section.Body.ToString().Trim('\n') : null;

    /// <summary>The text of the first heading of section <paramref name="id"/>.</summary>
    public string Title(string id) => _sections[id].Text;

    private void Open((string Id, string Text, bool IsTitle, int FileLine) heading)
    {
        _inMergeRequest = false;
        _section = heading.Id;
        if (_sections.TryGetValue(heading.Id, out var existing))
        {
            Warnings.Add(NotesWarning.At(path, heading.FileLine,
                $"the heading '{heading.Text}' has the id '{heading.Id}' of the heading on line {existing.Line}, so its text continues that section; give it another id if it is a section of its own"));
            Continue(existing.Body);
            return;
        }

        _current = new StringBuilder();
        _sections.Add(heading.Id, (heading.Text, heading.FileLine, _current));
        Order.Add(heading.Id);
        if (heading.IsTitle)
        {
            _titles[heading.Id] = heading.Text;
        }
    }

    private void OpenMergeRequest((string? Project, int Iid, string? Title, int FileLine) mr)
    {
        _inMergeRequest = true;
        var section = _section ?? Preface;
        var key = (section, mr.Project, mr.Iid);
        if (_mergeRequests.TryGetValue(key, out var existing))
        {
            var first = _mergeRequestOrder[existing.Index];
            var reference = mr.Project is null ? $"!{mr.Iid}" : $"{mr.Project}!{mr.Iid}";
            Warnings.Add(NotesWarning.At(path, mr.FileLine,
                $"'### {reference}' is the second note on {reference} in section '{section}' (the first is on line {first.Line}), so its text continues that note{(mr.Title is null || mr.Title == first.Title ? "" : " and its title is not used")}"));
            Continue(existing.Body);
            return;
        }

        _current = new StringBuilder();
        _mergeRequests.Add(key, (_mergeRequestOrder.Count, _current));
        _mergeRequestOrder.Add((section, mr.Project, mr.Iid, mr.Title, mr.FileLine));
    }

    private void Continue(StringBuilder body)
    {
        while (body.Length > 0 && body[^1] == '\n')
        {
            body.Length--;
        }

        _current = body.Append("\n\n");
        _skipBlankLines = true;
    }
}
