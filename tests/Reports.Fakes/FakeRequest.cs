namespace Reports.Fakes;

/// <summary>One request the fake received: method, the path and query exactly as sent, and the status answered.</summary>
public sealed record FakeRequest(string Method, string Target)
{
    /// <summary>The response status, once the fake has answered (0 before).</summary>
    public int Status { get; internal set; }

    public string Path => Target.Split('?', 2)[0];

    public string Query => Target.Contains('?') ? Target.Split('?', 2)[1] : "";
}
