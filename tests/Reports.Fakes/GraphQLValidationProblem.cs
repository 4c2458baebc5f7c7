namespace Reports.Fakes;

/// <summary>One reason a GraphQL document does not validate, with graphql-dotnet's rule code.</summary>
public sealed record GraphQLValidationProblem(string Code, string Message, int? Line = null, int? Column = null)
{
    public override string ToString() => Line is { } line ? $"{Code} at {line}:{Column}: {Message}" : $"{Code}: {Message}";
}
