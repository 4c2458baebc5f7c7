namespace Reports.Http;

/// <summary>
/// What a walk over a remote list knows of its items: the key that tells a repeat from a new item,
/// what, beyond being null, makes an item unusable, and whether the total the server states counts
/// exactly the items it sends. All three are per item type, declared once by the API's client.
/// </summary>
internal sealed class ListedItems<T>(Func<T, string?> key, Func<T, string?>? fault = null, bool totalled = false)
    where T : class
{
    /// <summary>Items with no key (each one counts), no fault but null, and no total to trust.</summary>
    public static ListedItems<T> Plain { get; } = new(_ => null);

    /// <summary>
    /// True when the server's stated total (GitLab's <c>X-Total</c>) counts exactly the items it sends,
    /// so fewer distinct items than stated means some were lost between pages.
    /// </summary>
    public bool Totalled => totalled;

    /// <summary>The item's identity, or null when it has none to compare.</summary>
    public string? Key(T item) => key(item);

    /// <summary>
    /// What is wrong with an item that is not null, as a JSON path below it and a fault
    /// (<c>.notes[2] is null</c>, <c> has no iid</c>), or null when it can be used.
    /// </summary>
    public string? Fault(T item) => fault?.Invoke(item);

    /// <summary>Each item with a key once, the first of its copies, in order; items without a key are all kept.</summary>
    public IEnumerable<T> Once(IEnumerable<T> items)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return items.Where(item => Key(item) is not { } k || seen.Add(k));
    }

    /// <summary>The first problem in a page: an item that is null (<c>[3] is null</c>) or faulty (<c>[3] has no iid</c>).</summary>
    public string? FirstFault(IReadOnlyList<T?> page)
    {
        for (var i = 0; i < page.Count; i++)
        {
            if (page[i] is not { } item)
            {
                return $"[{i}] is null";
            }

            if (Fault(item) is { } problem)
            {
                return $"[{i}]{problem}";
            }
        }

        return null;
    }
}
