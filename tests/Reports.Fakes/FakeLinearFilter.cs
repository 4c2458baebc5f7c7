using System.Globalization;

namespace Reports.Fakes;

/// <summary>
/// Linear's filter inputs (<c>IssueFilter</c>, <c>UserFilter</c>, <c>TeamFilter</c>…) applied to the
/// fake's nodes: <c>and</c>/<c>or</c>, nested entity filters, and comparators. A filter the fake
/// does not model fails loudly instead of matching everything.
/// </summary>
internal static class FakeLinearFilter
{
    public static bool Matches(IDictionary<string, object?> node, IDictionary<string, object?>? filter)
    {
        foreach (var (key, condition) in filter ?? new Dictionary<string, object?>())
        {
            if (condition is null)
            {
                continue;
            }

            var matched = key switch
            {
                "and" => Filters(condition).All(f => Matches(node, f)),
                "or" => Filters(condition).Any(f => Matches(node, f)),
                _ => MatchesField(node, key, (IDictionary<string, object?>)condition),
            };
            if (!matched)
            {
                return false;
            }
        }

        return true;
    }

    private static bool MatchesField(IDictionary<string, object?> node, string key, IDictionary<string, object?> condition)
    {
        if (!node.TryGetValue(key, out var value))
        {
            throw FakeLinearError.InvalidInput($"the fake Linear cannot filter on '{key}'");
        }

        if (value is Func<object?> lazy)
        {
            value = lazy();
        }

        // A list of nodes (an issue's attachments) filtered by some/every of its items.
        if (value is IEnumerable<object?> items && condition.Count > 0 && condition.Keys.All(k => k is "some" or "every"))
        {
            var nodes = items.OfType<IDictionary<string, object?>>().ToList();
            return condition.All(c => c.Key == "some"
                ? nodes.Any(n => Matches(n, (IDictionary<string, object?>?)c.Value))
                : nodes.All(n => Matches(n, (IDictionary<string, object?>?)c.Value)));
        }

        if (condition.Keys.All(IsComparator))
        {
            return condition.All(c => Compare(value, c.Key, c.Value));
        }

        return value is IDictionary<string, object?> nested && Matches(nested, condition);
    }

    private static bool IsComparator(string key) => key is "eq" or "neq" or "in" or "nin" or "gt" or "gte" or "lt" or "lte"
        or "eqIgnoreCase" or "neqIgnoreCase" or "contains" or "containsIgnoreCase" or "startsWith" or "null";

    private static bool Compare(object? value, string op, object? operand) => op switch
    {
        "null" => (value is null) == (operand is true),
        "eq" => Order(value, operand) == 0,
        "neq" => Order(value, operand) != 0,
        "in" => Values(operand).Any(o => Order(value, o) == 0),
        "nin" => Values(operand).All(o => Order(value, o) != 0),
        "gt" => Order(value, operand) > 0,
        "gte" => Order(value, operand) >= 0,
        "lt" => Order(value, operand) < 0,
        "lte" => Order(value, operand) <= 0,
        "eqIgnoreCase" => string.Equals(Text(value), Text(operand), StringComparison.OrdinalIgnoreCase),
        "neqIgnoreCase" => !string.Equals(Text(value), Text(operand), StringComparison.OrdinalIgnoreCase),
        "contains" => Text(value)?.Contains(Text(operand) ?? "", StringComparison.Ordinal) == true,
        "containsIgnoreCase" => Text(value)?.Contains(Text(operand) ?? "", StringComparison.OrdinalIgnoreCase) == true,
        "startsWith" => Text(value)?.StartsWith(Text(operand) ?? "", StringComparison.Ordinal) == true,
        _ => throw FakeLinearError.InvalidInput($"the fake Linear has no comparator '{op}'"),
    };

    /// <summary>Instants as instants, numbers as numbers, anything else as ordinal text; null sorts first.</summary>
    private static int Order(object? value, object? operand)
    {
        if (value is null || operand is null)
        {
            return (value is null ? 0 : 1) - (operand is null ? 0 : 1);
        }

        if (Number(value) is { } a && Number(operand) is { } b)
        {
            return a.CompareTo(b);
        }

        if (Instant(value) is { } x && Instant(operand) is { } y)
        {
            return x.CompareTo(y);
        }

        return string.CompareOrdinal(Text(value), Text(operand));
    }

    private static double? Number(object value) => value switch
    {
        int i => i,
        long l => l,
        double d => d,
        float f => f,
        decimal m => (double)m,
        _ => null,
    };

    private static DateTimeOffset? Instant(object value) =>
        value is string s && s.Length >= 10 && char.IsDigit(s[0])
        && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : null;

    private static string? Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture);

    private static IEnumerable<object?> Values(object? operand) => operand as IEnumerable<object?> ?? [];

    private static IEnumerable<IDictionary<string, object?>> Filters(object condition) =>
        ((IEnumerable<object?>)condition).OfType<IDictionary<string, object?>>();
}
