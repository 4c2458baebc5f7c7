using System.Text;

namespace Reports.Notes;

/// <summary>
/// A notes text without its <c>&lt;!-- … --&gt;</c> comments (guidance as <c>evidence init</c> writes it is for
/// the student, not the report), and the way back from a place in it to the line of the file.
/// </summary>
internal sealed class NotesComments
{
    private const string CommentStart = "<!--";
    private const string CommentEnd = "-->";

    // Where each comment was taken out (an offset into Text) and the line breaks it held, so far.
    private readonly List<(int At, int LinesBefore)> _removed = [];

    private NotesComments(string text) => Text = text;

    /// <summary>The text without comments.</summary>
    public string Text { get; private set; }

    /// <summary>
    /// Removes every comment in one pass: an unclosed comment is left as text, and the search stops
    /// there, since no later one can close either.
    /// </summary>
    public static NotesComments Remove(string markdown)
    {
        var start = markdown.IndexOf(CommentStart, StringComparison.Ordinal);
        if (start < 0)
        {
            return new NotesComments(markdown);
        }

        var result = new NotesComments(markdown);
        var kept = new StringBuilder(markdown.Length);
        var from = 0;
        var lines = 0;
        while (start >= 0)
        {
            var end = markdown.IndexOf(CommentEnd, start + CommentStart.Length, StringComparison.Ordinal);
            if (end < 0)
            {
                break;
            }

            kept.Append(markdown, from, start - from);
            from = end + CommentEnd.Length;
            lines += markdown.AsSpan(start, from - start).Count('\n');
            result._removed.Add((kept.Length, lines));
            start = markdown.IndexOf(CommentStart, from, StringComparison.Ordinal);
        }

        result.Text = kept.Append(markdown, from, markdown.Length - from).ToString();
        return result;
    }

    /// <summary>The line of the file (from 1) that holds what is at <paramref name="offset"/> of <see cref="Text"/>, on its line <paramref name="line"/> (from 0).</summary>
    public int FileLine(int offset, int line)
    {
        // The last comment taken out at or before the offset: the line breaks of all comments up to it were before it.
        int low = 0, high = _removed.Count - 1, before = 0;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (_removed[mid].At <= offset)
            {
                before = _removed[mid].LinesBefore;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return line + before + 1;
    }
}
