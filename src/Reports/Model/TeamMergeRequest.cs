namespace Reports.Model;

/// <summary>One merge request of a team's window: who reviewed it, who approved it and who commented on it.</summary>
internal sealed record TeamMergeRequest
{
    public required MergeRequestRef MergeRequest { get; init; }

    /// <summary>Human review threads started in the window by anyone but the author; by time.</summary>
    public IReadOnlyList<TeamReviewThread> Threads { get; init; } = [];

    /// <summary>Who approved it (read for merge requests merged in the window); null when not read.</summary>
    public IReadOnlyList<Person>? ApprovedBy { get; init; }

    /// <summary>Usernames of the people who wrote any human note on it before the window ended, by username.</summary>
    public IReadOnlyList<string> Commenters { get; init; } = [];
}
