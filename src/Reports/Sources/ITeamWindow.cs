namespace Reports.Sources;

/// <summary>A fetched window that also knows facts about the team as a whole (who reviewed and approved whose merge requests).</summary>
internal interface ITeamWindow : IFetchedWindow
{
    /// <summary>Adds the window's team facts to <paramref name="team"/>. Pure and repeatable.</summary>
    void ContributeTo(TeamSnapshotBuilder team);
}
