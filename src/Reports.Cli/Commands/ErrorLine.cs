using System.Globalization;
using System.Text;

namespace Reports.Cli.Commands;

/// <summary>
/// What the CLI prints on standard error for a failure: one line, no control characters (a NUL
/// or an escape sequence from a file or a server would garble the terminal or the CI log), no secret.
/// </summary>
internal static class ErrorLine
{
    public static string Format(string message) => "error: " + Clean(message);

    /// <summary>
    /// Secrets redacted; line breaks and tabs as spaces; other control characters as <c>\xNN</c>;
    /// bidirectional controls, which would reorder the line unseen, as <c>&lt;U+202E&gt;</c>.
    /// </summary>
    public static string Clean(string text)
    {
        var redacted = BidiControls.Reveal(Secrets.Redact(text)).Replace("\r\n", "\n", StringComparison.Ordinal);
        var line = new StringBuilder(redacted.Length);
        foreach (var c in redacted)
        {
            if (c is '\r' or '\n' or '\t')
            {
                line.Append(' ');
            }
            else if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                line.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            }
            else
            {
                line.Append(c);
            }
        }

        return line.ToString().Trim();
    }
}
