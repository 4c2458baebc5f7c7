using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Reports;

/// <summary>
/// Secret values read in this process (tokens, API keys), so that any text leaving it, an error
/// message or a <c>--verbose</c> trace, can be scrubbed of them whatever code produced the text.
/// Text shaped like a GitLab or Linear token (<c>glpat-…</c>, <c>lin_api_…</c>) is scrubbed too, even
/// when this run never read it: a token pasted into an argument or a comment is not echoed.
/// </summary>
internal static partial class Secrets
{
    private const string Mask = "[redacted]";
    private static readonly ConcurrentDictionary<string, byte> Values = new(StringComparer.Ordinal);

    /// <summary>Remembers <paramref name="value"/> as secret; blank or very short values are not (they would mask ordinary words).</summary>
    public static void Register(string? value)
    {
        if (!string.IsNullOrWhiteSpace(value) && value.Trim().Length >= 6)
        {
            Values.TryAdd(value.Trim(), 0);
        }
    }

    public static string Redact(string text)
    {
        foreach (var secret in Values.Keys)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return TokenShapeRegex().Replace(text, Mask);
    }

    // GitLab's token prefixes (personal, OAuth, deploy, runner, CI build, trigger, feed, incoming mail, agent, SCIM, feature flags) and Linear's.
    [GeneratedRegex(@"\b(?:gl(?:pat|oas|dt|rt|cbt|ptt|ft|imt|agent|soat|ffct)-|lin_(?:api|oauth)_)[A-Za-z0-9_\-]{8,}", RegexOptions.CultureInvariant)]
    private static partial Regex TokenShapeRegex();
}
