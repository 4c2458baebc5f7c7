namespace Reports.Model;

/// <summary>A review thread on a team's merge request and who started it.</summary>
internal sealed record TeamReviewThread
{
    public required Person Reviewer { get; init; }

    public required ReviewThread Thread { get; init; }
}
