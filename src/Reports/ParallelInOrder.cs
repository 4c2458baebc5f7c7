using System.Runtime.ExceptionServices;

namespace Reports;

/// <summary>
/// Work spread over every core whose results come back in the order of the input, so output
/// never depends on which thread finished first. The first failure is thrown as it was (not
/// wrapped in an <see cref="AggregateException"/>), as it would be on one thread.
/// </summary>
internal static class ParallelInOrder
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

    /// <summary>
    /// <paramref name="map"/> applied to each item on the thread pool, up to <paramref name="ahead"/> items ahead
    /// of the caller: while the caller uses one result, the next items are mapped on other threads. Items
    /// are read on the caller's thread, in order, and results come back in that order, so at most
    /// <paramref name="ahead"/> + 1 results exist at once; a failure is thrown where its result would have been.
    /// </summary>
    public static IEnumerable<TOut> Ahead<TIn, TOut>(IEnumerable<TIn> items, Func<TIn, TOut> map, int ahead)
    {
        var inFlight = new Queue<Task<TOut>>();
        try
        {
            foreach (var item in items)
            {
                inFlight.Enqueue(Task.Run(() => map(item)));
                if (inFlight.Count > ahead)
                {
                    yield return inFlight.Dequeue().GetAwaiter().GetResult();
                }
            }

            while (inFlight.Count > 0)
            {
                yield return inFlight.Dequeue().GetAwaiter().GetResult();
            }
        }
        finally
        {
            // A caller that stops early waits for the items in flight, which may still read what it is about to
            // dispose; their failures no longer matter.
            Task.WaitAny([Task.WhenAll(inFlight)]);
        }
    }
}
