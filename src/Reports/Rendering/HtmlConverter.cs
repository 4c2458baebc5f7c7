using Markdig;
using Markdig.Extensions.Alerts;
using Markdig.Extensions.Tables;
using Markdig.Extensions.TaskLists;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Reports.Rendering;

/// <summary>
/// Markdown → HTML body, written to <see cref="HtmlPolicy"/> as it is rendered: a second line of
/// defence behind the templates' escaping, so no script, handler, style or foreign resource reaches
/// the page whatever the Markdown holds.
/// </summary>
/// <remarks>
/// Markdig escapes every text and attribute value it writes; what it would pass through is made
/// safe in the syntax tree first: raw HTML goes through <see cref="RawHtmlFilter"/>, links and
/// autolinks with another scheme become their text, images their alt text, a task list's
/// checkboxes ballot boxes (☑ ☐), <c>{…}</c> attributes are cut to the allowed ones, and table
/// alignment (an inline style) is dropped. Rendering the tree this way costs a tenth of sanitizing
/// the finished HTML, which was 40 % of a site build; <c>HtmlPolicyTests</c> holds the output to
/// HtmlSanitizer with the same policy.
/// </remarks>
internal sealed class HtmlConverter
{
    private static readonly IReadOnlySet<string> NoImages = new HashSet<string>();

    public string ToHtml(string markdown) => ToHtml(markdown, NoImages);

    /// <param name="images">
    /// The destinations of the notes' images whose files this run copies beside the page: such an image in
    /// the student's notes (inside a <c>&lt;div class="narrative"&gt;</c>) is drawn, lazy-loaded; any other
    /// image is a link to an http(s) address, or its alt text.
    /// </param>
    public string ToHtml(string markdown, IReadOnlySet<string> images)
    {
        var document = Markdown.Parse(markdown, MarkdownSyntax.Pipeline);
        MakeSafe(document, images);

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        MarkdownSyntax.Pipeline.Setup(renderer);
        renderer.ObjectRenderers.Replace<HtmlBlockRenderer>(new FilteredHtmlBlockRenderer());
        renderer.ObjectRenderers.Replace<HtmlInlineRenderer>(new FilteredHtmlInlineRenderer());
        if (renderer.ObjectRenderers.Find<AlertBlockRenderer>() is { } alerts)
        {
            // Markdig draws an icon beside an alert's title as inline SVG; the title's word is enough.
            alerts.RenderKind = (html, kind) => html.Write("<p class=\"markdown-alert-title\">").WriteEscape(Title(kind.ToString())).Write("</p>\n");
        }

        renderer.Render(document);
        writer.Flush();
        return writer.ToString().ReplaceLineEndings("\n");
    }

    private static void MakeSafe(MarkdownDocument document, IReadOnlySet<string> images)
    {
        var nodes = new List<MarkdownObject>();
        var inNotes = new HashSet<MarkdownObject>();
        Collect(document, nodes, inNotes, notes: false);
        foreach (var node in nodes)
        {
            if (node.TryGetAttributes() is { Properties: { Count: > 0 } properties })
            {
                properties.RemoveAll(p => !HtmlPolicy.AllowedAttributes.Contains(p.Key) || HtmlPolicy.UriAttributes.Contains(p.Key));
            }

            switch (node)
            {
                case LinkInline { IsImage: true } image when inNotes.Contains(image) && images.Contains(image.Url ?? "") && !InsideLink(image):
                    // A file this run copies beside the page, shown where the student put it.
                    image.GetAttributes().AddProperty("loading", "lazy");
                    image.GetAttributes().AddProperty("decoding", "async");
                    break;
                case LinkInline { IsImage: true } image when !InsideLink(image) && HtmlPolicy.SchemeOf(image.Url ?? "")?.ToLowerInvariant() is "http" or "https":
                    // An image elsewhere would be a request to that host as the page opens: a link the reader may follow instead.
                    image.IsImage = false;
                    if (image.FirstChild is null)
                    {
                        image.AppendChild(new LiteralInline("image"));
                    }

                    break;
                case LinkInline { IsImage: true } image:
                    // An image that is neither: its text stands in for it.
                    var alt = PlainText(image);
                    image.ReplaceBy(new LiteralInline(alt.Length == 0 ? "[image]" : $"[{alt}]"), copyChildren: false);
                    break;
                case LinkInline link when !HtmlPolicy.IsSafeUrl(link.GetDynamicUrl?.Invoke() ?? link.Url):
                    Unwrap(link);
                    break;
                case AutolinkInline autolink when !autolink.IsEmail && !HtmlPolicy.IsSafeUrl(autolink.Url):
                    autolink.ReplaceBy(new LiteralInline(autolink.Url));
                    break;
                case HtmlInline html when RawHtmlFilter.ReadTag(html.Tag) is (var name, true) && RawHtmlFilter.IsDroppedWithContent(name) && EndOf(html, name) is { } end:
                    // "<script>alert(1)</script>" in a paragraph is three inlines: the text between goes too
                    // (without an end tag only the tag goes, as in a block).
                    while (html.NextSibling is { } next && next != end)
                    {
                        next.Remove();
                    }

                    break;
                case TaskList task:
                    // A checkbox would be a form control without a label; the ballot box reads the same.
                    task.ReplaceBy(new LiteralInline(task.Checked ? "\u2611" : "\u2610"));
                    break;
                case Table table:
                    foreach (var column in table.ColumnDefinitions)
                    {
                        column.Alignment = null;
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// Every block and inline under <paramref name="container"/>, in document order (as Markdig's
    /// <c>Descendants()</c>), taken before the tree changes; each paragraph's text-level tags are closed first.
    /// The images inside the student's notes go in <paramref name="inNotes"/>: between a
    /// <c>&lt;div class="narrative"&gt;</c> block, which only <see cref="NarrativeMarkup"/> writes (raw HTML in
    /// remote text is escaped), and the end tag that closes it, as <see cref="FilteredHtmlBlockRenderer"/> pairs them.
    /// </summary>
    private static void Collect(ContainerBlock container, List<MarkdownObject> nodes, HashSet<MarkdownObject> inNotes, bool notes)
    {
        // The div and details blocks of this container left open, and whether each is the notes' wrapper.
        var open = new List<(string Name, bool Notes)>();
        foreach (var block in container)
        {
            nodes.Add(block);
            var here = notes || open.Exists(o => o.Notes);
            if (block is HtmlBlock html)
            {
                var text = html.Lines.ToString();
                var piece = RawHtmlFilter.Filter(text, inline: false);
                foreach (var (_, name) in piece.Closes)
                {
                    if (open.Count > 0 && open[^1].Name == name)
                    {
                        open.RemoveAt(open.Count - 1);
                    }
                }

                var wrapper = text.Trim() == NarrativeMarkup.Opening;
                open.AddRange(piece.Opens.Select(name => (name, wrapper && name == "div")));
            }
            else if (block is ContainerBlock inner)
            {
                Collect(inner, nodes, inNotes, here);
            }
            else if (block is LeafBlock { Inline: { } inlines } leaf)
            {
                CloseTextLevelTags(leaf);
                Collect(inlines, nodes, here ? inNotes : null);
            }
        }
    }

    private static void Collect(ContainerInline container, List<MarkdownObject> nodes, HashSet<MarkdownObject>? inNotes)
    {
        for (var child = container.FirstChild; child is not null; child = child.NextSibling)
        {
            nodes.Add(child);
            if (child is LinkInline { IsImage: true })
            {
                inNotes?.Add(child);
            }

            if (child is ContainerInline inner)
            {
                Collect(inner, nodes, inNotes);
            }
        }
    }

    private static bool InsideLink(Inline inline)
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

    /// <summary>
    /// A paragraph's <c>&lt;b&gt;</c> or <c>&lt;kbd&gt;</c> left open is closed at its end: the browser would
    /// otherwise carry it on into what follows, even between a list's items, taking the list apart.
    /// </summary>
    private static void CloseTextLevelTags(LeafBlock leaf)
    {
        if (leaf.Inline is not { } inlines)
        {
            return;
        }

        List<string>? open = null;
        Track(inlines, ref open);
        for (var i = (open?.Count ?? 0) - 1; i >= 0; i--)
        {
            inlines.AppendChild(new HtmlInline($"</{open![i]}>"));
        }
    }

    // The text-level tags still open after the raw HTML in container, in document order (most leaves have none).
    private static void Track(ContainerInline container, ref List<string>? open)
    {
        for (var child = container.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is ContainerInline inner)
            {
                Track(inner, ref open);
            }

            if (child is not HtmlInline html)
            {
                continue;
            }

            switch (RawHtmlFilter.ReadTag(html.Tag))
            {
                case (string name, true) when RawHtmlFilter.SpansInline(name):
                    (open ??= []).Add(name);
                    break;
                case (string name, false) when open is not null && open.LastIndexOf(name) is var at and >= 0:
                    open.RemoveRange(at, open.Count - at);
                    break;
            }
        }
    }

    private static Inline? EndOf(HtmlInline start, string element)
    {
        for (var next = start.NextSibling; next is not null; next = next.NextSibling)
        {
            if (next is HtmlInline end && RawHtmlFilter.ReadTag(end.Tag) == (element, false))
            {
                return end;
            }
        }

        return null;
    }

    // The link's text stays where the link was, as text (after an empty literal standing in for the link).
    private static void Unwrap(LinkInline link) => link.ReplaceBy(new LiteralInline(string.Empty));

    private static string PlainText(ContainerInline container) =>
        string.Concat(container.Descendants<Inline>().Select(i => i switch
        {
            LiteralInline literal => literal.Content.ToString(),
            CodeInline code => code.Content,
            _ => "",
        }));

    private static string Title(string kind) => kind.Length == 0 ? kind : kind[..1].ToUpperInvariant() + kind[1..].ToLowerInvariant();

    /// <summary>
    /// Writes each HTML block to the policy. A <c>&lt;/div&gt;</c> or <c>&lt;/details&gt;</c> is written only
    /// where it closes the last one that a block in the same container left open (the templates'
    /// <c>&lt;div class="narrative"&gt;</c> … <c>&lt;/div&gt;</c>): a stray one in a list item would close
    /// the list around it.
    /// </summary>
    private sealed class FilteredHtmlBlockRenderer : HtmlObjectRenderer<HtmlBlock>
    {
        private readonly Dictionary<ContainerBlock, List<string>> _open = [];

        protected override void Write(HtmlRenderer renderer, HtmlBlock obj)
        {
            var piece = RawHtmlFilter.Filter(obj.Lines.ToString(), inline: false);
            var open = _open.TryGetValue(obj.Parent!, out var list) ? list : _open[obj.Parent!] = [];
            var written = 0;
            renderer.EnsureLine();
            foreach (var (at, name) in piece.Closes)
            {
                renderer.Write(piece.Html[written..at]);
                written = at;
                if (open.Count > 0 && open[^1] == name)
                {
                    renderer.Write($"</{name}>");
                    open.RemoveAt(open.Count - 1);
                }
            }

            renderer.Write(piece.Html[written..]);
            renderer.EnsureLine();
            open.AddRange(piece.Opens);
        }
    }

    private sealed class FilteredHtmlInlineRenderer : HtmlObjectRenderer<HtmlInline>
    {
        protected override void Write(HtmlRenderer renderer, HtmlInline obj) => renderer.Write(RawHtmlFilter.Filter(obj.Tag, inline: true).Html);
    }
}
