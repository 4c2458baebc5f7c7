using System.CommandLine;
using Reports.Model;
using Reports.Notes;

namespace Reports.Cli.Commands;

/// <summary>
/// What a run that writes reports says at its end: each warning once on standard error (a warning the
/// weeks of a run share is said once), the files written, and for a run of many reports one closing line
/// instead of a screen of paths (<c>--verbose</c> lists them all). Warnings wait for the run to succeed:
/// a failed run says one thing, its error.
/// </summary>
internal sealed class RunLog(TextWriter stdout, TextWriter stderr, bool verbose)
{
    private readonly HashSet<string> _said = new(StringComparer.Ordinal);
    private readonly List<string> _waiting = [];

    public static RunLog For(ParseResult parse, TextWriter stdout) =>
        new(stdout, parse.InvocationConfiguration.Error, IsVerbose(parse));

    /// <summary>Whether <c>--verbose</c> was given.</summary>
    public static bool IsVerbose(ParseResult parse) => parse.GetValue<bool>(CommonOptions.VerboseName);

    public bool Verbose => verbose;

    /// <summary>The distinct warnings said so far.</summary>
    public int Warnings => _said.Count;

    /// <summary>Keeps each warning not kept before, to say as <c>warning: …</c> (<c>warning: file:line: …</c> when it names a file).</summary>
    public void Warn(IEnumerable<ReportWarning> warnings)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        foreach (var warning in warnings)
        {
            // Warnings carry project paths and titles from GitLab: one clean line each.
            var line = ErrorLine.Clean(warning.ToString());
            if (_said.Add(line))
            {
                _waiting.Add("warning: " + line);
            }
        }
    }

    /// <summary>Keeps a week's warnings: the snapshot's, a missing notes file, and what in the notes is likely a mistake.</summary>
    public void Warn(Snapshot snapshot, NarrativeNotes notes)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(notes);
        Warn([.. snapshot.Warnings ?? [], .. notes.Missing is { } missing ? [missing] : Array.Empty<ReportWarning>(), .. Pipeline.ReportGenerator.Warnings(snapshot, notes)]);
    }

    /// <summary>Says the warnings kept so far, once the run's work is done.</summary>
    public void Flush()
    {
        foreach (var line in _waiting)
        {
            stderr.WriteLine(line);
        }

        _waiting.Clear();
    }

    /// <summary>
    /// The files a run wrote: every path for a run of one report or with <c>--verbose</c>; otherwise one
    /// line with the reports, students and warnings and where the site is.
    /// </summary>
    public void Wrote(IReadOnlyList<string> paths, int reports, int students, string site)
    {
        ArgumentNullException.ThrowIfNull(paths);
        Flush();
        if (reports <= 1 || verbose)
        {
            foreach (var path in paths)
            {
                stdout.WriteLine(path);
            }
        }

        if (reports > 1)
        {
            var weeks = students > 0 ? reports / students : reports;
            stdout.WriteLine(
                $"wrote {Wording.Plural(reports, "report")} ({Wording.Plural(weeks, "week")} × {Wording.Plural(students, "student")}, {Wording.Plural(paths.Count, "file")}), " +
                $"{Wording.Plural(Warnings, "warning")}; site: {site}{(verbose ? "" : " (--verbose lists every file)")}");
        }
    }
}
