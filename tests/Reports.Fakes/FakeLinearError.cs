using GraphQL;

namespace Reports.Fakes;

/// <summary>A GraphQL error as Linear words it: <c>extensions</c> with code, type, userError and a presentable message.</summary>
internal sealed class FakeLinearError(string message, string code, string type, string? userPresentableMessage = null)
    : ExecutionError(message)
{
    public string LinearCode { get; } = code;

    public string LinearType { get; } = type;

    public string? UserPresentableMessage { get; } = userPresentableMessage;

    public static FakeLinearError EntityNotFound(string entity) =>
        new($"Entity not found: {entity}", "INPUT_ERROR", "invalid input", $"Could not find referenced {entity}.");

    public static FakeLinearError InvalidInput(string message) => new(message, "INPUT_ERROR", "invalid input", message);
}
