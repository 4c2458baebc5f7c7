using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Reports.Calendar;

namespace Reports.Model;

/// <summary>
/// Checks a snapshot as a whole after reading: no null where the model has none (in lists too),
/// a window that ends on or after it starts, dates evidence can compute with, a known time zone.
/// Each problem is reported with its JSON path, like a syntax error.
/// </summary>
internal static class SnapshotValidator
{
    private static readonly NullabilityInfoContext Nullability = new();

    /// <returns>The first problem as (JSON path, what is wrong), or null when the snapshot is sound.</returns>
    public static (string Path, string Problem)? FindProblem(Snapshot snapshot) =>
        NullWhereNotAllowed(snapshot, "$") ?? WindowProblem(snapshot.Window);

    private static (string, string)? WindowProblem(ReportWindow window)
    {
        if (window.End < window.Start)
        {
            return ("$.window.end", $"{window.End:yyyy-MM-dd} is before the window's start {window.Start:yyyy-MM-dd}");
        }

        if (!CourseCalendar.Supports(window.Start) || !CourseCalendar.Supports(window.End))
        {
            return ("$.window", $"{window.Start:yyyy-MM-dd} to {window.End:yyyy-MM-dd} is outside the dates evidence supports ({CourseCalendar.SupportedRange})");
        }

        if (TimeZones.TryFind(window.TimeZone) is null)
        {
            return ("$.window.timeZone", TimeZones.UnknownMessage(window.TimeZone));
        }

        return window.Sprint is < 1 || window.Week is < 1
            ? ("$.window", "sprint and week numbers start at 1")
            : null;
    }

    private static (string, string)? NullWhereNotAllowed(object node, string path)
    {
        foreach (var property in node.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.IsDefined(typeof(JsonIgnoreAttribute)))
            {
                continue;
            }

            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var memberPath = $"{path}.{name}";
            var nullability = Nullability.Create(property);
            var value = property.GetValue(node);
            if (value is null)
            {
                if (nullability.ReadState == NullabilityState.NotNull)
                {
                    return (memberPath, "null is not allowed here");
                }

                continue;
            }

            if (value is IEnumerable items and not string)
            {
                var elementMayBeNull = nullability.GenericTypeArguments is [{ ReadState: not NullabilityState.NotNull }];
                var index = 0;
                foreach (var item in items)
                {
                    var itemPath = $"{memberPath}[{index++}]";
                    if (item is null)
                    {
                        if (!elementMayBeNull)
                        {
                            return (itemPath, "null is not allowed in this list");
                        }
                    }
                    else if (IsModel(item) && NullWhereNotAllowed(item, itemPath) is { } inner)
                    {
                        return inner;
                    }
                }
            }
            else if (IsModel(value) && NullWhereNotAllowed(value, memberPath) is { } inner)
            {
                return inner;
            }
        }

        return null;
    }

    private static bool IsModel(object value) => value.GetType() is { IsClass: true, Namespace: "Reports.Model" };
}
