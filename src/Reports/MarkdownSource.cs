using Markdig.Syntax;

namespace Reports;

/// <summary>Markdown text (LF line endings), its lines and its syntax tree, with blocks mapped back to source lines.</summary>
internal sealed class MarkdownSource
{
    private readonly int[] _lineStarts;

    internal MarkdownSource(string text)
    {
        Text = text;
        Lines = text.Split('\n');
        _lineStarts = new int[Lines.Count];
        for (var i = 1; i < Lines.Count; i++)
        {
            _lineStarts[i] = _lineStarts[i - 1] + Lines[i - 1].Length + 1;
        }

        Document = Markdig.Markdown.Parse(text, MarkdownSyntax.Reading);
    }

    public string Text { get; }

    /// <summary>The text split at LF; a trailing LF gives a last empty line.</summary>
    public IReadOnlyList<string> Lines { get; }

    public MarkdownDocument Document { get; }

    /// <summary>Index of the line that holds the character at <paramref name="offset"/>.</summary>
    public int LineOf(int offset)
    {
        var at = Array.BinarySearch(_lineStarts, offset);
        return at >= 0 ? at : ~at - 1;
    }

    /// <summary>First and last line the node was written on.</summary>
    public (int First, int Last) LinesOf(MarkdownObject node) => (LineOf(node.Span.Start), LineOf(node.Span.End));

    /// <summary>
    /// The source of a paragraph or heading line by line: the first line from where the block starts (after
    /// a list marker), the rest whole, the last up to where the block ends.
    /// </summary>
    public IEnumerable<string> TextLines(Block block)
    {
        var (first, last) = LinesOf(block);
        for (var line = first; line <= last; line++)
        {
            var start = Math.Max(_lineStarts[line], block.Span.Start);
            var end = Math.Min(_lineStarts[line] + Lines[line].Length, block.Span.End + 1);
            yield return Text[start..end];
        }
    }

    /// <summary>The exact text from <paramref name="start"/> to <paramref name="end"/>, both included.</summary>
    public string Cut(int start, int end) => Text[start..(end + 1)];
}
