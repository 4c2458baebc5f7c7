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
/// Each piece is balanced on its own: what it opens and leaves open is closed at its end, and an
/// end tag it did not open is dropped, so a stray <c>&lt;table&gt;</c> or <c>&lt;/ul&gt;</c> cannot take
/// the Markdown around it apart. Two kinds of element may span pieces: in a block, <c>div</c> and
/// <c>details</c>, which the templates open before Markdown and close after it
/// (<c>&lt;div class="narrative"&gt;</c> … <c>&lt;/div&gt;</c>); inline, text-level elements such as
/// <c>&lt;kbd&gt;</c>, which Markdown splits into one piece per tag. Whatever the nesting, the browser
/// sees only allowed tags and attributes and escaped text, so nothing in it can run.
/// </remarks>
internal static class RawHtmlFilter
{
    // Elements whose content is code, styles or another document: dropped with everything inside.
    private static readonly FrozenSet<string> DroppedWithContent = FrozenSet.Create(StringComparer.Ordinal,
        "script", "style", "template", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "object", "svg", "math", "select", "plaintext");

    private static readonly FrozenSet<string> Void = FrozenSet.Create(StringComparer.Ordinal,
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr");

    // Elements that stand only directly inside one of these: alone, a browser would leave them outside any list or table.
    private static readonly FrozenDictionary<string, string[]> Parents = new Dictionary<string, string[]>
    {
        ["li"] = ["ul", "ol", "menu"],
        ["dt"] = ["dl"],
        ["dd"] = ["dl"],
        ["caption"] = ["table"],
        ["colgroup"] = ["table"],
        ["col"] = ["colgroup", "table"],
        ["thead"] = ["table"],
        ["tbody"] = ["table"],
        ["tfoot"] = ["table"],
        ["tr"] = ["table", "thead", "tbody", "tfoot"],
        ["td"] = ["tr"],
        ["th"] = ["tr"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> BlockWrappers = FrozenSet.Create(StringComparer.Ordinal, "div", "details");

    private static readonly FrozenSet<string> TextLevel = FrozenSet.Create(StringComparer.Ordinal,
        "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins",
        "kbd", "mark", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var");

    // Most pieces are the templates' own few tags, the same in every report: each is filtered once.
    private const int RememberedPieces = 4096;
    private const int RememberedLength = 256;
    private static readonly ConcurrentDictionary<(string Html, bool Inline), FilteredHtml> Filtered = new();

    /// <param name="html">One piece of raw HTML: an HTML block, or one inline tag.</param>
    /// <param name="inline">Whether the piece is inline, inside a paragraph.</param>
    public static FilteredHtml Filter(string html, bool inline)
    {
        if (html.Length > RememberedLength)
        {
            return FilterNow(html, inline);
        }

        if (Filtered.TryGetValue((html, inline), out var filtered))
        {
            return filtered;
        }

        filtered = FilterNow(html, inline);
        if (Filtered.Count < RememberedPieces)
        {
            Filtered.TryAdd((html, inline), filtered);
        }

        return filtered;
    }

    private static FilteredHtml FilterNow(string html, bool inline)
    {
        var open = new List<string>();
        var closes = new List<(int At, string Name)>();
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
                // Inside a paragraph only text-level elements: a <li> or <td> there would stand outside its list or table.
                case HtmlTagToken { Type: HtmlTokenType.StartTag } tag when inline && !TextLevel.Contains(tag.Name) && tag.Name is not ("br" or "wbr" or "img"):
                    break;
                case HtmlTagToken { Type: HtmlTokenType.StartTag } tag when Parents.TryGetValue(tag.Name, out var parents):
                    // A new item or cell ends the one before it, as in a browser; it is written only in its list or table.
                    if (open.Count > 0 && EndsPrevious(tag.Name, open[^1]))
                    {
                        output.Append("</").Append(open[^1]).Append('>');
                        open.RemoveAt(open.Count - 1);
                    }

                    if (open.Count > 0 && parents.Contains(open[^1]) && WriteStartTag(output, tag) && !Void.Contains(tag.Name))
                    {
                        open.Add(tag.Name);
                    }

                    break;
                case HtmlTagToken { Type: HtmlTokenType.StartTag } tag:
                    if (WriteStartTag(output, tag) && !Void.Contains(tag.Name))
                    {
                        open.Add(tag.Name);
                    }

                    break;
                case HtmlTagToken { Type: HtmlTokenType.EndTag } tag when open.LastIndexOf(tag.Name) is var at and >= 0:
                    // Closing an element closes what it holds, as a browser would.
                    for (var j = open.Count - 1; j >= at; j--)
                    {
                        output.Append("</").Append(open[j]).Append('>');
                    }

                    open.RemoveRange(at, open.Count - at);
                    break;
                case HtmlTagToken { Type: HtmlTokenType.EndTag } tag when inline && TextLevel.Contains(tag.Name) && HtmlPolicy.AllowedTags.Contains(tag.Name):
                    output.Append("</").Append(tag.Name).Append('>');
                    break;
                case HtmlTagToken { Type: HtmlTokenType.EndTag } tag when !inline && BlockWrappers.Contains(tag.Name):
                    closes.Add((output.Length, tag.Name));
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

        // What the piece leaves open closes with it, but for what may span pieces.
        var spans = inline ? TextLevel : BlockWrappers;
        for (var j = open.Count - 1; j >= 0; j--)
        {
            if (!spans.Contains(open[j]))
            {
                output.Append("</").Append(open[j]).Append('>');
            }
        }

        return new FilteredHtml(output.ToString(), closes, [.. open.Where(spans.Contains)]);
    }

    /// <summary>The element one inline tag (<c>&lt;b&gt;</c>, <c>&lt;/script&gt;</c>) opens or closes; null for anything else.</summary>
    public static (string Name, bool Opens)? ReadTag(string tag) =>
        new HtmlTokenizer(new TextSource(tag), HtmlEntityProvider.Resolver).Get() is HtmlTagToken { IsSelfClosing: false } token
            ? (token.Name, token.Type == HtmlTokenType.StartTag)
            : null;

    /// <summary>Whether <paramref name="element"/>'s content goes with it (<c>script</c>, <c>style</c> …).</summary>
    public static bool IsDroppedWithContent(string element) => DroppedWithContent.Contains(element);

    /// <summary>Whether <paramref name="element"/> is a written text-level one (<c>b</c>, <c>kbd</c> …), which may span a paragraph's pieces.</summary>
    public static bool SpansInline(string element) => TextLevel.Contains(element) && HtmlPolicy.AllowedTags.Contains(element);

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

    private static bool EndsPrevious(string next, string open) =>
        next == open || (next, open) is ("td" or "th", "td" or "th") or ("dt" or "dd", "dt" or "dd");

    /// <returns>Whether the tag was written.</returns>
    private static bool WriteStartTag(StringBuilder output, HtmlTagToken tag)
    {
        var attributes = tag.Attributes.Select(a => new KeyValuePair<string, string>(a.Name, a.Value)).ToList();
        if (tag.Name == "img")
        {
            // An image would be a request to another host: its text stands in for it.
            var alt = attributes.FirstOrDefault(a => a.Key == "alt").Value;
            Escape(output, string.IsNullOrEmpty(alt) ? "[image]" : $"[{alt}]");
            return false;
        }

        if (!HtmlPolicy.AllowedTags.Contains(tag.Name))
        {
            return false;
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
        return true;
    }
}

/// <summary>A piece of raw HTML written to <see cref="HtmlPolicy"/>.</summary>
/// <param name="Html">The piece, balanced, without the end tags of <c>div</c> or <c>details</c> it did not open.</param>
/// <param name="Closes">
/// Where in <paramref name="Html"/> each of those end tags was, and of which element: the caller writes
/// one there only if it closes what an earlier piece at the same level of the Markdown left open.
/// </param>
/// <param name="Opens">The <c>div</c> and <c>details</c> the piece leaves open, outermost first.</param>
internal sealed record FilteredHtml(string Html, IReadOnlyList<(int At, string Name)> Closes, IReadOnlyList<string> Opens);
