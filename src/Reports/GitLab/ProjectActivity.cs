namespace Reports.GitLab;

/// <summary>When a project's newest merge request activity was (its <c>updated_at</c>); null when it has no merge request.</summary>
internal sealed record ProjectActivity(string Project, DateTimeOffset? Newest);
