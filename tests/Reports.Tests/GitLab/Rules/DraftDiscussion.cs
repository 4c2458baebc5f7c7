using Reports.GitLab;

namespace Reports.Tests.GitLab.Rules;

/// <summary>A thread (or a stand-alone note) being written for a rule test.</summary>
internal sealed class DraftDiscussion(FetchedWeek week, string id, bool individualNote, GitLabNote first)
{
    public string Id { get; } = id;

    public List<GitLabNote> Notes { get; } = [first];

    public DraftDiscussion Reply(GitLabUser author, string body, DateTimeOffset at)
    {
        Notes.Add(Notes[0] with { Id = week.NextId(), Author = author, Body = body, CreatedAt = at, System = false });
        return this;
    }

    /// <summary>Marks every resolvable note resolved; <paramref name="recordTime"/> false mimics GitLab omitting <c>resolved_at</c>.</summary>
    public DraftDiscussion Resolve(GitLabUser by, DateTimeOffset at, bool recordTime = true)
    {
        for (var i = 0; i < Notes.Count; i++)
        {
            if (Notes[i].Resolvable)
            {
                Notes[i] = Notes[i] with { Resolved = true, ResolvedBy = by, ResolvedAt = recordTime ? at : null };
            }
        }

        return this;
    }

    /// <summary>Makes the first note a system note ("changed this line in version 2 of the diff").</summary>
    public DraftDiscussion AsSystem()
    {
        Notes[0] = Notes[0] with { System = true };
        return this;
    }

    public GitLabDiscussion ToDiscussion() => new() { Id = Id, IndividualNote = individualNote, Notes = [.. Notes] };
}
