using System.Buffers;
using System.Globalization;
using System.Text;

namespace Reports;

/// <summary>
/// Unicode's bidirectional controls: the embeddings, overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069) and the marks (U+200E, U+200F, U+061C). Invisible, they reorder the text around
/// them, so an MR title can show one thing and say another ("Trojan Source"). Text from GitLab and
/// Linear shows each one as a visible <c>&lt;U+202E&gt;</c> wherever the tool writes it.
/// </summary>
internal static class BidiControls
{
    private static readonly SearchValues<char> All = SearchValues.Create(
        "\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");

    public static bool Is(char c) => All.Contains(c);

    public static bool ContainsAny(ReadOnlySpan<char> text) => text.ContainsAny(All);

    /// <summary>How <paramref name="c"/> is shown: <c>&lt;U+202E&gt;</c>.</summary>
    public static string Marker(char c) => "<U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + ">";

    /// <summary><paramref name="text"/> with each bidirectional control replaced by its <see cref="Marker"/>.</summary>
    public static string Reveal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!ContainsAny(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (Is(c))
            {
                builder.Append(Marker(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// JSON with each bidirectional control inside its strings written as a <c>\u202E</c> escape: the same
    /// data, but an editor or a diff of the file shows it in the order it is stored.
    /// </summary>
    public static string EscapeInJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (!ContainsAny(json))
        {
            return json;
        }

        // JSON allows no such character outside a string, so each one is inside a string.
        var builder = new StringBuilder(json.Length + 16);
        foreach (var c in json)
        {
            if (Is(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
