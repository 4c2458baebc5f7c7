using System.Globalization;
using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Reports.Rendering;

/// <summary>Small readings and writings of Markdown that <see cref="MarkdownRewriter"/> makes of remote text.</summary>
internal static class MarkdownText
{
    /// <summary>Text whose bidirectional controls read as escaped markers (<c>\&lt;U+202E&gt;</c>), other characters as numeric entities.</summary>
    public static string EntityText(string decoded)
    {
        var builder = new StringBuilder();
        foreach (var c in decoded)
        {
            _ = BidiControls.Is(c)
                ? builder.Append(EscapedMarker(c))
                : builder.Append("&#").Append(((int)c).ToString(CultureInfo.InvariantCulture)).Append(';');
        }

        return builder.ToString();
    }

    public static string EscapedMarker(char c) => BidiControls.Marker(c).Replace("<", "\\<", StringComparison.Ordinal);

    public static bool IsAsciiPunctuation(char c) => c < 128 && (char.IsPunctuation(c) || char.IsSymbol(c));

    public static bool Within(SourceSpan span, SourceSpan container) =>
        !span.IsEmpty && span.Start >= container.Start && span.End <= container.End && span.Length > 0;

    public static bool InsideLink(Inline inline)
    {
        for (var parent = inline.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is LinkInline { IsImage: false })
            {
                return true;
            }
        }

        return false;
    }

    public static string PlainText(ContainerInline container) =>
        string.Concat(container.Descendants<Inline>().Select(i => i switch
        {
            LiteralInline literal => literal.Content.ToString(),
            CodeInline code => code.Content,
            _ => "",
        }));
}
