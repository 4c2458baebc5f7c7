using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using System.Threading.RateLimiting;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Reports.Http;

/// <summary>
/// The one HttpClient of a remote client and the resilience pipeline every request goes
/// through, outermost first: the timeout budget, retry, in-flight cap, attempt timeout. The API
/// (<see cref="IRemoteApi"/>) decides which answers are worth retrying and names the failures;
/// the transport decides whether a retry is safe and affordable, and keeps secrets out of messages.
/// </summary>
internal sealed partial class HttpTransport : IDisposable
{
    private static readonly ResiliencePropertyKey<Call> CallKey = new("evidence.call");

    private readonly IRemoteApi _api;
    private readonly RemoteClientOptions _options;
    private readonly HttpClient _http;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    /// <param name="handler">The innermost handler; a pooled <see cref="SocketsHttpHandler"/> unless a test supplies one.</param>
    public HttpTransport(IRemoteApi api, RemoteClientOptions options, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Concurrency < 1)
        {
            throw new EvidenceException($"{api.Name.ToLowerInvariant()} concurrency must be at least 1, not {options.Concurrency}");
        }

        if (options.TotalTimeout <= TimeSpan.Zero)
        {
            throw new EvidenceException($"{api.TimeoutKey} must be a positive number of seconds, not {options.TotalTimeout.TotalSeconds}");
        }

        _api = api;
        _options = options;
        _http = new HttpClient(handler ?? new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.All,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("evidence", "1.0"));
        api.Authorize(_http);
        _pipeline = Build(options);
    }

    public string ApiName => _api.Name;

    /// <summary>
    /// Sends <paramref name="request"/> and returns the answer when it is a success or an error not
    /// worth (or not safe) retrying; the caller reads and disposes it. Throws the API's exception
    /// when no answer came in time, the server could not be reached, or the server asked for a
    /// longer wait than the budget has left.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(RemoteRequest request, CancellationToken ct)
    {
        var call = new Call(request, Stopwatch.GetTimestamp());
        var context = ResilienceContextPool.Shared.Get(ct);
        context.Properties.Set(CallKey, call);
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(
                static async (ctx, state) => await state.Transport.AttemptAsync(state.Call, ctx.CancellationToken),
                context,
                (Transport: this, Call: call));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is TimeoutRejectedException or OperationCanceledException)
        {
            throw Fail($"{_api.Name} at {_api.Origin} did not answer {Describe(request)} in time: {GaveUp(call)}", null, request, inner: ex);
        }
        catch (HttpRequestException ex)
        {
            throw Fail($"could not reach {_api.Name} at {_api.Origin} for {Describe(request)}{Tries(call)}: {ex.Message}", null, request, inner: ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (ct.IsCancellationRequested && !response.IsSuccessStatusCode)
        {
            // The retry stopped because the caller cancelled: the error it would have retried is not the outcome.
            response.Dispose();
            ct.ThrowIfCancellationRequested();
        }

        if (call.RefusedWait is not { } refused)
        {
            return response;
        }

        using (response)
        {
            var said = await ErrorBody.ReadAsync(response, ct);
            throw Fail(
                $"{_api.Name} asked to wait {ServerWait.Seconds(refused.Wait)} before retrying {Describe(request)}; that is more than the "
                + $"{ServerWait.Seconds(refused.Left)} left of the {ServerWait.Seconds(_options.TotalTimeout)} timeout budget ({_api.TimeoutKey})",
                response.StatusCode,
                request,
                said,
                refused.Code);
        }
    }

    /// <summary>The API's exception for a failure the API itself noticed, with every secret redacted.</summary>
    public Exception Fail(string message, HttpStatusCode? status, RemoteRequest request, string? said = null, string? code = null, Exception? inner = null) =>
        _api.Failure(new RemoteFailure(
            Redact(message),
            status,
            request.Method.Method,
            Endpoint(request.Uri),
            request.Operation,
            said is null ? null : Redact(said),
            code,
            inner));

    /// <summary>e.g. <c>GET /api/v4/projects/1</c> or <c>POST /graphql (Issues)</c>, redacted.</summary>
    public string Describe(RemoteRequest request) =>
        $"{request.Method.Method} {Endpoint(request.Uri)}{(request.Operation is null ? "" : $" ({request.Operation})")}";

    /// <summary>Path and query under the host, with any token-like query value blanked.</summary>
    public string Endpoint(Uri uri) => Redact(SecretQueryRegex().Replace(uri.PathAndQuery, "$1=[redacted]"));

    /// <summary>A body or proxy page could echo a secret back; it never reaches a message.</summary>
    public string Redact(string text)
    {
        foreach (var secret in _api.Secrets)
        {
            if (secret.Length > 0)
            {
                text = text.Replace(secret, "[redacted]", StringComparison.Ordinal);
            }
        }

        return text;
    }

    public void Dispose() => _http.Dispose();

    private async ValueTask<HttpResponseMessage> AttemptAsync(Call call, CancellationToken ct)
    {
        call.Attempts++;
        using var message = new HttpRequestMessage(call.Request.Method, call.Request.Uri) { Content = call.Request.Content?.Invoke() };
        return await _http.SendAsync(message, ct);
    }

    private ResiliencePipeline<HttpResponseMessage> Build(RemoteClientOptions options)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>().AddTimeout(options.TotalTimeout);
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = options.UseJitter,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = ShouldRetryAsync,
                DelayGenerator = args => ValueTask.FromResult(args.Context.Properties.GetValue(CallKey, null!).ServerWait),
            });
        }

        // The cap sits inside the retry so a request waiting out a backoff holds no slot.
        return builder
            .AddConcurrencyLimiter(new ConcurrencyLimiterOptions
            {
                PermitLimit = options.Concurrency,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            })
            .AddTimeout(options.EffectiveAttemptTimeout)
            .Build();
    }

    private async ValueTask<bool> ShouldRetryAsync(RetryPredicateArguments<HttpResponseMessage> args)
    {
        var call = args.Context.Properties.GetValue(CallKey, null!);
        call.ServerWait = null;
        if (args.Context.CancellationToken.IsCancellationRequested)
        {
            return false;
        }

        if (args.Outcome.Exception is { } exception)
        {
            return exception switch
            {
                HttpRequestException http => call.Request.SafeToRepeat || NeverSent(http),
                TimeoutRejectedException => call.Request.SafeToRepeat,
                _ => false,
            };
        }

        var response = args.Outcome.Result!;
        if (response.IsSuccessStatusCode || !call.Request.SafeToRepeat)
        {
            return false;
        }

        var advice = await _api.AdviseAsync(response, _options.TimeProvider.GetUtcNow(), args.Context.CancellationToken);
        if (!advice.Retry)
        {
            return false;
        }

        var left = _options.TotalTimeout - Stopwatch.GetElapsedTime(call.Started);
        if (advice.Wait is { } wait && wait > left)
        {
            // Waiting would only end in the budget's timeout; say so now, naming the wait.
            if (args.AttemptNumber < _options.MaxRetryAttempts)
            {
                call.RefusedWait = (wait, left < TimeSpan.Zero ? TimeSpan.Zero : left, advice.Code);
            }

            return false;
        }

        call.ServerWait = advice.Wait;
        return true;
    }

    /// <summary>Failures while connecting: the request never left this machine, so even a change may be sent again.</summary>
    private static bool NeverSent(HttpRequestException exception) => exception.HttpRequestError is
        HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;

    private string GaveUp(Call call) => call.Attempts switch
    {
        1 when !call.Request.SafeToRepeat => "not retried, because the request may have reached the server and changed something",
        _ => $"gave up after {Attempts(call)} in {ServerWait.Seconds(Stopwatch.GetElapsedTime(call.Started))}; "
            + $"the timeout budget is {ServerWait.Seconds(_options.TotalTimeout)} ({_api.TimeoutKey})",
    };

    private static string Tries(Call call) => call.Attempts > 1 ? $" after {Attempts(call)}" : "";

    private static string Attempts(Call call) => call.Attempts == 1 ? "1 attempt" : $"{call.Attempts} attempts";

    [GeneratedRegex("(private_token|access_token|job_token|api_key)=[^&]*", RegexOptions.IgnoreCase)]
    private static partial Regex SecretQueryRegex();

    /// <summary>What one logical request has been through so far, shared by its attempts.</summary>
    private sealed class Call(RemoteRequest request, long started)
    {
        public RemoteRequest Request { get; } = request;

        public long Started { get; } = started;

        public int Attempts { get; set; }

        /// <summary>The server's wait for the next retry; null lets the backoff decide.</summary>
        public TimeSpan? ServerWait { get; set; }

        /// <summary>Set when the server asked for more time than the budget has left.</summary>
        public (TimeSpan Wait, TimeSpan Left, string? Code)? RefusedWait { get; set; }
    }
}
