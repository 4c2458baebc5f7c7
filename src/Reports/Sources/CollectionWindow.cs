namespace Reports.Sources;

/// <summary>The instants a collection covers, <c>[Start, End)</c>: local midnight to local midnight of the report window.</summary>
internal sealed record CollectionWindow
{
    public CollectionWindow(DateTimeOffset start, DateTimeOffset end)
    {
        if (end <= start)
        {
            throw new ArgumentException($"the window must end after it starts ({start:O} to {end:O})", nameof(end));
        }

        Start = start;
        End = end;
    }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    /// <summary>Compared as instants, whatever offset the service wrote; an unknown time is never inside.</summary>
    public bool Contains(DateTimeOffset? at) => at is { } t && t >= Start && t < End;
}
