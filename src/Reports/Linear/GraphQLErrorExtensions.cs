namespace Reports.Linear;

/// <summary>Linear's <c>extensions</c> of an error: <c>code</c> and <c>type</c> name its kind.</summary>
internal sealed record GraphQLErrorExtensions
{
    public string? Code { get; init; }

    public string? Type { get; init; }

    public bool? UserError { get; init; }

    public string? UserPresentableMessage { get; init; }
}
