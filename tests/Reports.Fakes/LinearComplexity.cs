using GraphQL;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;

namespace Reports.Fakes;

/// <summary>
/// A query's cost as Linear documents it: each object 1 point, each scalar field 0.1, and a
/// connection (a field taking <c>first</c>) multiplies its children's points by <c>first</c>, or
/// by 50 when it is absent. Linear refuses a query over <see cref="Limit"/>.
/// </summary>
public static class LinearComplexity
{
    public const double Limit = 10_000;

    private const int DefaultPageSize = 50;

    /// <summary>The cost of the operation in <paramref name="document"/>; <c>first: $var</c> reads <paramref name="variables"/>, then the variable's default, then 50.</summary>
    public static double Of(string document, IReadOnlyDictionary<string, object?>? variables = null, string? operationName = null)
    {
        var parsed = Parser.Parse(document);
        var operation = parsed.Definitions.OfType<GraphQLOperationDefinition>()
            .First(o => operationName is null || o.Name?.StringValue == operationName);
        var fragments = parsed.Definitions.OfType<GraphQLFragmentDefinition>().ToDictionary(f => f.FragmentName.Name.StringValue);
        var schema = LinearSchema.Instance;
        var root = operation.Operation switch
        {
            OperationType.Mutation => schema.Mutation!,
            OperationType.Subscription => schema.Subscription!,
            _ => schema.Query,
        };
        var walker = new Walker(schema, fragments, operation, variables ?? new Dictionary<string, object?>());
        return Math.Round(walker.Cost(operation.SelectionSet, root), 1);
    }

    private sealed class Walker(
        ISchema schema,
        Dictionary<string, GraphQLFragmentDefinition> fragments,
        GraphQLOperationDefinition operation,
        IReadOnlyDictionary<string, object?> variables)
    {
        public double Cost(GraphQLSelectionSet? selections, IGraphType parent)
        {
            double cost = 0;
            foreach (var selection in selections?.Selections ?? [])
            {
                cost += selection switch
                {
                    GraphQLField field => FieldCost(field, parent),
                    GraphQLFragmentSpread spread => Cost(fragments[spread.FragmentName.Name.StringValue].SelectionSet, Named(fragments[spread.FragmentName.Name.StringValue].TypeCondition.Type.Name.StringValue)),
                    GraphQLInlineFragment inline => Cost(inline.SelectionSet, inline.TypeCondition is { } condition ? Named(condition.Type.Name.StringValue) : parent),
                    _ => 0,
                };
            }

            return cost;
        }

        private double FieldCost(GraphQLField field, IGraphType parent)
        {
            var name = field.Name.StringValue;
            var definition = (parent as IComplexGraphType)?.GetField(name);
            var type = definition?.ResolvedType?.GetNamedType();
            if (definition is null || type is null || name.StartsWith("__", StringComparison.Ordinal) || type is ScalarGraphType or EnumerationGraphType)
            {
                return 0.1;
            }

            var children = Cost(field.SelectionSet, type);
            return definition.Arguments?.Find("first") is null ? 1 + children : 1 + (PageSize(field) * children);
        }

        private int PageSize(GraphQLField field)
        {
            var value = field.Arguments?.FirstOrDefault(a => a.Name.StringValue is "first" or "last")?.Value;
            return value switch
            {
                GraphQLIntValue literal => int.Parse((string)literal.Value, System.Globalization.CultureInfo.InvariantCulture),
                GraphQLVariable variable => VariableValue(variable.Name.StringValue),
                _ => DefaultPageSize,
            };
        }

        private int VariableValue(string name)
        {
            if (variables.TryGetValue(name, out var given) && given is not null)
            {
                return Convert.ToInt32(given, System.Globalization.CultureInfo.InvariantCulture);
            }

            var definition = operation.Variables?.FirstOrDefault(v => v.Variable.Name.StringValue == name);
            return definition?.DefaultValue is GraphQLIntValue fallback
                ? int.Parse((string)fallback.Value, System.Globalization.CultureInfo.InvariantCulture)
                : DefaultPageSize;
        }

        private IGraphType Named(string name) => schema.AllTypes[name] ?? throw new InvalidOperationException($"no type {name} in Linear's schema");
    }
}
