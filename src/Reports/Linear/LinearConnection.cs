using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Reports.Http;

namespace Reports.Linear;

/// <summary>
/// Linear's GraphQL endpoint over the shared <see cref="HttpTransport"/>: POSTs
/// <c>{query, variables, operationName}</c>, reads typed <c>data</c>, maps <c>errors[]</c> and
/// failed answers to <see cref="LinearException"/>. Queries change nothing, so they are retried.
/// </summary>
internal sealed class LinearConnection : IDisposable
{
    private const string Unusable = ": the answer cannot be used; re-run, and report it to Linear if it persists";

    private readonly HttpTransport _transport;
    private readonly int _maxPages;

    public LinearConnection(Uri url, string apiKey, LinearClientOptions options, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (string.IsNullOrWhiteSpace(apiKey) || apiKey.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new EvidenceException($"the Linear API key in {options.ApiKeyEnv} is empty or not a single line: set it to a personal API key");
        }

        // Credentials in the URL would leak into messages; the key travels in a header only.
        Endpoint = new UriBuilder(url) { UserName = "", Password = "", Query = "", Fragment = "" }.Uri;
        ApiKeyEnv = options.ApiKeyEnv;
        _maxPages = options.MaxPages;
        _transport = new HttpTransport(new LinearApi(Endpoint, apiKey.Trim()), options, handler);
    }

    /// <summary>The GraphQL endpoint without credentials, e.g. <c>https://api.linear.app/graphql</c>.</summary>
    public Uri Endpoint { get; }

    public string ApiKeyEnv { get; }

    /// <summary>Runs <paramref name="operation"/> and reads <c>data.{root}</c> as <typeparamref name="T"/>.</summary>
    public async Task<T> QueryAsync<T>(LinearOperation operation, IReadOnlyDictionary<string, object?> variables, string root, CancellationToken ct)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new Dictionary<string, object?> { ["query"] = operation.Document, ["variables"] = variables, ["operationName"] = operation.Name },
            LinearJson.Options);
        var request = new RemoteRequest(HttpMethod.Post, Endpoint, SafeToRepeat: true)
        {
            Content = () => new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
            Operation = operation.Name,
        };

        using var response = await _transport.SendAsync(request, ct);

        // A success is read whole (the transport caps it); of an error only the first part the transport kept.
        var text = response.IsSuccessStatusCode ? null : await ErrorBody.TextAsync(response, ct);
        var answer = response.IsSuccessStatusCode ? await GraphQLResponse.TryReadAsync(response.Content, ct) : GraphQLResponse.TryRead(text);
        if (answer?.Errors is { Count: > 0 } errors)
        {
            throw Failure(response, request, errors);
        }

        if (!response.IsSuccessStatusCode)
        {
            var said = ErrorBody.Read(response.Content.Headers.ContentType?.MediaType, text);
            throw _transport.Fail($"Linear answered {_transport.Describe(request)} with {Status(response)}{(said is null ? "" : $": {said}")}", response.StatusCode, request, said);
        }

        if (answer?.Data is not { ValueKind: JsonValueKind.Object } data || !data.TryGetProperty(root, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw _transport.Fail($"Linear answered {_transport.Describe(request)} without data.{root}: the body is not the expected GraphQL answer", response.StatusCode, request);
        }

        try
        {
            return value.Deserialize<T>(LinearJson.Options)
                ?? throw new JsonException($"data.{root} is null");
        }
        catch (JsonException ex)
        {
            throw _transport.Fail($"Linear answered {_transport.Describe(request)} with data that is not the expected shape: {ex.Message}", response.StatusCode, request, inner: ex);
        }
    }

    /// <summary>Every node of a connection, one page at a time as the caller reads, following <c>pageInfo.endCursor</c>; null nodes refused.</summary>
    public IAsyncEnumerable<T> PageAsync<T>(LinearOperation operation, IReadOnlyDictionary<string, object?> variables, string root, CancellationToken ct)
        where T : class =>
        PageAsync(operation, variables, root, ListedItems<T>.Plain, ct);

    /// <summary>
    /// Every node of a connection, one page at a time as the caller reads, following
    /// <c>pageInfo.endCursor</c>. The walk is checked (<see cref="LinearCursorWalk"/>): a cursor given
    /// twice, a walk past <see cref="RemoteClientOptions.MaxPages"/>, and a null or unusable node fail it
    /// with a <see cref="LinearException"/> naming the operation and the JSON path.
    /// </summary>
    public async IAsyncEnumerable<T> PageAsync<T>(
        LinearOperation operation,
        IReadOnlyDictionary<string, object?> variables,
        string root,
        ListedItems<T> listed,
        [EnumeratorCancellation] CancellationToken ct)
        where T : class
    {
        var walk = Walk();
        string? after = null;
        do
        {
            var page = await QueryAsync<LinearPage<T?>>(operation, new Dictionary<string, object?>(variables) { ["after"] = after }, root, ct);
            var nodes = Nodes(operation, $"data.{root}", page.Nodes, listed);
            if (walk.Follow(page.PageInfo, $"data.{root}.pageInfo") is { } problem)
            {
                throw BadAnswer(operation, problem);
            }

            foreach (var node in nodes)
            {
                yield return node;
            }

            after = walk.Cursor;
        }
        while (after is not null);
    }

    /// <summary>A fresh check of one walk over a connection, bounded by the client's <see cref="RemoteClientOptions.MaxPages"/>.</summary>
    public LinearCursorWalk Walk() => new(_maxPages);

    /// <summary>The nodes of the connection at <paramref name="path"/>, refused when missing, null or unusable.</summary>
    public IReadOnlyList<T> Nodes<T>(LinearOperation operation, string path, IReadOnlyList<T?>? nodes, ListedItems<T> listed)
        where T : class
    {
        if (nodes is null)
        {
            throw BadAnswer(operation, $"without {path}.nodes{Unusable}");
        }

        if (listed.FirstFault(nodes) is { } fault)
        {
            throw BadAnswer(operation, $"but {path}.nodes{fault}{Unusable}");
        }

        return nodes!;
    }

    /// <summary>The failure for an answer that arrived whole but cannot be used (<paramref name="problem"/> follows the request's name), redacted.</summary>
    public Exception BadAnswer(LinearOperation operation, string problem)
    {
        var request = new RemoteRequest(HttpMethod.Post, Endpoint, SafeToRepeat: true) { Operation = operation.Name };
        return _transport.Fail($"Linear answered {_transport.Describe(request)} {problem}", HttpStatusCode.OK, request);
    }

    public void Dispose() => _transport.Dispose();

    private Exception Failure(HttpResponseMessage response, RemoteRequest request, IReadOnlyList<GraphQLError> errors)
    {
        var status = response.StatusCode;
        var code = errors[0].Code;
        var said = string.Join("; ", errors.Select(e => e.Text).Distinct(StringComparer.Ordinal));
        var what = _transport.Describe(request);
        var answer = $"{Status(response)}{(code is null ? "" : $" {code}")}";
        var message = code switch
        {
            _ when status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || code is "AUTHENTICATION_ERROR" or "FORBIDDEN" =>
                $"Linear refused {what} with {answer} (\"{said}\"): check that the environment variable {ApiKeyEnv} holds a valid Linear personal API key",
            LinearApi.RateLimited => $"Linear kept rate-limiting {what} after retries ({answer}: {said}): try again later",
            _ => $"Linear answered {what} with {answer}: {said}",
        };
        return _transport.Fail(message, status, request, said, code);
    }

    private static string Status(HttpResponseMessage response) => $"{(int)response.StatusCode} {response.ReasonPhrase ?? response.StatusCode.ToString()}";
}
