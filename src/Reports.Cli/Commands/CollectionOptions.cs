using System.CommandLine;
using Reports.Config;
using Reports.Model;
using Reports.Sources;
using Reports.Pipeline;

namespace Reports.Cli.Commands;

/// <summary>
/// What <c>build</c> and <c>collect</c> both take to collect: <c>--config</c>, the window options and
/// <c>--no-cache</c>; and how they turn into a config, a collector, windows and snapshots.
/// </summary>
/// <param name="allWeeks">Whether the command offers <c>--all-weeks</c>: <c>build</c> does, <c>collect</c> (one snapshot) does not.</param>
internal sealed class CollectionOptions(bool allWeeks = true)
{
    private readonly Option<FileInfo> _config = CommonOptions.Config();
    private readonly WindowOptions _window = new(allWeeks);
    private readonly Option<bool> _noCache = CommonOptions.NoCache();

    public void AddTo(Command command)
    {
        command.Add(_config);
        command.Add(_noCache);
        _window.AddTo(command);
    }

    public EvidenceConfig LoadConfig(ParseResult parse) => CommonOptions.LoadConfig(parse, _config, required: true)!;

    public SnapshotCollector Collector(ParseResult parse, EvidenceConfig config, TimeProvider time) =>
        new(config, SourceRegistry.FromConfig(config, useCache: !parse.GetValue(_noCache)), time);

    public IReadOnlyList<ReportWindow> Windows(ParseResult parse, SnapshotCollector collector, TimeProvider time) =>
        _window.Resolve(parse, collector.Calendar, time);

    public IReadOnlyList<ReportWindow> Windows(ParseResult parse, Calendar.CourseCalendar calendar, TimeProvider time) =>
        _window.Resolve(parse, calendar, time);

    /// <summary>
    /// One window's snapshot of every student in the config (one fetch per source), with progress on
    /// standard error; in a run of <paramref name="manyWindows"/>, one line per window unless <c>--verbose</c>.
    /// </summary>
    public static Task<IReadOnlyList<Snapshot>> CollectAsync(
        ParseResult parse, EvidenceConfig config, SnapshotCollector collector, ReportWindow window, bool manyWindows, CancellationToken ct) =>
        WithProgressAsync(parse, window, manyWindows, progress => collector.CollectAsync(window, config.Students, progress, ct));

    /// <summary>As <see cref="CollectAsync"/>, with the team's snapshot of the same fetch.</summary>
    public static Task<(IReadOnlyList<Snapshot> Students, TeamSnapshot Team)> CollectTeamAsync(
        ParseResult parse, EvidenceConfig config, SnapshotCollector collector, ReportWindow window, bool manyWindows, CancellationToken ct) =>
        WithProgressAsync(parse, window, manyWindows, progress => collector.CollectTeamAsync(window, config.Students, progress, ct));

    private static Task<T> WithProgressAsync<T>(
        ParseResult parse, ReportWindow window, bool manyWindows, Func<IProgress<CollectionProgress>, Task<T>> work) =>
        ConsoleProgress.RunAsync(
            parse.InvocationConfiguration.Error,
            $"collecting {window.Label}",
            brief: manyWindows && !RunLog.IsVerbose(parse),
            work);
}
