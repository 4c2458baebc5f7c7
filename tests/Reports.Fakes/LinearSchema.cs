using System.Text.Json;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace Reports.Fakes;

/// <summary>
/// Linear's published SDL (<c>tests/Reports.Fakes/schema.graphql</c>) as a graphql-dotnet schema,
/// built once per process: the tests validate the client's queries with it and
/// <see cref="FakeLinear"/> executes them with it. Nodes are dictionaries whose
/// <c>__typename</c> names their type.
/// </summary>
public static class LinearSchema
{
    private static readonly Lazy<Schema> Built = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly DocumentValidator Validator = new();

    public static ISchema Instance => Built.Value;

    /// <summary>The SDL text as published (with the repository's source header).</summary>
    public static string Sdl { get; } = ReadSdl();

    /// <summary>
    /// The validation errors of <paramref name="document"/> run with <paramref name="variables"/>
    /// (a JSON object, as sent on the wire): syntax, unknown fields and arguments, argument and
    /// variable types (strictly, as graphql-js checks them), undefined or unused variables,
    /// missing values for non-null variables.
    /// </summary>
    public static async Task<IReadOnlyList<GraphQLValidationProblem>> ValidateAsync(string document, JsonElement? variables = null, string? operationName = null)
    {
        GraphQLDocument parsed;
        try
        {
            parsed = Parser.Parse(document);
        }
        catch (GraphQLSyntaxErrorException ex)
        {
            return [new GraphQLValidationProblem("GRAPHQL_PARSE_FAILED", ex.Message, ex.Location.Line, ex.Location.Column)];
        }

        var operations = parsed.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = operationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
        if (operation is null)
        {
            return [new GraphQLValidationProblem("OPERATION_NOT_FOUND", operationName is null ? "the document must hold exactly one operation" : $"no operation named {operationName}")];
        }

        var result = await Validator.ValidateAsync(new ValidationOptions
        {
            Schema = Instance,
            Document = parsed,
            Operation = operation,
            Variables = GraphQLJson.ToInputs(variables),
        });
        var problems = result.Errors.Select(e => new GraphQLValidationProblem(
            e.Code ?? "INVALID",
            e.Message,
            e.Locations?.FirstOrDefault().Line,
            e.Locations?.FirstOrDefault().Column));
        var strict = StrictVariableTypes.Check(Instance, parsed, operation);
        return [.. problems.Concat(strict).DistinctBy(p => p.Message)];
    }

    private static Schema Build()
    {
        var document = Parser.Parse(Sdl);
        var schema = Schema.For(Sdl);

        // SDL-first schemas know no custom scalar: Linear's travel as the JSON they are (dates as strings).
        foreach (var scalar in document.Definitions.OfType<GraphQLScalarTypeDefinition>())
        {
            schema.RegisterType(new PassThroughScalar(scalar.Name.StringValue));
        }

        foreach (var type in schema.AdditionalTypeInstances)
        {
            switch (type)
            {
                case IAbstractGraphType abstractType:
                    abstractType.ResolveType = ResolveType;
                    break;
                case IObjectGraphType objectType when objectType == schema.Subscription:
                    // Subscriptions are never sent; a field without a stream resolver would fail the schema.
                    foreach (var field in objectType.Fields)
                    {
                        field.StreamResolver = new SourceStreamResolver<object>((Func<IResolveFieldContext, IObservable<object?>>)(_ => throw new NotSupportedException("subscriptions")));
                    }

                    break;
            }
        }

        schema.Initialize();
        return schema;
    }

    private static IObjectGraphType? ResolveType(object value) =>
        value is IDictionary<string, object?> node && node.TryGetValue("__typename", out var name) && name is string typeName
            ? Instance.AllTypes[typeName] as IObjectGraphType
            : null;

    private static string ReadSdl()
    {
        using var stream = typeof(LinearSchema).Assembly.GetManifestResourceStream("Reports.Fakes.Linear.schema.graphql")
            ?? throw new InvalidOperationException("schema.graphql is not embedded in Reports.Fakes");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>A scalar that accepts any literal or value and sends it back unchanged.</summary>
    private sealed class PassThroughScalar : ScalarGraphType
    {
        public PassThroughScalar(string name) => Name = name;

        public override object? ParseLiteral(GraphQLValue value) => value switch
        {
            GraphQLNullValue => null,
            GraphQLStringValue s => (string)s.Value,
            GraphQLIntValue i => (string)i.Value,
            GraphQLFloatValue f => (string)f.Value,
            GraphQLBooleanValue b => b.BoolValue,
            _ => ThrowLiteralConversionError(value),
        };

        public override object? ParseValue(object? value) => value;

        public override object? Serialize(object? value) => value;
    }
}
