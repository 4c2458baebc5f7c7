namespace Reports.Tests.Site;

public sealed class InOrderTests
{
    [Fact]
    public void Results_keep_the_order_of_the_input_whichever_thread_finishes_first()
    {
        var items = Enumerable.Range(0, 200).ToList();

        // Early items take longest, so on more than one core they finish last.
        var mapped = InOrder.Map(items, i => { Thread.SpinWait((200 - i) * 2000); return i * 2; });

        Assert.Equal(items.Select(i => i * 2), mapped);
    }

    [Fact]
    public void A_failure_is_thrown_as_itself_not_wrapped()
    {
        var items = Enumerable.Range(0, 50).ToList();

        var e = Assert.Throws<EvidenceException>(() => InOrder.Map(items, i => i == 17 ? throw new EvidenceException("template broke") : i));

        Assert.Equal("template broke", e.Message);
    }
}
