using AngleSharp;
using AngleSharp.Html.Parser;
using Ganss.Xss;
using Markdig;

namespace Reports.Rendering;

/// <summary>
/// Markdown → HTML body: Markdig with the advanced extensions, then an allow-list sanitizer as a
/// second line of defence, so no script, handler or foreign resource reaches the page.
/// </summary>
public sealed class HtmlConverter
{
    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public string ToHtml(string markdown) => _sanitizer.Sanitize(Markdown.ToHtml(markdown, MarkdownSyntax.Pipeline)).ReplaceLineEndings("\n");

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(HtmlSanitizerDefaults.AllowedTags, StringComparer.OrdinalIgnoreCase) { "details", "summary" },
            AllowedAttributes = new HashSet<string>(HtmlSanitizerDefaults.AllowedAttributes, StringComparer.OrdinalIgnoreCase) { "id", "class", "open" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(HtmlSanitizerDefaults.UriAttributes, StringComparer.OrdinalIgnoreCase),
        };
        options.AllowedAttributes.Remove("style");

        // Form controls do nothing on a report but take focus and need labels; a task list's disabled checkbox stays (below).
        options.AllowedTags.ExceptWith(["form", "button", "select", "option", "optgroup", "textarea", "fieldset", "legend", "datalist", "output", "label"]);

        // No CSS is allowed, so the parser needs no CSS support: without it every style is removed,
        // and sanitizing costs a third of the time (the same output for the demo week).
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = true }, BrowsingContext.New(Configuration.Default));
        var sanitizer = new HtmlSanitizer(options) { HtmlParserFactory = () => parser };

        // Images would be requests to other hosts; the page is self-contained, so keep only their text.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "img" } img)
            {
                var alt = img.GetAttribute("alt");
                var text = img.Owner!.CreateTextNode(string.IsNullOrEmpty(alt) ? "[image]" : $"[{alt}]");
                img.Replace(text);
            }
            else if (e.Node is AngleSharp.Dom.IElement { LocalName: "input" } input
                && !(input.GetAttribute("type") is { } type && type.Equals("checkbox", StringComparison.OrdinalIgnoreCase) && input.HasAttribute("disabled")))
            {
                input.Remove();
            }
        };
        return sanitizer;
    }
}
