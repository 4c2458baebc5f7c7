using System.Buffers;
using System.Collections.Frozen;
using Ganss.Xss;

namespace Reports.Rendering;

/// <summary>
/// What HTML a report's body may hold: HtmlSanitizer's default allow-list of tags and attributes
/// with a few changes (below), no CSS, and links only to http, https and mailto or within the site.
/// <see cref="HtmlConverter"/> writes nothing else, and the tests hold its output to this policy
/// with HtmlSanitizer itself.
/// </summary>
internal static class HtmlPolicy
{
    /// <summary>Tags that may appear; <c>details</c> and <c>summary</c> fold suggested fixes away.</summary>
    public static FrozenSet<string> AllowedTags { get; } = HtmlSanitizerDefaults.AllowedTags
        .Append("details").Append("summary")

        // Form controls do nothing on a report but take focus and need labels (a task list's
        // checkboxes are drawn as ballot boxes). Images would be requests to other hosts.
        .Except(["form", "input", "button", "select", "option", "optgroup", "textarea", "fieldset", "legend", "datalist", "output", "label", "img"], StringComparer.OrdinalIgnoreCase)
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Attributes that may appear, <c>style</c> not among them: the page's policy allows no inline style.</summary>
    public static FrozenSet<string> AllowedAttributes { get; } = HtmlSanitizerDefaults.AllowedAttributes
        .Append("id").Append("class").Append("open")
        .Where(a => !a.Equals("style", StringComparison.OrdinalIgnoreCase))
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Attributes that hold a URL, which must pass <see cref="IsSafeUrl"/>.</summary>
    public static FrozenSet<string> UriAttributes { get; } = HtmlSanitizerDefaults.UriAttributes.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The schemes a URL may have; a URL without one is relative and stays within the site.</summary>
    public static FrozenSet<string> AllowedSchemes { get; } = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "http", "https", "mailto");

    private static readonly char[] ControlOrSpace = [.. Enumerable.Range(0, 0x21).Select(c => (char)c)];
    private static readonly SearchValues<char> TabOrLineBreak = SearchValues.Create("\t\n\r");
    private static readonly SearchValues<char> PathQueryOrFragment = SearchValues.Create("/?#");

    /// <summary>
    /// Whether a browser following <paramref name="url"/> goes to an allowed scheme or stays relative.
    /// Browsers drop tabs and line breaks anywhere in a URL and control characters and spaces around
    /// it before they read the scheme, so this does too (<c>java&amp;#9;script:</c> is still javascript).
    /// </summary>
    public static bool IsSafeUrl(string? url) => string.IsNullOrEmpty(url) || SchemeOf(url) is not { } scheme || AllowedSchemes.Contains(scheme);

    /// <summary>
    /// The scheme a browser reads from <paramref name="url"/> (<c>JaVaScRiPt</c>, as written), or null
    /// when it has none and is relative.
    /// </summary>
    internal static string? SchemeOf(string url)
    {
        var normalized = Normalize(url);
        var colon = normalized.IndexOf(':');

        // "a/b:c", "?x:y" and "#x:y" are relative: a scheme comes before any path, query or fragment.
        return colon < 0 || normalized.AsSpan(0, colon).ContainsAny(PathQueryOrFragment) ? null : normalized[..colon];
    }

    /// <summary><paramref name="url"/> as a browser reads it: without tabs and line breaks, and trimmed of control characters and spaces.</summary>
    internal static string Normalize(string url)
    {
        if (url.AsSpan().ContainsAny(TabOrLineBreak))
        {
            url = new string([.. url.Where(c => c is not ('\t' or '\n' or '\r'))]);
        }

        return url.Trim(ControlOrSpace);
    }
}
