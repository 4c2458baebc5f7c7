using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;

namespace Reports.Rendering;

/// <summary>
/// Raw HTML inside Markdown (a notes file's <c>&lt;kbd&gt;</c>, the templates' <c>&lt;details&gt;</c>)
/// rewritten to <see cref="HtmlPolicy"/>: read with AngleSharp's HTML tokenizer, each allowed tag
/// written again with its allowed attributes and text escaped; anything else dropped.
/// </summary>
/// <remarks>
/// A piece may open a tag that another piece closes (<c>&lt;div class="narrative"&gt;</c> … <c>&lt;/div&gt;</c>
/// around Markdown), so tags are filtered one by one rather than as a tree. Whatever the nesting,
/// the browser sees only allowed tags and attributes and escaped text, so nothing in it can run.
/// </remarks>
internal static class RawHtmlFilter
{
    // Elements whose content is code, styles or another document: dropped with everything inside.
    private static readonly FrozenSet<string> DroppedWithContent = FrozenSet.Create(StringComparer.Ordinal,
        "script", "style", "template", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "object", "svg", "math", "select", "plaintext");

    private static readonly FrozenSet<string> Void = FrozenSet.Create(StringComparer.Ordinal,
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr");

    // Most pieces are the templates' own few tags, the same in every report: each is filtered once.
    private const int RememberedPieces = 4096;
    private const int RememberedLength = 256;
    private static readonly ConcurrentDictionary<string, string> Filtered = new(StringComparer.Ordinal);

    public static string Filter(string html)
    {
        if (html.Length > RememberedLength)
        {
            return FilterNow(html);
        }

        if (Filtered.TryGetValue(html, out var filtered))
        {
            return filtered;
        }

        filtered = FilterNow(html);
        if (Filtered.Count < RememberedPieces)
        {
            Filtered.TryAdd(html, filtered);
        }

        return filtered;
    }

    private static string FilterNow(string html)
    {
        var tokens = new List<HtmlToken>();
        var tokenizer = new HtmlTokenizer(new TextSource(html), HtmlEntityProvider.Resolver);
        for (var token = tokenizer.Get(); token.Type != HtmlTokenType.EndOfFile; token = tokenizer.Get())
        {
            tokens.Add(token);
        }

        var output = new StringBuilder(html.Length);
        for (var i = 0; i < tokens.Count; i++)
        {
            switch (tokens[i])
            {
                // A dropped element goes with its content up to its end tag; without one (an unclosed
                // <textarea> runs a Markdown HTML block to the end of the notes) only the tag goes.
                case HtmlTagToken { Type: HtmlTokenType.StartTag, IsSelfClosing: false } tag when DroppedWithContent.Contains(tag.Name):
                    var end = tokens.FindIndex(i + 1, t => t is HtmlTagToken { Type: HtmlTokenType.EndTag } e && e.Name == tag.Name);
                    i = end < 0 ? i : end;
                    break;
                case HtmlTagToken { Type: HtmlTokenType.StartTag } tag:
                    WriteStartTag(output, tag);
                    break;
                case HtmlTagToken { Type: HtmlTokenType.EndTag } tag when HtmlPolicy.AllowedTags.Contains(tag.Name) && !Void.Contains(tag.Name):
                    output.Append("</").Append(tag.Name).Append('>');
                    break;
                case { Type: HtmlTokenType.Character } text:
                    Escape(output, text.Data);
                    break;

                // An unclosed comment runs to the end too: its text stays, as text.
                case { Type: HtmlTokenType.Comment } comment when !html.Contains("-->", StringComparison.Ordinal):
                    Escape(output, comment.Data);
                    break;
            }
        }

        return output.ToString();
    }

    /// <summary>The element an inline tag opens whose content is dropped with it (<c>script</c>, <c>style</c> …), if it does.</summary>
    public static string? DroppedElement(string tag) =>
        new HtmlTokenizer(new TextSource(tag), HtmlEntityProvider.Resolver).Get() is HtmlTagToken { Type: HtmlTokenType.StartTag, IsSelfClosing: false } start
            && DroppedWithContent.Contains(start.Name)
            ? start.Name
            : null;

    /// <summary>Whether the inline tag <paramref name="tag"/> is the end tag of <paramref name="element"/>.</summary>
    public static bool Closes(string tag, string element) =>
        new HtmlTokenizer(new TextSource(tag), HtmlEntityProvider.Resolver).Get() is HtmlTagToken { Type: HtmlTokenType.EndTag } end && end.Name == element;

    /// <summary><paramref name="text"/> with <c>&amp; &lt; &gt; "</c> as entities, for text or a quoted attribute value.</summary>
    public static void Escape(StringBuilder output, string text)
    {
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => output.Append("&amp;"),
                '<' => output.Append("&lt;"),
                '>' => output.Append("&gt;"),
                '"' => output.Append("&quot;"),
                _ => output.Append(c),
            };
        }
    }

    private static void WriteStartTag(StringBuilder output, HtmlTagToken tag)
    {
        var attributes = tag.Attributes.Select(a => new KeyValuePair<string, string>(a.Name, a.Value)).ToList();
        if (tag.Name == "img")
        {
            // An image would be a request to another host: its text stands in for it.
            var alt = attributes.FirstOrDefault(a => a.Key == "alt").Value;
            Escape(output, string.IsNullOrEmpty(alt) ? "[image]" : $"[{alt}]");
            return;
        }

        if (!HtmlPolicy.AllowedTags.Contains(tag.Name))
        {
            return;
        }

        output.Append('<').Append(tag.Name);
        foreach (var (name, value) in attributes.DistinctBy(a => a.Key, StringComparer.Ordinal))
        {
            if (HtmlPolicy.AllowedAttributes.Contains(name) && (!HtmlPolicy.UriAttributes.Contains(name) || HtmlPolicy.IsSafeUrl(value)))
            {
                output.Append(' ').Append(name).Append("=\"");
                Escape(output, value);
                output.Append('"');
            }
        }

        output.Append('>');
    }
}
