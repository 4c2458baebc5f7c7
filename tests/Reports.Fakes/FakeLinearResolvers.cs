using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Reports.Fakes;

/// <summary>
/// How the shared schema answers: root fields from the <see cref="FakeLinear"/> running the query
/// (its root value), every other field from the dictionary its parent resolved to, connections
/// paged with <c>first</c>/<c>after</c> like Linear's (the node id is the cursor).
/// </summary>
internal static class FakeLinearResolvers
{
    private const int MaxPageSize = 250;

    private static readonly IFieldResolver FromNode = new FuncFieldResolver<object?>(ResolveFromNode);

    private static readonly Lazy<ISchema> Installed = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The shared schema, with the fake's resolvers on every field.</summary>
    public static ISchema Schema => Installed.Value;

    private static ISchema Install()
    {
        var schema = LinearSchema.Instance;
        foreach (var type in schema.AllTypes.OfType<IObjectGraphType>().Where(t => t != schema.Subscription && !t.Name.StartsWith("__", StringComparison.Ordinal)))
        {
            foreach (var field in type.Fields)
            {
                field.Resolver = type == schema.Query ? Root(field.Name) : FromNode;
            }
        }

        return schema;
    }

    /// <summary>One page of <paramref name="items"/> (nodes with an <c>id</c>) as a Linear connection.</summary>
    public static Dictionary<string, object?> Page(IReadOnlyList<IDictionary<string, object?>> items, IResolveFieldContext context)
    {
        var first = context.GetArgument<int?>("first") ?? 50;
        if (first is < 0 or > MaxPageSize)
        {
            throw FakeLinearError.InvalidInput($"first must be between 0 and {MaxPageSize}");
        }

        var start = 0;
        if (context.GetArgument<string?>("after") is { } after)
        {
            var index = items.ToList().FindIndex(n => Equals(n["id"], after));
            start = index >= 0 ? index + 1 : throw FakeLinearError.InvalidInput($"invalid cursor {after}");
        }

        var slice = items.Skip(start).Take(first).ToList();
        return new Dictionary<string, object?>
        {
            ["nodes"] = slice,
            ["edges"] = slice.Select(n => new Dictionary<string, object?> { ["node"] = n, ["cursor"] = n["id"] }).ToList(),
            ["pageInfo"] = new Dictionary<string, object?>
            {
                ["__typename"] = "PageInfo",
                ["hasNextPage"] = start + slice.Count < items.Count,
                ["hasPreviousPage"] = start > 0,
                ["startCursor"] = slice.Count > 0 ? slice[0]["id"] : null,
                ["endCursor"] = slice.Count > 0 ? slice[^1]["id"] : null,
            },
        };
    }

    private static IFieldResolver Root(string name) => new FuncFieldResolver<object?>(context =>
    {
        var fake = (FakeLinear)context.RootValue!;
        return name switch
        {
            "viewer" => fake.ResolveViewer(context),
            "users" => fake.ResolveUsers(context),
            "teams" => fake.ResolveTeams(context),
            "issues" => fake.ResolveIssues(context),
            "issue" => fake.ResolveIssue(context),
            _ => throw FakeLinearError.InvalidInput($"the fake Linear does not serve Query.{name}"),
        };
    });

    private static object? ResolveFromNode(IResolveFieldContext context)
    {
        if (context.Source is not IDictionary<string, object?> node || !node.TryGetValue(context.FieldDefinition.Name, out var value))
        {
            return null;
        }

        if (value is Func<object?> lazy)
        {
            value = lazy();
        }

        var isConnection = context.FieldDefinition.ResolvedType?.GetNamedType().Name.EndsWith("Connection", StringComparison.Ordinal) == true;
        return isConnection && value is IEnumerable<object?> items
            ? Page([.. items.OfType<IDictionary<string, object?>>()], context)
            : value;
    }
}
