namespace Reports.Check;

/// <summary>One item of <c>evidence check</c>: <c>✓ gitlab.projects: ppl/sira-backend is readable</c>, with the fix when it is not.</summary>
internal sealed record CheckLine(CheckStatus Status, string Subject, string Message)
{
    public string Symbol => Status switch
    {
        CheckStatus.Passed => "✓",
        CheckStatus.Warning => "!",
        _ => "✗",
    };

    public override string ToString() => $"{Symbol} {Subject}: {Message}";
}
