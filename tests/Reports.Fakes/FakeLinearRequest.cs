using System.Text.Json;

namespace Reports.Fakes;

/// <summary>One GraphQL request the fake received: operation, variables as sent, and the status answered.</summary>
public sealed record FakeLinearRequest(string? OperationName, string Query, JsonElement? Variables, string Authorization)
{
    /// <summary>The response status, once the fake has answered (0 before).</summary>
    public int Status { get; internal set; }
}
