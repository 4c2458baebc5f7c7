using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Reports.Fakes;

/// <summary>
/// The spec's "variables in allowed position" for list positions, which graphql-dotnet 8 lets
/// through: <c>$n: [Int!]</c> in <c>number: { in: [Float!] }</c> is refused by Linear (graphql-js),
/// so it must be refused here. Nullability is left to graphql-dotnet's own rule.
/// </summary>
internal static class StrictVariableTypes
{
    public static IEnumerable<GraphQLValidationProblem> Check(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        var declared = (operation.Variables?.Items ?? []).ToDictionary(v => v.Variable.Name.StringValue, v => v.Type);
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>().ToDictionary(f => f.FragmentName.Name.StringValue);
        var problems = new List<GraphQLValidationProblem>();
        var root = operation.Operation == OperationType.Query ? schema.Query : schema.Mutation;
        if (root is not null)
        {
            Walk(operation.SelectionSet, root, []);
        }

        return problems;

        void Walk(GraphQLSelectionSet? set, IGraphType type, HashSet<string> visited)
        {
            foreach (var selection in set?.Selections ?? [])
            {
                switch (selection)
                {
                    case GraphQLFragmentSpread spread when visited.Add(spread.FragmentName.Name.StringValue)
                        && fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment)
                        && schema.AllTypes[fragment.TypeCondition.Type.Name.StringValue] is { } condition:
                        Walk(fragment.SelectionSet, condition, visited);
                        break;
                    case GraphQLInlineFragment inline:
                        Walk(inline.SelectionSet, inline.TypeCondition is { } c && schema.AllTypes[c.Type.Name.StringValue] is { } t ? t : type, visited);
                        break;
                    case GraphQLField field when type is IComplexGraphType complex && complex.GetField(field.Name.StringValue) is { } definition:
                        foreach (var argument in field.Arguments?.Items ?? [])
                        {
                            if (definition.Arguments?.Find(argument.Name.StringValue)?.ResolvedType is { } expected)
                            {
                                CheckValue(argument.Value, expected);
                            }
                        }

                        if (definition.ResolvedType is { } resolved)
                        {
                            Walk(field.SelectionSet, resolved.GetNamedType(), visited);
                        }

                        break;
                }
            }
        }

        void CheckValue(GraphQLValue value, IGraphType expected)
        {
            var nullable = expected is NonNullGraphType nonNull ? nonNull.ResolvedType! : expected;
            switch (value)
            {
                case GraphQLVariable variable when declared.TryGetValue(variable.Name.StringValue, out var type) && Shape(type) != Shape(expected):
                    problems.Add(new GraphQLValidationProblem(
                        "VARIABLES_IN_ALLOWED_POSITION",
                        $"Variable '${variable.Name.StringValue}' of type '{Shape(type)}' used in position expecting type '{Shape(expected)}'."));
                    break;
                case GraphQLListValue list when nullable is ListGraphType listType:
                    foreach (var item in list.Values ?? [])
                    {
                        CheckValue(item, listType.ResolvedType!);
                    }

                    break;
                case GraphQLObjectValue input when nullable is IInputObjectGraphType inputType:
                    foreach (var field in input.Fields ?? [])
                    {
                        if (inputType.GetField(field.Name.StringValue)?.ResolvedType is { } fieldType)
                        {
                            CheckValue(field.Value, fieldType);
                        }
                    }

                    break;
            }
        }
    }

    private static string Shape(IGraphType type) => type switch
    {
        NonNullGraphType nonNull => Shape(nonNull.ResolvedType!),
        ListGraphType list => $"[{Shape(list.ResolvedType!)}]",
        _ => type.Name,
    };

    private static string Shape(GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => Shape(nonNull.Type),
        GraphQLListType list => $"[{Shape(list.Type)}]",
        GraphQLNamedType named => named.Name.StringValue,
        _ => "?",
    };
}
