namespace Reports.Config;

/// <summary>How the site is written: <c>site:</c> in <c>evidence.yml</c>.</summary>
public sealed record SiteConfig
{
    public const string DefaultHugoSection = "evidence";

    /// <summary>Absolute URL the site is published at, ending in '/'; feeds use it for absolute links. Null: links stay relative.</summary>
    public Uri? BaseUrl { get; init; }

    public SiteFormat Format { get; init; } = SiteFormat.Html;

    /// <summary>Hugo content section the export writes into: <c>content/{section}/{slug}/index.md</c>.</summary>
    public string HugoSection { get; init; } = DefaultHugoSection;
}
