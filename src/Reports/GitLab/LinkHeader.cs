using System.Text.RegularExpressions;

namespace Reports.GitLab;

/// <summary>Reads RFC 8288 <c>Link</c> headers as GitLab writes them: <c>&lt;url&gt;; rel="next", …</c>.</summary>
internal static partial class LinkHeader
{
    public static Uri? Find(HttpResponseMessage response, string rel)
    {
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return null;
        }

        foreach (Match match in values.SelectMany(v => LinkRegex().Matches(v)))
        {
            var rels = match.Groups["rel"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (rels.Contains(rel, StringComparer.OrdinalIgnoreCase)
                && Uri.TryCreate(match.Groups["url"].Value, UriKind.Absolute, out var uri))
            {
                return uri;
            }
        }

        return null;
    }

    [GeneratedRegex("""<(?<url>[^>]*)>[^,]*?;\s*rel="?(?<rel>[^";,]*)"?""")]
    private static partial Regex LinkRegex();
}
