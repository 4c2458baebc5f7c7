namespace Reports.Http;

/// <summary>Finds a null inside an item read from a remote, for <see cref="ListedItems{T}.Fault"/>.</summary>
internal static class NullItem
{
    /// <summary><c>.{name}[i] is null</c> for the first null in the nested list <paramref name="items"/>, else null.</summary>
    public static string? In<TItem>(string name, IReadOnlyList<TItem?>? items)
        where TItem : class
    {
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            if (items![i] is null)
            {
                return $".{name}[{i}] is null";
            }
        }

        return null;
    }
}
