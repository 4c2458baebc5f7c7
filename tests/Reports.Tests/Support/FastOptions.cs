using Reports.Http;

namespace Reports.Tests.Support;

/// <summary>Client options with retry waits shrunk so fault tests against the fakes take milliseconds.</summary>
internal static class FastOptions
{
    public static T Create<T>()
        where T : RemoteClientOptions, new() => new()
    {
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryDelay = TimeSpan.FromSeconds(2),
        MaxRetryAttempts = 3,
        AttemptTimeout = TimeSpan.FromSeconds(5),
        TotalTimeout = TimeSpan.FromSeconds(20),
    };
}
