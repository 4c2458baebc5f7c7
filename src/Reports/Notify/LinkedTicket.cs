namespace Reports.Notify;

/// <summary>One row of the note: a ticket linked to the merge request, as Linear describes it.</summary>
/// <param name="Identifier">e.g. <c>SIRA-125</c>; always a team key, a dash and a number.</param>
/// <param name="Found">False when the merge request names the identifier but Linear has no such ticket (or hides it).</param>
internal sealed record LinkedTicket(string Identifier, bool Found)
{
    /// <summary>Untrusted text: the template escapes it (<c>gl.text</c>).</summary>
    public string? Title { get; init; }

    /// <summary>The workflow state's name, e.g. "In Progress"; untrusted text too.</summary>
    public string? State { get; init; }

    /// <summary>triage, backlog, unstarted, started, completed or canceled.</summary>
    public string? StateType { get; init; }

    public string? Url { get; init; }
}
