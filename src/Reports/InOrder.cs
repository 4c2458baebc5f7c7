using System.Runtime.ExceptionServices;

namespace Reports;

/// <summary>
/// Work spread over every core whose results come back in the order of the input, so output
/// never depends on which thread finished first. The first failure is thrown as it was (not
/// wrapped in an <see cref="AggregateException"/>), as it would be on one thread.
/// </summary>
internal static class InOrder
{
    /// <summary><paramref name="map"/> applied to every item, on every core.</summary>
    public static TOut[] Map<TIn, TOut>(IReadOnlyList<TIn> items, Func<TIn, TOut> map, CancellationToken ct = default)
    {
        var results = new TOut[items.Count];
        try
        {
            Parallel.For(0, items.Count, new ParallelOptions { CancellationToken = ct }, i => results[i] = map(items[i]));
        }
        catch (AggregateException e)
        {
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }

        return results;
    }
}
