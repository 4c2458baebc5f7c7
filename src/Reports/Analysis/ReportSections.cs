namespace Reports.Analysis;

/// <summary>The report's sections as <c>sections.reviews</c> … in templates, and the notes' extra sections in file order.</summary>
internal sealed record ReportSections
{
    /// <summary>Each section's own title, by id: the one declaration the model and the default templates use.</summary>
    public static IReadOnlyDictionary<string, string> DefaultTitles { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["overview"] = "Overview",
        ["reviews"] = "Threaded MR Reviews with Severity Grading",
        ["merges"] = "Merge Coordination",
        ["contributions"] = "Direct Code Contributions to Review Findings",
        ["impact"] = "Review Impact",
        ["tickets"] = "Linear Ticket Management",
        ["planning"] = "Planning",
        ["automation"] = "Automation",
    };

    public required ReportSection Overview { get; init; }

    public required ReportSection Reviews { get; init; }

    public required ReportSection Merges { get; init; }

    public required ReportSection Contributions { get; init; }

    public required ReportSection Impact { get; init; }

    public required ReportSection Tickets { get; init; }

    public required ReportSection Planning { get; init; }

    public required ReportSection Automation { get; init; }

    /// <summary>The notes' sections under other headings, in file order, each titled as written.</summary>
    public IReadOnlyList<ReportSection> Extra { get; init; } = [];
}
