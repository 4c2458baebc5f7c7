namespace Reports.Notify;

/// <summary>What a run of <c>evidence notify</c> did (or, with <c>--dry-run</c>, would do) to the merge request.</summary>
internal enum NotifyAction
{
    /// <summary>Posted a new note.</summary>
    Created,

    /// <summary>Edited the token user's marked note in place.</summary>
    Edited,

    /// <summary>The token user's note already says this; nothing was sent.</summary>
    Unchanged,

    /// <summary>No linked ticket, <c>notify.skip_when_empty</c>, and no earlier note: nothing was sent.</summary>
    Skipped,
}
