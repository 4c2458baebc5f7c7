using System.Text.RegularExpressions;

namespace Reports.Config;

/// <summary>How the site is written: <c>site:</c> in <c>evidence.yml</c>.</summary>
internal sealed partial record SiteConfig
{
    /// <summary>Absolute URL the site is published at, ending in '/'; feeds use it for absolute links. Null: links stay relative.</summary>
    public Uri? BaseUrl { get; init; }

    public SiteFormat Format { get; init; } = SiteFormat.Html;

    /// <summary>Hugo content section the export writes into: <c>content/{section}/{slug}/index.md</c>.</summary>
    public string HugoSection { get; init; } = ConfigSchema.Site.DefaultHugoSection;

    internal static SiteConfig Read(ConfigReader reader, YamlSection site)
    {
        var (baseUrlKey, formatKey, sectionKey) = (ConfigSchema.Site.BaseUrl, ConfigSchema.Site.Format, ConfigSchema.Site.HugoSection);
        var baseUrl = ConfigReader.Get(site, baseUrlKey) is null ? null : reader.RequiredUrl(site, baseUrlKey, "gitlab.token_env");
        var section = reader.StringOrDefault(site, sectionKey);
        if (!SlugRegex().IsMatch(section))
        {
            throw reader.Error(site.Node(sectionKey), $"{site.KeyPath(sectionKey)}: '{section}' is not a Hugo section name (lower-case letters, digits, - and _)");
        }

        return new SiteConfig
        {
            // A base URL without its final '/' would drop its last path segment when links are resolved against it.
            BaseUrl = baseUrl is null ? null : new Uri(baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl.AbsoluteUri : baseUrl.AbsoluteUri + "/"),
            Format = reader.ChoiceOrDefault(site, formatKey, "a site format") == "hugo" ? SiteFormat.Hugo : SiteFormat.Html,
            HugoSection = section,
        };
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9_\-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugRegex();
}
