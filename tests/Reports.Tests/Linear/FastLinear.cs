using Reports.Fakes;
using Reports.Linear;
using Reports.Tests.Support;

namespace Reports.Tests.Linear;

/// <summary>Linear clients against the fake with retry waits shrunk so fault tests take milliseconds.</summary>
internal static class FastLinear
{
    public static LinearClientOptions Options { get; } = FastOptions.Create<LinearClientOptions>();

    public static LinearClient For(FakeLinear fake, LinearClientOptions? options = null, string? apiKey = null) =>
        new(fake.Url, apiKey ?? FakeLinear.DefaultApiKey, options ?? Options);
}
