namespace Reports.Tests;

public sealed class ParallelInOrderTests
{
    [Fact]
    public void Results_keep_the_order_of_the_input_when_a_later_item_finishes_first()
    {
        using var laterFinished = new ManualResetEventSlim();

        // Item 0 cannot finish before item 1 has: the two must run at once, even on one core.
        var mapped = ParallelInOrder.Map([0, 1, 2], i =>
        {
            if (i == 0 && !laterFinished.Wait(TimeSpan.FromSeconds(30)))
            {
                throw new TimeoutException("the items were not mapped at the same time");
            }

            if (i == 1)
            {
                laterFinished.Set();
            }

            return i * 2;
        });

        Assert.Equal([0, 2, 4], mapped);
    }

    [Fact]
    public void A_failure_is_thrown_as_itself_not_wrapped()
    {
        var items = Enumerable.Range(0, 50).ToList();

        var e = Assert.Throws<EvidenceException>(() => ParallelInOrder.Map(items, i => i == 17 ? throw new EvidenceException("template broke") : i));

        Assert.Equal("template broke", e.Message);
    }

    [Fact]
    public void Ahead_maps_the_next_items_while_the_caller_holds_one_and_keeps_their_order()
    {
        var caller = Environment.CurrentManagedThreadId;
        var read = 0;
        var mapped = 0;
        IEnumerable<int> Items()
        {
            for (var i = 0; i < 20; i++)
            {
                Assert.Equal(caller, Environment.CurrentManagedThreadId);
                read++;
                yield return i;
            }
        }

        using var callerHoldsTheFirst = new ManualResetEventSlim();
        var results = new List<int>();
        foreach (var result in ParallelInOrder.Ahead(Items(), i =>
        {
            // The second item can only be mapped while the caller holds the first, on another thread.
            if (i == 1 && !callerHoldsTheFirst.Wait(TimeSpan.FromSeconds(10)))
            {
                throw new TimeoutException("the second item was mapped before the caller had the first");
            }

            // Early items take longest, so they finish after later ones.
            Thread.Sleep(20 - i);
            Interlocked.Increment(ref mapped);
            return i * 2;
        }, ahead: 2))
        {
            if (result == 0)
            {
                callerHoldsTheFirst.Set();

                // The two items after it are mapped while the caller holds the first, and no more are read.
                Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref mapped) == 3, TimeSpan.FromSeconds(10)));
                Assert.Equal(3, read);
            }

            Assert.InRange(read, (result / 2) + 1, (result / 2) + 3);
            results.Add(result);
        }

        Assert.Equal(Enumerable.Range(0, 20).Select(i => i * 2), results);
    }

    [Fact]
    public void Ahead_gives_the_results_before_a_failure_then_throws_it_as_itself()
    {
        var results = new List<int>();

        var e = Assert.Throws<EvidenceException>(() =>
        {
            foreach (var result in ParallelInOrder.Ahead(Enumerable.Range(0, 10), i => i == 5 ? throw new EvidenceException("template broke") : i, ahead: 2))
            {
                results.Add(result);
            }
        });

        Assert.Equal("template broke", e.Message);
        Assert.Equal([0, 1, 2, 3, 4], results);
    }

    [Fact]
    public void A_caller_that_stops_early_goes_on_only_once_no_item_is_still_being_mapped()
    {
        var started = 0;
        var finished = 0;

        foreach (var _ in ParallelInOrder.Ahead(Enumerable.Range(0, 10), i =>
        {
            Interlocked.Increment(ref started);
            Thread.Sleep(100);
            Interlocked.Increment(ref finished);

            // An item in flight that fails after the caller stopped is not the caller's error.
            return i == 2 ? throw new EvidenceException("never seen") : i;
        }, ahead: 2))
        {
            break;
        }

        Assert.Equal(3, Volatile.Read(ref started));
        Assert.Equal(3, Volatile.Read(ref finished));
    }
}
