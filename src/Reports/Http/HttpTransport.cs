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
/// It also holds the policies no handler can be trusted with: redirects are followed only within
/// the API's origin, every body is read within the attempt up to a cap, and the client's requests
/// are counted against the run's request budget (<c>docs/network.md</c>).
/// </summary>
internal sealed partial class HttpTransport : IDisposable
{
    private static readonly ResiliencePropertyKey<TransportCall> CallKey = new("evidence.call");

    private readonly IRemoteApi _api;
    private readonly RemoteClientOptions _options;
    private readonly HttpClient _http;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private int _sent;

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

        if (options.MaxRequests < 1 || options.MaxBodyBytes < 1 || options.MaxRedirects < 0)
        {
            throw new EvidenceException($"{api.MaxRequestsKey} and the body limit must be at least 1 and the redirect limit at least 0, not {options.MaxRequests}, {options.MaxBodyBytes} and {options.MaxRedirects}");
        }

        _api = api;
        _options = options;
        _http = new HttpClient(Redirects.Disabled(handler ?? new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.All,
            AllowAutoRedirect = false,
        }))
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
        var call = new TransportCall(request, Stopwatch.GetTimestamp());
        var context = ResilienceContextPool.Shared.Get(ct);
        context.Properties.Set(CallKey, call);
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(
                static async (ctx, state) => await state.Transport.AttemptAsync(state.TransportCall, ctx.CancellationToken),
                context,
                (Transport: this, TransportCall: call));
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
    public string Redact(string text) => Secrets.Redact(text, _api.Secrets);

    public void Dispose() => _http.Dispose();

    /// <summary>
    /// One attempt: the request, any redirects within the API's origin (the credential re-attached
    /// by the client's default headers, a 307/308 body built afresh), and the answer's body read
    /// within the attempt's time up to its cap. A refused redirect, an oversized body and a spent
    /// request budget throw the API's exception, which is never retried.
    /// </summary>
    private async ValueTask<HttpResponseMessage> AttemptAsync(TransportCall call, CancellationToken ct)
    {
        call.Attempts++;
        var request = call.Request;
        var uri = request.Uri;
        var method = request.Method;
        for (var hop = 0; ; hop++)
        {
            Spend(request);
            using var message = new HttpRequestMessage(method, uri) { Content = method == request.Method ? request.Content?.Invoke() : null };
            var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct);
            try
            {
                if (response.RequestMessage?.RequestUri is { } answered && !Redirects.SameOrigin(answered, uri))
                {
                    // A handler followed a redirect on its own; whatever it sent, its answer is not used.
                    throw Fail(
                        $"{_api.Name}'s answer to {Describe(request)} came from another host ({answered.Authority}) after a redirect the HTTP handler followed; "
                        + $"it is not used: {_api.UrlKey} must point at the API's real host, e.g. {_api.SuggestUrl(answered)}",
                        response.StatusCode,
                        request);
                }

                if (Redirects.Target(response, uri) is not { } target)
                {
                    await BufferAsync(response, request, ct);
                    return response;
                }

                method = Redirected(request, method, response, target, hop);
                uri = target;
            }
            catch
            {
                response.Dispose();
                throw;
            }

            response.Dispose();
        }
    }

    /// <summary>Counts one request against the budget, or refuses it once the budget is spent.</summary>
    private void Spend(RemoteRequest request)
    {
        if (Interlocked.Increment(ref _sent) > _options.MaxRequests)
        {
            throw Fail(
                $"stopped before {Describe(request)}: this run has already sent {_api.Name} {Count(_options.MaxRequests)} requests, "
                + $"the most {_api.MaxRequestsKey} allows; raise {_api.MaxRequestsKey} if the course really needs more (a loop in {_api.Name}'s answers also ends here)",
                null,
                request);
        }
    }

    /// <summary>The method of the next hop, or the API's exception when the redirect must not be followed.</summary>
    private HttpMethod Redirected(RemoteRequest request, HttpMethod method, HttpResponseMessage response, Uri target, int hop)
    {
        var status = response.StatusCode;
        if (!Redirects.SameOrigin(target, request.Uri))
        {
            throw Fail(
                $"{_api.Name} at {_api.Origin} answered {Describe(request)} with {Status(response)}, a redirect to another host ({target.Authority}); "
                + $"evidence does not follow it, so neither the credential nor the request goes there: {_api.UrlKey} must point at the API's real host, e.g. {_api.SuggestUrl(target)}",
                status,
                request);
        }

        var kept = (int)status is 307 or 308;
        if (!kept && method != HttpMethod.Get && method != HttpMethod.Head)
        {
            // 301, 302 and 303 would turn the request into a GET without its body: a change or a query lost on the way.
            throw Fail(
                $"{_api.Name} answered {Describe(request)} with {Status(response)}, a redirect to {Endpoint(target)} that would send it again as a GET without its body; "
                + $"it is not followed: {_api.UrlKey} must be the API's real address, e.g. {_api.SuggestUrl(target)}",
                status,
                request);
        }

        if (hop >= _options.MaxRedirects)
        {
            throw Fail(
                $"{_api.Name} redirected {Describe(request)} more than {_options.MaxRedirects} times (last to {Endpoint(target)}); "
                + $"it is not followed further: {_api.UrlKey} must be the API's real address",
                status,
                request);
        }

        return kept ? method : HttpMethod.Get;
    }

    /// <summary>
    /// Replaces the body with one read now, within the attempt's time: a success up to
    /// <see cref="RemoteClientOptions.MaxBodyBytes"/> (more fails the request), an error's first
    /// <see cref="ErrorBody.MaxBytes"/>. A body cut off mid-way is a network failure, retried when safe.
    /// </summary>
    private async Task BufferAsync(HttpResponseMessage response, RemoteRequest request, CancellationToken ct)
    {
        var success = response.IsSuccessStatusCode;
        BufferedBody body;
        try
        {
            body = await BufferedBody.ReadAsync(response.Content, success ? _options.MaxBodyBytes : ErrorBody.MaxBytes, ct);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            throw new HttpRequestException(HttpRequestError.ResponseEnded, $"the answer broke off: {ex.Message}", ex);
        }

        if (success && body.Truncated)
        {
            body.Dispose();
            throw Fail(
                $"{_api.Name}'s answer to {Describe(request)} is larger than the {ByteSize.Text(_options.MaxBodyBytes)} limit on one answer, "
                + $"far above any real page; not retried: check that {_api.UrlKey} points at the API and not at a proxy or another service",
                response.StatusCode,
                request);
        }

        var original = response.Content;
        response.Content = body;
        original.Dispose();
    }

    private static string Status(HttpResponseMessage response) => $"{(int)response.StatusCode} {response.ReasonPhrase ?? response.StatusCode.ToString()}";

    private static string Count(int value) => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

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

    private string GaveUp(TransportCall call) => call.Attempts switch
    {
        1 when !call.Request.SafeToRepeat => "not retried, because the request may have reached the server and changed something",
        _ => $"gave up after {Attempts(call)} in {ServerWait.Seconds(Stopwatch.GetElapsedTime(call.Started))}; "
            + $"the timeout budget is {ServerWait.Seconds(_options.TotalTimeout)} ({_api.TimeoutKey})",
    };

    private static string Tries(TransportCall call) => call.Attempts > 1 ? $" after {Attempts(call)}" : "";

    private static string Attempts(TransportCall call) => call.Attempts == 1 ? "1 attempt" : $"{call.Attempts} attempts";

    [GeneratedRegex("(private_token|access_token|job_token|api_key)=[^&]*", RegexOptions.IgnoreCase)]
    private static partial Regex SecretQueryRegex();
}
