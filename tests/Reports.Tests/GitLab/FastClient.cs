using Reports.GitLab;
using Reports.Fakes;
using Reports.Tests.Support;

namespace Reports.Tests.GitLab;

/// <summary>Clients against a fake with retry waits shrunk so fault tests take milliseconds.</summary>
internal static class FastClient
{
    public static GitLabClientOptions Options { get; } = FastOptions.Create<GitLabClientOptions>();

    public static GitLabClient For(FakeGitLab fake, GitLabClientOptions? options = null, string? token = null) =>
        new(fake.BaseUrl, token ?? fake.Token, options ?? Options);

    public static async Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> source, CancellationToken ct = default)
    {
        var list = new List<T>();
        await foreach (var item in source.WithCancellation(ct))
        {
            list.Add(item);
        }

        return list;
    }
}
