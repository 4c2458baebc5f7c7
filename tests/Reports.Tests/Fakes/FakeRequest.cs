namespace Reports.Tests.Fakes;

/// <summary>One request the fake received: method and the path and query exactly as sent.</summary>
public sealed record FakeRequest(string Method, string Target)
{
    public string Path => Target.Split('?', 2)[0];

    public string Query => Target.Contains('?') ? Target.Split('?', 2)[1] : "";
}
