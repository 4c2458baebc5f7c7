namespace Reports.Rendering;

/// <summary>
/// Template functions (<c>md.text</c>, <c>md.inline</c>, <c>md.block</c>, <c>md.code</c>, <c>md.code_span</c>,
/// <c>md.url</c>, <c>md.indent</c>) that put untrusted text from GitLab and Linear into Markdown so it reads
/// as written and never as HTML, a script link or a hidden reordering (<see cref="UntrustedMarkdown"/>).
/// This set renders for the HTML site and report.md; <see cref="HugoMarkdownFunctions"/> for the Hugo export.
/// </summary>
internal static class MarkdownFunctions
{
    /// <summary>One line of plain text: Markdown and HTML syntax escaped, line breaks folded.</summary>
    public static string Text(string? text) => UntrustedMarkdown.Text(text, hugo: false);

    /// <summary>
    /// One line of Markdown written by someone else (a finding's title): emphasis and code spans
    /// kept, raw HTML shown as text, line breaks folded, and nothing that could start a block.
    /// </summary>
    /// <param name="baseUrl">The merge request's <c>web_url</c>: relative links resolve against it, and are text without it.</param>
    public static string Inline(string? markdown, string? baseUrl = null) => UntrustedMarkdown.Inline(markdown, baseUrl, hugo: false);

    /// <summary>
    /// <paramref name="markdown"/> moved under a list item whose marker is <paramref name="width"/>
    /// characters wide ("10. " is 4), so every line stays inside the item however many items there are.
    /// Blank lines stay empty; a non-empty result ends with a blank line.
    /// </summary>
    public static string Indent(string? markdown, int width)
    {
        var text = (markdown ?? "").TrimEnd('\n');
        if (text.Length == 0)
        {
            return "";
        }

        // The blank line after the item's last block separates it from what follows.
        var pad = new string(' ', Math.Clamp(width, 0, 16));
        return string.Join('\n', text.Split('\n').Select(line => line.Length == 0 ? line : pad + line)) + "\n";
    }

    /// <summary>
    /// Multi-line Markdown written by someone else (a review comment): kept as Markdown, with raw HTML
    /// shown as text, links only to http, https and mailto, and images as links to them.
    /// </summary>
    /// <param name="baseUrl">The merge request's <c>web_url</c>: relative links resolve against it, and are text without it.</param>
    public static string Block(string? markdown, string? baseUrl = null) => UntrustedMarkdown.Block(markdown, baseUrl, hugo: false);

    /// <summary>
    /// A link destination: only absolute http(s) URLs pass (anything else becomes <c>#</c>), with
    /// the characters that would end a Markdown link or start a Hugo shortcode percent-encoded.
    /// </summary>
    public static string Url(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? RemoteLinks.Encode(url!.Trim())
            : "#";

    /// <summary>An inline code span (a file path, a branch) that no backtick inside can end early.</summary>
    public static string CodeSpan(string? text) => UntrustedMarkdown.CodeSpan(text, hugo: false);

    /// <summary>A fenced code block whose fence is longer than any backtick run inside the code.</summary>
    public static string Code(string? code, string? language = null) => UntrustedMarkdown.CodeBlock(code, language, hugo: false);
}
