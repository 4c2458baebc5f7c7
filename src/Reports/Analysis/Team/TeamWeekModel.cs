using Reports.Model;

namespace Reports.Analysis.Team;

/// <summary>What the team week template (<c>team-week.md.sbn</c>) sees: the team's week as a whole.</summary>
internal sealed record TeamWeekModel
{
    public required string Title { get; init; }

    public string? Course { get; init; }

    /// <summary>The team's name in a course; null for a team site of its own.</summary>
    public string? Team { get; init; }

    public required WindowView Window { get; init; }

    /// <summary>The week was collected before it ended: its numbers and flags may still change.</summary>
    public bool InProgress { get; init; }

    public IReadOnlyList<TeamStudentWeek> Students { get; init; } = [];

    /// <summary>The matrix's columns: authors of merge requests that received review threads, students first.</summary>
    public IReadOnlyList<Person> Authors { get; init; } = [];

    public IReadOnlyList<ReviewMatrixRow> Matrix { get; init; } = [];

    public IReadOnlyList<TeamMerge> Merges { get; init; } = [];

    public IReadOnlyList<AttentionFlag> Flags { get; init; } = [];
}
