using Reports.Config;

namespace Reports.GitLab;

/// <summary>
/// Checks that GitLab has an account for every configured username (<c>GET /users?username=</c>): a
/// typo would otherwise give a report of nothing, or move a student's merges and commits to a
/// stranger. An unknown username stops the run (exit 1) with the nearest member of the configured
/// projects as a suggestion. Accounts found are cached, so a warm run asks nothing.
/// </summary>
internal sealed class StudentAccounts(GitLabClient client, IReadOnlyList<string> projects, KnownUserCache? cache)
{
    /// <summary>Members read per project for a suggestion: a course project has a few dozen.</summary>
    private const int MembersRead = 100;

    /// <exception cref="EvidenceException">A username GitLab does not know; names where it is written and the nearest member.</exception>
    public async Task CheckAsync(IReadOnlyList<StudentConfig> students, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(students);
        foreach (var student in students)
        {
            if (await FindAsync(student.Username, ct) is null)
            {
                throw new EvidenceException(await UnknownMessageAsync(student, ct));
            }
        }
    }

    /// <summary>The account's id, from the cache or GitLab; null when GitLab has no such username.</summary>
    public async Task<long?> FindAsync(string username, CancellationToken ct)
    {
        if (cache?.TryRead(client.Instance, username) is { } known)
        {
            return known;
        }

        if (await client.Users.GetByUsernameAsync(username, ct) is not { } user
            || !string.Equals(user.Username, username, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        cache?.Write(client.Instance, username, user.Id);
        return user.Id;
    }

    /// <summary>The member of the configured projects whose username is nearest to <paramref name="username"/>, with the project; null when none is near.</summary>
    public async Task<(string Username, string Project)?> NearestMemberAsync(string username, CancellationToken ct)
    {
        foreach (var project in projects)
        {
            var members = new List<string>();
            await foreach (var member in client.Projects.ListMembersAsync(project, ct))
            {
                if (member.Username is { } name)
                {
                    members.Add(name);
                }

                if (members.Count >= MembersRead)
                {
                    break;
                }
            }

            if (KeySuggester.Closest(username, members) is { } nearest)
            {
                return (nearest, project);
            }
        }

        return null;
    }

    /// <summary>e.g. <c>evidence.yml:3: student.username: GitLab at … has no user 'froklx' (did you mean 'froklax', a member of ppl/sira?); …</c>.</summary>
    public async Task<string> UnknownMessageAsync(StudentConfig student, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(student);
        var (where, key) = student.UsernameSource ?? ("the config", "student.username");
        var suggestion = await NearestMemberAsync(student.Username, ct) is var (nearest, project)
            ? $" (did you mean '{nearest}', a member of {project}?)"
            : "";
        return $"{where}: {key}: GitLab at {client.Instance} has no user '{student.Username}'{suggestion}; write the username as on the profile page, without the @";
    }
}
