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
    /// <summary>Shorter values are not secrets: masking them would garble ordinary words (<c>x</c> in a host name).</summary>
    public const int MinimumLength = 6;

    private const string Mask = "[redacted]";
    private static readonly ConcurrentDictionary<string, byte> Values = new(StringComparer.Ordinal);

    /// <summary>Remembers <paramref name="value"/> as secret; blank or very short values are not (see <see cref="MinimumLength"/>).</summary>
    public static void Register(string? value)
    {
        if (IsSecret(value))
        {
            Values.TryAdd(value!.Trim(), 0);
        }
    }

    /// <summary>Every secret read in this process masked in <paramref name="text"/>.</summary>
    public static string Redact(string text) => Redact(text, Values.Keys);

    /// <summary><paramref name="secrets"/> masked in <paramref name="text"/>, with the one threshold of <see cref="MinimumLength"/>.</summary>
    public static string Redact(string text, IEnumerable<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        foreach (var secret in secrets)
        {
            if (IsSecret(secret))
            {
                text = text.Replace(secret.Trim(), Mask, StringComparison.Ordinal);
            }
        }

        return TokenShapeRegex().Replace(text, Mask);
    }

    private static bool IsSecret(string? value) => !string.IsNullOrWhiteSpace(value) && value.Trim().Length >= MinimumLength;

    // GitLab's token prefixes (personal, OAuth, deploy, runner, CI build, trigger, feed, incoming mail, agent, SCIM, feature flags) and Linear's.
    [GeneratedRegex(@"\b(?:gl(?:pat|oas|dt|rt|cbt|ptt|ft|imt|agent|soat|ffct)-|lin_(?:api|oauth)_)[A-Za-z0-9_\-]{8,}", RegexOptions.CultureInvariant)]
    private static partial Regex TokenShapeRegex();
}
