namespace Reports.Rendering;

/// <summary>
/// The <c>md.*</c> template functions when a report renders for the Hugo export: as
/// <see cref="MarkdownFunctions"/>, and no text from GitLab or Linear can form a Hugo shortcode or fail
/// the site's build (<see cref="HugoShortcodes"/>). The HTML site keeps code exactly as written, so a
/// suggested fix copied from it has no zero-width space.
/// </summary>
internal static class HugoMarkdownFunctions
{
    /// <inheritdoc cref="MarkdownFunctions.Text"/>
    public static string Text(string? text) => HugoShortcodes.Neutralise(UntrustedMarkdown.Text(text, hugo: true));

    /// <inheritdoc cref="MarkdownFunctions.Inline"/>
    public static string Inline(string? markdown, string? baseUrl = null) => HugoShortcodes.Neutralise(UntrustedMarkdown.Inline(markdown, baseUrl, hugo: true));

    /// <inheritdoc cref="MarkdownFunctions.Indent"/>
    public static string Indent(string? markdown, int width) => MarkdownFunctions.Indent(markdown, width);

    /// <inheritdoc cref="MarkdownFunctions.Block"/>
    public static string Block(string? markdown, string? baseUrl = null) => HugoShortcodes.Neutralise(UntrustedMarkdown.Block(markdown, baseUrl, hugo: true));

    /// <inheritdoc cref="MarkdownFunctions.Url"/>
    public static string Url(string? url) => MarkdownFunctions.Url(url);

    /// <inheritdoc cref="MarkdownFunctions.CodeSpan"/>
    public static string CodeSpan(string? text) => HugoShortcodes.Neutralise(UntrustedMarkdown.CodeSpan(text, hugo: true));

    /// <inheritdoc cref="MarkdownFunctions.Code"/>
    public static string Code(string? code, string? language = null) => HugoShortcodes.Neutralise(UntrustedMarkdown.CodeBlock(code, language, hugo: true));
}
