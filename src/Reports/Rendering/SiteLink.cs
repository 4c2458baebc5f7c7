namespace Reports.Rendering;

/// <summary>A link between pages of the site: a relative <see cref="Href"/> and the text to show.</summary>
internal sealed record SiteLink(string Href, string Label);
