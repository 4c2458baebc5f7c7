using Reports.Config;
using Reports.Linear;

namespace Reports.Check;

/// <summary>
/// Linear's part of <c>evidence check</c>, in three requests: the key is accepted (<c>viewer</c>),
/// every student's <c>linear_email</c> has an account, and every key of <c>linear.teams</c> is a team the key can see.
/// </summary>
internal sealed class LinearCheck(EvidenceConfig config, LinearConfig linear, CheckReport report)
{
    public async Task RunAsync(LinearClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            var viewer = await client.Users.GetViewerAsync(ct);
            report.Pass("linear.api_key_env", $"{linear.ApiKeyEnv} is accepted by Linear as {viewer.Email ?? viewer.Name ?? viewer.Id}");
        }
        catch (RemoteServiceException e)
        {
            report.Refused("linear.api_key_env", $"{linear.ApiKeyEnv}: {e.Message}");
            return;
        }

        await EmailsAsync(client, ct);
        await TeamsAsync(client, ct);
    }

    private async Task EmailsAsync(LinearClient client, CancellationToken ct)
    {
        var students = config.Students.Where(s => s.LinearEmail is not null).ToList();
        if (students.Count == 0)
        {
            return;
        }

        IReadOnlyDictionary<string, LinearUser> found;
        try
        {
            found = await client.Users.FindByEmailsAsync(students.Select(s => s.LinearEmail!), ct);
        }
        catch (RemoteServiceException e)
        {
            report.Refused("linear_email", e.Message);
            return;
        }

        foreach (var student in students)
        {
            var key = GitLabCheck.KeyOf(student, ConfigSchema.Student.LinearEmail.Name);
            if (found.ContainsKey(student.LinearEmail!))
            {
                report.Pass(key, $"{student.LinearEmail} has a Linear account");
            }
            else
            {
                report.Wrong(key, $"no Linear account has the email {student.LinearEmail} (@{student.Username}); write the email of their Linear account (Linear → Settings → Account)");
            }
        }
    }

    private async Task TeamsAsync(LinearClient client, CancellationToken ct)
    {
        if (linear.Teams.Count == 0)
        {
            return;
        }

        var keys = new List<string>();
        try
        {
            await foreach (var team in client.Teams.ListAsync(ct))
            {
                keys.Add(team.Key);
            }
        }
        catch (RemoteServiceException e)
        {
            report.Refused("linear.teams", e.Message);
            return;
        }

        foreach (var team in linear.Teams)
        {
            if (keys.Contains(team, StringComparer.Ordinal))
            {
                report.Pass("linear.teams", $"team {team} exists");
            }
            else
            {
                var near = KeySuggester.Closest(team, keys) is { } suggestion ? $" (did you mean {suggestion}?)" : "";
                report.Wrong("linear.teams", $"the key sees no team {team}{near}; teams it sees: {string.Join(", ", keys.Order(StringComparer.Ordinal))}");
            }
        }
    }
}
