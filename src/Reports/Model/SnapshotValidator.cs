using System.Collections;
using System.Collections.Concurrent;
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
    private static readonly ConcurrentDictionary<Type, Member[]> Members = new();

    /// <returns>The first problem as (JSON path, what is wrong), or null when the snapshot is sound.</returns>
    public static (string Path, string Problem)? FindProblem(Snapshot snapshot) =>
        NullWhereNotAllowed(snapshot) is { } problem ? ("$" + problem.Path, problem.Problem) : WindowProblem(snapshot.Window);

    private static (string, string)? WindowProblem(ReportWindow window)
    {
        if (window.End < window.Start)
        {
            return ("$.window.end", $"{window.End:yyyy-MM-dd} is before the window's start {window.Start:yyyy-MM-dd}");
        }

        if (!SupportedDates.Contain(window.Start) || !SupportedDates.Contain(window.End))
        {
            return ("$.window", $"{window.Start:yyyy-MM-dd} to {window.End:yyyy-MM-dd} is outside the dates evidence supports ({SupportedDates.Range})");
        }

        if (TimeZones.TryFind(window.TimeZone) is null)
        {
            return ("$.window.timeZone", TimeZones.UnknownMessage(window.TimeZone));
        }

        return window.Sprint is < 1 || window.Week is < 1
            ? ("$.window", "sprint and week numbers start at 1")
            : null;
    }

    // The path is only built on the way out of a problem: a sound snapshot costs no strings.
    private static (string Path, string Problem)? NullWhereNotAllowed(object node)
    {
        foreach (var member in MembersOf(node.GetType()))
        {
            var value = member.Property.GetValue(node);
            if (value is null)
            {
                if (!member.MayBeNull)
                {
                    return ($".{member.Name}", "null is not allowed here");
                }

                continue;
            }

            if (value is IEnumerable items and not string)
            {
                var index = 0;
                foreach (var item in items)
                {
                    if (item is null)
                    {
                        if (!member.ElementMayBeNull)
                        {
                            return ($".{member.Name}[{index}]", "null is not allowed in this list");
                        }
                    }
                    else if (IsModel(item) && NullWhereNotAllowed(item) is { } inner)
                    {
                        return ($".{member.Name}[{index}]{inner.Path}", inner.Problem);
                    }

                    index++;
                }
            }
            else if (IsModel(value) && NullWhereNotAllowed(value) is { } inner)
            {
                return ($".{member.Name}{inner.Path}", inner.Problem);
            }
        }

        return null;
    }

    /// <summary>A type's serialized properties with what may be null in them, read once per type.</summary>
    private static Member[] MembersOf(Type type) => Members.GetOrAdd(type, static t =>
    {
        // NullabilityInfoContext is not thread-safe: one per type read, under GetOrAdd.
        var nullability = new NullabilityInfoContext();
        return [.. t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && !p.IsDefined(typeof(JsonIgnoreAttribute)))
            .Select(p =>
            {
                var info = nullability.Create(p);
                return new Member(
                    p,
                    p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name),
                    MayBeNull: info.ReadState != NullabilityState.NotNull,
                    ElementMayBeNull: info.GenericTypeArguments is [{ ReadState: not NullabilityState.NotNull }]);
            })];
    });

    private sealed record Member(PropertyInfo Property, string Name, bool MayBeNull, bool ElementMayBeNull);

    private static bool IsModel(object value) => value.GetType() is { IsClass: true, Namespace: "Reports.Model" };
}
