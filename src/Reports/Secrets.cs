using System.Collections.Concurrent;

namespace Reports;

/// <summary>
/// Secret values read in this process (tokens, API keys), so that any text leaving it, an error
/// message or a <c>--verbose</c> trace, can be scrubbed of them whatever code produced the text.
/// </summary>
internal static class Secrets
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

        return text;
    }
}
