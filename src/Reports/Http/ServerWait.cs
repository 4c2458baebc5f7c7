using System.Globalization;

namespace Reports.Http;

/// <summary>Reads how long a server asked us to wait, from the headers APIs use for it.</summary>
internal static class ServerWait
{
    /// <summary>Reset values above this are epoch milliseconds, not seconds (1e11 s is the year 5138).</summary>
    private const long MillisecondsThreshold = 100_000_000_000;

    /// <summary><c>Retry-After</c> as seconds or as an HTTP date; null when absent.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        if (response.Headers.RetryAfter is not { } retryAfter)
        {
            return null;
        }

        if (retryAfter.Delta is { } delta)
        {
            return NotNegative(delta);
        }

        return retryAfter.Date is { } date ? NotNegative(date - now) : null;
    }

    /// <summary>
    /// The wait until the epoch time in header <paramref name="name"/> (seconds, or milliseconds
    /// when the value is that large); null when absent or unreadable.
    /// </summary>
    public static TimeSpan? UntilEpoch(HttpResponseMessage response, string name, DateTimeOffset now)
    {
        if (!response.Headers.TryGetValues(name, out var values)
            || !long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch))
        {
            return null;
        }

        var at = epoch > MillisecondsThreshold
            ? DateTimeOffset.FromUnixTimeMilliseconds(epoch)
            : DateTimeOffset.FromUnixTimeSeconds(epoch);
        return NotNegative(at - now);
    }

    /// <summary>Seconds to a tenth for messages: "300 s", "0.6 s".</summary>
    public static string Seconds(TimeSpan value) =>
        Math.Round(value.TotalSeconds, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture) + " s";

    private static TimeSpan NotNegative(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;
}
