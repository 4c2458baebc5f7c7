namespace Reports.Analysis.Team;

/// <summary>
/// One entry of a week's attention list (docs/rules.md, "Attention list"): what it is, whom it names,
/// the sentence that says it and the link to its evidence.
/// </summary>
/// <param name="Kind">no-activity, unreviewed-merge, approval-without-comment, merge-concentration or last-day.</param>
/// <param name="Username">The student it names, or null when it names a merge request only.</param>
/// <param name="Text">Plain text (names in it are untrusted; templates escape it).</param>
/// <param name="Href">The evidence: an absolute http(s) link to GitLab, or a path relative to the team's root.</param>
internal sealed record AttentionFlag(string Kind, string? Username, string Text, string Href)
{
    /// <summary>True when <see cref="Href"/> leads off the site (to GitLab).</summary>
    public bool External => Href.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || Href.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
}
