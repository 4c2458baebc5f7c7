namespace Reports.Rendering;

/// <summary>
/// A kind of report the site holds (docs/architecture.md, "Add a report kind"): its name, the Markdown
/// template that draws its model, the page template that wraps the HTML, and the Markdown file it writes
/// in its week's folder. <see cref="ReportKinds"/> registers every kind in one place.
/// </summary>
internal sealed record ReportKind(string Name, string MarkdownTemplate, string PageTemplate, string MarkdownFile);
