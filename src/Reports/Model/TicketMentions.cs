using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Reports.Model;

/// <summary>
/// docs/rules.md "Ticket ↔ merge request link", the text half: a ticket identifier as a whole word
/// in a merge request's source branch, title or description. Only identifiers of known team keys
/// are found, so <c>UTF-8</c> or <c>SHA-256</c> are never taken for tickets.
/// </summary>
internal static class TicketMentions
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    // One compiled pattern per set of team keys, built once: a run uses one or two sets.
    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The texts a merge request can name tickets in.</summary>
    public static IEnumerable<string> Texts(MergeRequestRef mr)
    {
        ArgumentNullException.ThrowIfNull(mr);
        return new[] { mr.SourceBranch, mr.Title, mr.Description }.OfType<string>();
    }

    /// <summary>
    /// Identifiers (<c>SIRA-125</c>, key upper-cased) of the teams <paramref name="teamKeys"/> named
    /// anywhere in <paramref name="texts"/>, compared ignoring case (<c>sira-125-cancel-invoice</c>
    /// names SIRA-125), in order of first appearance.
    /// </summary>
    public static IReadOnlyList<string> Find(IEnumerable<string?> texts, IEnumerable<string> teamKeys)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(teamKeys);
        var keys = teamKeys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => Regex.Escape(k.Trim())).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (keys.Count == 0)
        {
            return [];
        }

        var pattern = Patterns.GetOrAdd(string.Join('|', keys), alternatives =>
            new Regex($@"(?<![A-Za-z0-9])(?<key>{alternatives})-(?<number>[0-9]{{1,9}})(?![0-9])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout));
        var found = new List<string>();
        foreach (var text in texts.OfType<string>())
        {
            foreach (Match match in pattern.Matches(text))
            {
                var number = int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture);
                var identifier = string.Create(CultureInfo.InvariantCulture, $"{match.Groups["key"].Value.ToUpperInvariant()}-{number}");
                if (!found.Contains(identifier, StringComparer.Ordinal))
                {
                    found.Add(identifier);
                }
            }
        }

        return found;
    }

    /// <summary>True when <paramref name="identifier"/> appears as a whole word in one of the merge request's texts, ignoring case.</summary>
    public static bool Names(MergeRequestRef mr, string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return identifier.Length > 0 && Texts(mr).Any(text => ContainsWord(text, identifier));
    }

    /// <summary>The full link rule: named in the merge request's texts, or attached by Linear with the merge request's URL.</summary>
    public static bool Links(string identifier, IEnumerable<string> attachmentUrls, MergeRequestRef mr)
    {
        ArgumentNullException.ThrowIfNull(attachmentUrls);
        ArgumentNullException.ThrowIfNull(mr);
        return attachmentUrls.Any(url => SameUrl(url, mr.WebUrl)) || Names(mr, identifier);
    }

    // A scan rather than a regex: this runs for every ticket against every merge request of a report.
    private static bool ContainsWord(string text, string identifier)
    {
        for (var at = text.IndexOf(identifier, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(identifier, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + identifier.Length;
            if ((at == 0 || !char.IsAsciiLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsAsciiDigit(text[end])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>URLs compared ignoring case and a trailing <c>/</c>, as Linear and GitLab may write them differently.</summary>
    public static bool SameUrl(string? a, string? b) =>
        a is not null && b is not null && string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
