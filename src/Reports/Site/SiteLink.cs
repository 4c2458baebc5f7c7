namespace Reports.Site;

/// <summary>A link between pages of the site: a relative <see cref="Href"/> and the text to show.</summary>
public sealed record SiteLink(string Href, string Label);
