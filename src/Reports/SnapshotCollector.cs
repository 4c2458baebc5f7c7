using Reports.Calendar;
using Reports.Config;
using Reports.GitLab;
using Reports.Model;

namespace Reports;

/// <summary>
/// Runs the online half of the pipeline: config + window → GitLab → snapshot. Build one per run;
/// it owns the HTTP client (one connection pool and resilience pipeline for every window).
/// </summary>
public sealed class SnapshotCollector : IDisposable
{
    private readonly EvidenceConfig _config;
    private readonly CourseCalendar _calendar;
    private readonly GitLabClient _client;
    private readonly MergeRequestCache? _cache;

    /// <param name="environment">Reads environment variables (the token); the process environment by default.</param>
    public SnapshotCollector(EvidenceConfig config, bool useCache, Func<string, string?>? environment = null, GitLabClientOptions? options = null)
    {
        _config = config;
        _calendar = new CourseCalendar(config.Calendar);
        _client = GitLabClient.FromConfig(config.GitLab, environment, options);
        _cache = useCache ? new MergeRequestCache(config.CacheDirectory) : null;
    }

    public CourseCalendar Calendar => _calendar;

    public async Task<Snapshot> CollectAsync(ReportWindow window, IProgress<GitLabProgress>? progress, CancellationToken ct)
    {
        var (start, end) = _calendar.Instants(window);
        var activity = await new GitLabCollector(_client, _config.GitLab, _cache).CollectAsync(_config.Student, start, end, progress, ct);
        var snapshot = new Snapshot
        {
            SchemaVersion = Snapshot.CurrentSchemaVersion,
            Course = _config.Course ?? "",
            Student = new Person(_config.Student.Username, _config.Student.Name),
            Window = window,
        };
        return SnapshotSerializer.Normalize(activity.ApplyTo(snapshot));
    }

    public void Dispose() => _client.Dispose();
}
