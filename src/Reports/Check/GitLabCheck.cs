using System.Globalization;
using Reports.Calendar;
using Reports.Config;
using Reports.GitLab;
using Reports.Model;
using Reports.Sources;

namespace Reports.Check;

/// <summary>
/// GitLab's part of <c>evidence check</c>, in a handful of requests: the token is accepted and has the
/// scope the commands need, each project is readable, each username exists (with the nearest member
/// as a suggestion), the projects have merge request activity inside the sprint calendar, and the
/// students' emails are the ones their commits of the week carry.
/// </summary>
internal sealed class GitLabCheck(EvidenceConfig config, CheckReport report)
{
    /// <summary>Own merge requests whose commits are read per student for the email check: enough to see the emails used.</summary>
    private const int OwnMergeRequestsRead = 2;

    private GitLabConfig GitLab => config.GitLab;

    /// <param name="week">The week whose commits show the students' emails; null when today is in no sprint.</param>
    public async Task RunAsync(GitLabClient client, CourseCalendar calendar, ReportWindow? week, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(calendar);
        if (!await TokenAsync(client, "gitlab.token_env", GitLab.TokenEnv, GitLabClientOptions.ReadScope, ct))
        {
            return;
        }

        var projects = new List<(string Key, string Path)>();
        foreach (var configured in GitLab.Projects)
        {
            try
            {
                var project = await client.Projects.GetAsync(configured, ct);
                var path = project.PathWithNamespace ?? configured;
                projects.Add((project.Id > 0 ? project.Id.ToString(CultureInfo.InvariantCulture) : configured, path));
                report.Pass("gitlab.projects", $"{path} is readable");
            }
            catch (RemoteServiceException e)
            {
                report.Refused("gitlab.projects", $"{e.Message}; write the project's full path as in its URL (group/project) or its numeric id, and give the token's user at least the Reporter role");
            }
        }

        await UsernamesAsync(client, ct);
        if (calendar.Sprints.Count > 0)
        {
            foreach (var (key, path) in projects)
            {
                await CalendarActivityAsync(client, calendar, key, path, now, ct);
            }
        }

        if (week is not null)
        {
            await EmailsAsync(client, calendar, week, projects, ct);
        }
    }

    /// <summary>
    /// The token in <paramref name="tokenEnv"/> is accepted (<c>GET /user</c>) and has <paramref name="scope"/>
    /// (or <c>api</c>, which includes every read); false when GitLab refused it, so nothing else can be asked.
    /// </summary>
    public async Task<bool> TokenAsync(GitLabClient client, string key, string tokenEnv, string scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        GitLabUser user;
        try
        {
            user = await client.Users.GetCurrentAsync(ct);
        }
        catch (RemoteServiceException e)
        {
            report.Refused(key, $"{tokenEnv}: {e.Message}");
            return false;
        }

        report.Pass(key, $"{tokenEnv} is accepted by {client.Instance.GetLeftPart(UriPartial.Authority)} as @{user.Username}");
        var token = await client.Users.GetTokenAsync(ct);
        if (token?.Scopes is not { } scopes)
        {
            report.Warn(key, $"{tokenEnv}: its scopes could not be checked (GitLab before 15.5, or not a personal, project or group access token); it needs the {scope} scope");
        }
        else if (scopes.Contains(scope, StringComparer.Ordinal) || scopes.Contains(GitLabClientOptions.WriteScope, StringComparer.Ordinal))
        {
            report.Pass(key, $"{tokenEnv} has the {scope} scope");
        }
        else
        {
            report.Wrong(key, $"{tokenEnv} has the scopes {string.Join(", ", scopes)} but not {scope}; create a token with the {scope} scope and set {tokenEnv} to it");
        }

        return true;
    }

    private async Task UsernamesAsync(GitLabClient client, CancellationToken ct)
    {
        var accounts = new StudentAccounts(client, GitLab.Projects, cache: null);
        foreach (var student in config.Students)
        {
            var (where, key) = student.UsernameSource ?? (config.SourcePath, "student.username");
            try
            {
                if (await accounts.FindAsync(student.Username, ct) is not null)
                {
                    report.Pass(key, $"@{student.Username} exists");
                }
                else
                {
                    report.Wrong(key, (await accounts.UnknownMessageAsync(student, ct)).Replace($": {key}: ", ": ", StringComparison.Ordinal));
                }
            }
            catch (RemoteServiceException e)
            {
                report.Refused(key, $"{where}: {e.Message}");
            }
        }
    }

    /// <summary>Some merge request moved between the calendar's first and last day; if none, where the project's activity is.</summary>
    private async Task CalendarActivityAsync(GitLabClient client, CourseCalendar calendar, string key, string path, DateTimeOffset now, CancellationToken ct)
    {
        var first = calendar.Sprints.Min(s => s.Start);
        var last = calendar.Sprints.Max(s => s.End);
        var start = calendar.Instants(new ReportWindow(first, first, calendar.TimeZoneId)).Start;
        var end = calendar.Instants(new ReportWindow(last, last, calendar.TimeZoneId)).End;
        var inside = new MergeRequestQuery { State = "all", UpdatedAfter = start, CreatedBefore = end };
        if (await FirstAsync(client, key, inside, ct) is not null)
        {
            report.Pass("calendar.sprints", $"{path} has merge request activity inside the sprint calendar ({Day(first)} to {Day(last)})");
            return;
        }

        var newest = await FirstAsync(client, key, new MergeRequestQuery { State = "all", OrderBy = "updated_at", Sort = "desc" }, ct);
        var where = (newest?.UpdatedAt ?? newest?.CreatedAt) is { } at
            ? $"newest merge request activity {Day(calendar.LocalDate(at))}"
            : "it has no merge request yet";
        var message = $"{path} has no merge request activity inside the sprint calendar: {where}; calendar starts {Day(first)}";

        // A calendar that has run for less than a week may simply be new: a week-1 student must pass.
        if (calendar.LocalDate(now).DayNumber - first.DayNumber < 7 || newest is null)
        {
            report.Warn("calendar.sprints", message);
        }
        else
        {
            report.Wrong("calendar.sprints", $"{message}; check the sprints' dates in calendar.sprints (the year too)");
        }
    }

    /// <summary>Warnings for students whose emails are empty or match none of the commits on their own merge requests of the week.</summary>
    private async Task EmailsAsync(GitLabClient client, CourseCalendar calendar, ReportWindow week, List<(string Key, string Path)> projects, CancellationToken ct)
    {
        var (start, end) = calendar.Instants(week);
        var window = new CollectionWindow(start, end);
        var listed = new List<(string Key, string Path, GitLabMergeRequest Mr)>();
        foreach (var (key, path) in projects)
        {
            await foreach (var mr in client.MergeRequests.ListAsync(key, new MergeRequestQuery { State = "all", UpdatedAfter = start, CreatedBefore = end }, ct))
            {
                listed.Add((key, path, mr));
            }
        }

        foreach (var student in config.Students)
        {
            var fetched = new List<FetchedMergeRequest>();
            if (student.Emails.Count > 0)
            {
                foreach (var (key, path, mr) in listed.Where(l => string.Equals(l.Mr.Author?.Username, student.Username, StringComparison.OrdinalIgnoreCase)).Take(OwnMergeRequestsRead))
                {
                    var commits = new List<GitLabCommit>();
                    await foreach (var commit in client.MergeRequests.ListCommitsAsync(key, mr.Iid, ct))
                    {
                        commits.Add(commit);
                    }

                    fetched.Add(FetchedMergeRequest.Create(path, mr, [], commits));
                }
            }

            var gitLabWindow = new GitLabWindow { Instance = client.Instance, Window = window, Projects = [.. projects.Select(p => p.Path)], Bots = GitLab.Bots, MergeRequests = fetched };
            var warnings = GitLabWarnings.For(student, gitLabWindow, new GitLabRules(student, GitLab.Bots, window), week).ToList();
            foreach (var warning in warnings)
            {
                report.Warn(EmailsKey(student), warning.ToString());
            }

            if (warnings.Count == 0 && student.Emails.Count > 0)
            {
                report.Pass(EmailsKey(student), fetched.Count > 0
                    ? $"@{student.Username}'s commits of {week.Label} carry one of their emails"
                    : $"@{student.Username} has {student.Emails.Count} email(s); no own merge request of {week.Label} to compare them with yet");
            }
        }
    }

    private static string EmailsKey(StudentConfig student) => KeyOf(student, ConfigSchema.Student.Emails.Name);

    /// <summary>The key of a student's <paramref name="field"/> as the config names it: <c>students[1].emails</c>, or the roster's column.</summary>
    internal static string KeyOf(StudentConfig student, string field) =>
        student.UsernameSource is { Key: var key } && key.LastIndexOf('.') is > 0 and var dot ? key[..(dot + 1)] + field
        : student.UsernameSource is not null ? field
        : "student." + field;

    private static async Task<GitLabMergeRequest?> FirstAsync(GitLabClient client, string key, MergeRequestQuery query, CancellationToken ct)
    {
        await foreach (var mr in client.MergeRequests.ListAsync(key, query, ct))
        {
            return mr;
        }

        return null;
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
