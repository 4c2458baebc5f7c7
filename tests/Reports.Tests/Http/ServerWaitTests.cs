using System.Globalization;
using Reports.Http;

namespace Reports.Tests.Http;

public sealed class ServerWaitTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 27, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_reset_in_epoch_seconds_is_read_as_seconds()
    {
        using var response = With("X-Reset", Now.AddSeconds(30).ToUnixTimeSeconds());

        Assert.Equal(TimeSpan.FromSeconds(30), ServerWait.UntilEpoch(response, "X-Reset", Now));
    }

    [Fact]
    public void A_reset_in_epoch_milliseconds_is_read_as_milliseconds()
    {
        using var response = With("X-Reset", Now.AddMilliseconds(1500).ToUnixTimeMilliseconds());

        Assert.Equal(TimeSpan.FromMilliseconds(1500), ServerWait.UntilEpoch(response, "X-Reset", Now));
    }

    [Fact]
    public void A_missing_or_unreadable_reset_is_no_wait_and_a_past_one_is_zero()
    {
        using var bare = new HttpResponseMessage();
        using var garbled = new HttpResponseMessage();
        garbled.Headers.TryAddWithoutValidation("X-Reset", "soon");
        using var past = With("X-Reset", Now.AddMinutes(-1).ToUnixTimeMilliseconds());

        Assert.Null(ServerWait.UntilEpoch(bare, "X-Reset", Now));
        Assert.Null(ServerWait.UntilEpoch(garbled, "X-Reset", Now));
        Assert.Equal(TimeSpan.Zero, ServerWait.UntilEpoch(past, "X-Reset", Now));
    }

    [Theory]
    [InlineData(300, "300 s")]
    [InlineData(0.64, "0.6 s")]
    [InlineData(59.96, "60 s")]
    public void Waits_are_named_in_seconds_to_a_tenth(double seconds, string expected) =>
        Assert.Equal(expected, ServerWait.Seconds(TimeSpan.FromSeconds(seconds)));

    private static HttpResponseMessage With(string name, long value)
    {
        var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation(name, value.ToString(CultureInfo.InvariantCulture));
        return response;
    }
}
