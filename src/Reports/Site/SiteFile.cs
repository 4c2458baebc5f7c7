namespace Reports.Site;

/// <summary>One file of a run's output: a path relative to the output folder ('/' separators) and its text.</summary>
internal sealed record SiteFile(string RelativePath, string Content);
