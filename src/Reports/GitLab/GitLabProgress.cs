namespace Reports.GitLab;

/// <summary>
/// Where a collection is: <see cref="Stage"/> says what is being read ("listing ppl/sira-backend",
/// "merge requests"), <see cref="Done"/> of <see cref="Total"/> counts that stage's items.
/// </summary>
public sealed record GitLabProgress(string Stage, int Done, int Total);
