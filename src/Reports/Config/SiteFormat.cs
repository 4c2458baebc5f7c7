namespace Reports.Config;

/// <summary>What <c>build</c> and <c>render</c> write: the HTML site, or Hugo page bundles.</summary>
internal enum SiteFormat
{
    Html,
    Hugo,
}
