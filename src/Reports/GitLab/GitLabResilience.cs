using System.Threading.RateLimiting;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Reports.GitLab;

/// <summary>
/// The one pipeline every GitLab request goes through, outermost first: total timeout, retry
/// (429/5xx/network/attempt timeout, honouring the server's wait), in-flight cap, attempt timeout.
/// The cap sits inside the retry so a request waiting out a backoff holds no slot.
/// </summary>
internal static class GitLabResilience
{
    public static ResiliencePipeline<HttpResponseMessage> Build(GitLabClientOptions options)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddTimeout(options.TotalTimeout);

        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                ShouldRetryAfterHeader = false,
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = options.UseJitter,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                DelayGenerator = args => ValueTask.FromResult(ServerDelay(args.Outcome.Result, options)),
            });
        }

        return builder
            .AddConcurrencyLimiter(new ConcurrencyLimiterOptions
            {
                PermitLimit = options.Concurrency,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    /// <summary>The wait the server asked for, capped; null lets the exponential backoff decide.</summary>
    private static TimeSpan? ServerDelay(HttpResponseMessage? response, GitLabClientOptions options)
    {
        if (response is null || RetryDelay.FromHeaders(response, options.TimeProvider.GetUtcNow()) is not { } delay)
        {
            return null;
        }

        return delay > options.MaxRetryDelay ? options.MaxRetryDelay : delay;
    }
}
