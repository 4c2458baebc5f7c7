using System.Globalization;
using System.Text;
using Markdig;
using Markdig.Extensions.Footnotes;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Reports.Notes;

namespace Reports.Rendering;

/// <summary>
/// Rewrites Markdown written by someone else in place, through its syntax tree, so the rest reads
/// exactly as written: each change is made to the source span of one node, and the text between
/// nodes is copied with only single characters escaped.
/// </summary>
/// <remarks>
/// The tree comes from <see cref="MarkdownSyntax.Remote"/>, CommonMark with the extensions Hugo's
/// Goldmark turns on, so a link Hugo would draw is a link here too. Renderers still differ at the
/// edges (Markdig drops a footnote nothing cites, with the text it took into it), so the result is
/// read again as plain CommonMark, and any link found there that does not lead to http, https or
/// mailto becomes text, until none is left; for Hugo, code is kept from being read as a script link
/// (<see cref="RemoteLinks.DefuseInCode"/>) where Goldmark's blocks differ from Markdig's.
/// </remarks>
internal sealed class MarkdownRewriter
{

    /// <summary>Passes of the second reading before the text is given up on and shown whole as text.</summary>
    private const int CheckPasses = 4;

    private readonly string _text;
    private readonly string? _baseUrl;

    // False for the student's own notes: only raw HTML and links to other schemes are changed.
    private readonly bool _remote;
    private readonly bool _hugo;

    // The second reading: only links another renderer would see and the first reading missed are changed.
    private readonly bool _check;

    // The student's notes on the HTML site, where the page holds raw HTML to its policy: only images of other places become links.
    private readonly bool _imagesOnly;
    private readonly List<(int Start, int Length, string Text)> _edits = [];

    private MarkdownRewriter(string text, bool remote, bool hugo, string? baseUrl, bool check = false, bool imagesOnly = false)
    {
        _text = text;
        _remote = remote;
        _hugo = hugo;
        _baseUrl = baseUrl;
        _check = check;
        _imagesOnly = imagesOnly;
    }

    /// <summary>
    /// Markdown from GitLab or Linear: raw HTML escaped, links resolved (<see cref="RemoteLinks"/>) or
    /// made text, images made links, bidirectional controls shown; for Hugo, every <c>{</c> of the
    /// text escaped and shortcodes in code made inert (<see cref="HugoShortcodes"/>).
    /// </summary>
    public static string Remote(string markdown, string? baseUrl, bool hugo)
    {
        // Without these there is no HTML, link, entity, control or brace to change (bare URLs are left to the renderer).
        if (markdown.AsSpan().IndexOfAny("<[&") < 0 && !BidiControls.ContainsAny(markdown) && !(hugo && markdown.Contains('{', StringComparison.Ordinal)))
        {
            return markdown;
        }

        return Checked(new MarkdownRewriter(markdown, remote: true, hugo, baseUrl).Rewrite(), remote: true, hugo);
    }

    /// <summary>
    /// The student's notes for the HTML site and <c>report.md</c>: as written, but an image of another place
    /// (<c>![chart](https://…/c.png)</c>) becomes a link to it; only the files copied beside the page show as images.
    /// </summary>
    public static string NotesImages(string markdown) =>
        markdown.Contains("![", StringComparison.Ordinal) ? new MarkdownRewriter(markdown, remote: false, hugo: false, baseUrl: null, imagesOnly: true).Rewrite() : markdown;

    /// <summary>
    /// The student's notes: raw HTML escaped, links to other schemes than http, https and mailto made text,
    /// images of other places made links (the files beside the notes stay images).
    /// </summary>
    public static string Notes(string markdown) =>
        markdown.AsSpan().IndexOfAny("<[") < 0 ? markdown : Checked(new MarkdownRewriter(markdown, remote: false, hugo: false, baseUrl: null).Rewrite(), remote: false, hugo: false);

    /// <summary><paramref name="markdown"/> read again as plain CommonMark until it has no link that may not stay.</summary>
    private static string Checked(string markdown, bool remote, bool hugo)
    {
        for (var pass = 0; pass < CheckPasses; pass++)
        {
            if (markdown.AsSpan().IndexOfAny("<[") < 0)
            {
                return markdown;
            }

            var next = new MarkdownRewriter(markdown, remote, hugo, baseUrl: null, check: true).Rewrite();
            if (ReferenceEquals(next, markdown))
            {
                return markdown;
            }

            markdown = next;
        }

        // Links inside links inside links: no Markdown is left at all.
        return new MarkdownRewriter(markdown, remote, hugo, baseUrl: null).HtmlAsText(0, markdown.Length);
    }

    private string Rewrite()
    {
        var document = Markdown.Parse(_text, _check ? MarkdownSyntax.CommonMark : MarkdownSyntax.Remote);
        foreach (var node in document.Descendants())
        {
            if (_imagesOnly)
            {
                if (node is LinkInline { IsImage: true, IsAutoLink: false } image && !NoteImages.IsLocal(image.Url ?? ""))
                {
                    AsLink(image);
                }

                continue;
            }

            if (_check)
            {
                Check(node);
                continue;
            }

            switch (node)
            {
                case HtmlBlock or HtmlInline when !node.Span.IsEmpty && node.Span.End < _text.Length:
                    Replace(node.Span.Start, node.Span.Length, HtmlAsText(node.Span.Start, node.Span.Length));
                    break;
                case CodeInline code when _remote && code.Span.Length >= 2 * code.DelimiterCount:
                    var content = code.Span.Start + code.DelimiterCount;
                    Code(content, code.Span.End + 1 - code.DelimiterCount - content);
                    break;
                case CodeBlock block when _remote && !block.Span.IsEmpty && block.Span.End < _text.Length:
                    // The whole block, fences and indents too (a tab-indented block's lines are copies), so a shortcode over several lines stays whole.
                    Code(block.Span.Start, block.Span.Length);
                    break;
                case HtmlEntityInline entity when _remote && BidiControls.ContainsAny(entity.Transcoded.AsSpan()):
                    Replace(entity.Span.Start, entity.Span.Length, MarkdownText.EntityText(entity.Transcoded.ToString()));
                    break;
                case LinkInline link:
                    Link(link);
                    break;
                case AutolinkInline autolink:
                    Autolink(autolink);
                    break;
                case LinkReferenceDefinition definition and not FootnoteLinkReferenceDefinition:
                    Definition(definition);
                    break;
            }
        }

        return Apply();
    }

    /// <summary>
    /// In the second reading, a link (or image, autolink, definition) that does not lead to an absolute
    /// http, https or mailto URL (in notes: that has another scheme) becomes text. A footnote's
    /// <c>[^1]</c>, a link to plain CommonMark, is left unless its "URL" has another scheme.
    /// </summary>
    private void Check(MarkdownObject node)
    {
        switch (node)
        {
            case LinkInline { IsAutoLink: false } link when (link.IsImage && (_remote || !NoteImages.IsLocal(link.Url ?? ""))) || !Stays(link.Url, link.Label):
                Unwrap(link);
                break;
            case AutolinkInline autolink when !Stays(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url, label: null):
                Replace(autolink.Span.Start, autolink.Span.Length, UntrustedMarkdown.Text($"<{autolink.Url}>", _hugo));
                break;
            case LinkReferenceDefinition definition when !definition.Span.IsEmpty && definition.Span.End < _text.Length && !Stays(definition.Url, definition.Label):
                Replace(definition.Span.Start, definition.Span.Length, "");
                break;
        }
    }

    private bool Stays(string? url, string? label) =>
        label?.StartsWith('^') == true || !_remote
            ? HtmlPolicy.IsSafeUrl(url)
            : RemoteLinks.Resolve(url, baseUrl: null) is not null;

    private void Link(LinkInline link)
    {
        // A bare URL (http, https, ftp, www., mailto, tel): the renderer links it or not, and none of them runs.
        if (link.IsAutoLink)
        {
            return;
        }

        var target = Empty(link.Url, link.Reference is null ? link.UrlSpan : null, link.Span) ? null : Target(link.Url);
        if (target is null || (link.IsImage && _remote && MarkdownText.InsideLink(link)))
        {
            Unwrap(link);
            return;
        }

        if (link.IsImage && (_remote || !NoteImages.IsLocal(link.Url ?? "")))
        {
            AsLink(link);
        }

        // A reference link's URL is its definition's, rewritten there.
        if (_remote && link.Reference is null && MarkdownText.Within(link.UrlSpan, link.Span))
        {
            Replace(link.UrlSpan.Start, link.UrlSpan.Length, RemoteLinks.Encode(target));
            Title(link.Title, link.TitleSpan, link.Span);
        }
    }

    /// <summary>An image would be a request from the reader's browser to another host: a link to it instead.</summary>
    private void AsLink(LinkInline image) =>
        Replace(image.Span.Start, image.FirstChild is null ? 2 : 1, image.FirstChild is null ? "[image" : "");

    private void Autolink(AutolinkInline autolink)
    {
        var url = autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url;
        if (Target(url) is not { } target)
        {
            Replace(autolink.Span.Start, autolink.Span.Length, UntrustedMarkdown.Text($"<{autolink.Url}>", _hugo));
        }
        else if (_remote && RemoteLinks.Encode(target) is var encoded && encoded != target)
        {
            // Neither escapes nor entities work inside <…>: a link whose destination can hold the encoded URL.
            Replace(autolink.Span.Start, autolink.Span.Length, $"[{UntrustedMarkdown.Text(autolink.Url, _hugo)}]({encoded})");
        }
    }

    private void Definition(LinkReferenceDefinition definition)
    {
        if (definition.Span.IsEmpty || definition.Span.End >= _text.Length)
        {
            return;
        }

        if ((Empty(definition.Url, definition.UrlSpan, definition.Span) ? null : Target(definition.Url)) is not { } target)
        {
            // Its links become text (Unwrap); gone, it cannot lend its URL to a label another renderer matches differently.
            Replace(definition.Span.Start, definition.Span.Length, "");
        }
        else if (_remote && MarkdownText.Within(definition.UrlSpan, definition.Span))
        {
            Replace(definition.UrlSpan.Start, definition.UrlSpan.Length, RemoteLinks.Encode(target));
            Title(definition.Title, definition.TitleSpan, definition.Span);
        }
    }

    /// <summary>
    /// Whether a remote link's destination is empty (<c>[y]()</c>, <c>[y](&lt;&gt;)</c>, <c>[r]: &lt;&gt;</c>): it
    /// leads nowhere, where it would otherwise link the site's own page.
    /// </summary>
    /// <param name="span">Where the destination is written, or null when elsewhere (a reference link's definition).</param>
    private bool Empty(string? url, SourceSpan? span, SourceSpan within) =>
        _remote && (string.IsNullOrEmpty(url) || (span is { } written && !MarkdownText.Within(written, within)));

    /// <summary>Where a link may go: for remote text resolved by <see cref="RemoteLinks"/>; in notes as written, if its scheme is allowed.</summary>
    private string? Target(string? url) =>
        _remote ? RemoteLinks.Resolve(url, _baseUrl) : HtmlPolicy.IsSafeUrl(url) ? url ?? "" : null;

    /// <summary>The link's text stays where the link was: its brackets and destination go.</summary>
    private void Unwrap(LinkInline link)
    {
        var open = link.IsImage ? 2 : 1;
        var labelEnd = link.LastChild is { } last ? last.Span.End + 1 : link.Span.Start + open;
        if (labelEnd > link.Span.Start && labelEnd <= link.Span.End && _text[labelEnd] == ']' && _text[link.Span.Start + open - 1] == '[')
        {
            // Text that opened a line could start a block ("# …", "- …") where the bracket stood.
            Replace(link.Span.Start, open, labelEnd > link.Span.Start + open && _text[link.Span.Start + open] is '#' or '>' or '-' or '+' or '=' or '|' ? "\\" : "");
            Replace(labelEnd, link.Span.End + 1 - labelEnd, "");
        }
        else
        {
            // Spans that do not line up with the brackets: the link's plain text instead.
            Replace(link.Span.Start, link.Span.Length, UntrustedMarkdown.Text(MarkdownText.PlainText(link), _hugo));
        }
    }

    private void Title(string? title, SourceSpan span, SourceSpan within)
    {
        if (title is null || !MarkdownText.Within(span, within) || _text[span.Start] is not ('"' or '\'' or '('))
        {
            return;
        }

        var builder = new StringBuilder(title.Length + 2).Append('"');
        foreach (var c in BidiControls.Reveal(title.ReplaceLineEndings(" ")))
        {
            if (c is '"' or '\\' or '&' || (_hugo && c == '{'))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        Replace(span.Start, span.Length, builder.Append('"').ToString());
    }

    private void Code(int start, int length)
    {
        // Made even when nothing changes, so the escaping of the text around it does not reach inside.
        var code = BidiControls.Reveal(_text.Substring(start, length));
        Replace(start, length, UntrustedMarkdown.Code(_hugo ? RemoteLinks.DefuseInCode(code) : code, _hugo));
    }

    /// <summary>
    /// Raw HTML as text that reads as written, escaped line by line as <c>md.text</c> escapes: once its
    /// tags no longer make it HTML, nothing inside it (a link in a <c>&lt;div&gt;</c>) may become Markdown.
    /// </summary>
    private string HtmlAsText(int start, int length)
    {
        var lines = _text.Substring(start, length).Split('\n');
        var builder = new StringBuilder(length + 16);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (i > 0)
            {
                // A block quote's '>' or a list item's indent before a continuation line stays the container's.
                var prefix = line.Length - line.AsSpan().TrimStart(" \t>").Length;
                builder.Append('\n').Append(line, 0, prefix);
                line = line[prefix..];
            }

            builder.Append(UntrustedMarkdown.Escape(line, _hugo, reveal: _remote));
        }

        return builder.ToString();
    }

    private void Replace(int start, int length, string text) => _edits.Add((start, length, text));

    private string Apply()
    {
        // The second reading changes nothing between its edits: without one, the text as it is.
        if (_check && _edits.Count == 0)
        {
            return _text;
        }

        var builder = new StringBuilder(_text.Length + 16);
        var next = 0;
        foreach (var (start, length, text) in _edits.OrderBy(e => e.Start))
        {
            // An edit inside one already made (the code in a link made text) is part of it.
            if (start < next)
            {
                continue;
            }

            Gap(builder, next, start);
            builder.Append(text);
            next = start + length;
        }

        Gap(builder, next, _text.Length);
        return builder.ToString();
    }

    /// <summary>Text between the rewritten nodes: for remote text, controls shown and, for Hugo, every <c>{</c> escaped.</summary>
    private void Gap(StringBuilder builder, int from, int to)
    {
        if (!_remote || _check)
        {
            builder.Append(_text, from, to - from);
            return;
        }

        for (var i = from; i < to; i++)
        {
            var c = _text[i];
            if (c == '\\' && i + 1 < to && MarkdownText.IsAsciiPunctuation(_text[i + 1]))
            {
                // Already an escape ("\{" stays "\{", not "\\{").
                builder.Append(c).Append(_text[++i]);
            }
            else if (BidiControls.Is(c))
            {
                builder.Append(MarkdownText.EscapedMarker(c));
            }
            else if (_hugo && c == '{')
            {
                builder.Append("\\{");
            }
            else
            {
                builder.Append(c);
            }
        }
    }
}
