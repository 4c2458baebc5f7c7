using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Reports.Http;

namespace Reports.GitLab;

/// <summary>
/// GitLab REST v4 over the shared <see cref="HttpTransport"/>: GETs under <c>/api/v4</c>, paged
/// lazily, every failure a <see cref="GitLabException"/>.
/// </summary>
internal sealed class GitLabConnection : IDisposable
{
    private readonly HttpTransport _transport;
    private readonly string _origin;
    private readonly string _apiRoot;
    private readonly int _maxPages;

    public GitLabConnection(Uri baseUrl, string token, GitLabClientOptions options, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (string.IsNullOrWhiteSpace(token) || token.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new EvidenceException($"the GitLab token in {options.TokenEnv} is empty or not a single line: set it to a token with the {options.TokenScope} scope");
        }

        // Credentials in the URL would leak into messages; the token travels in a header only.
        var url = new UriBuilder(baseUrl) { UserName = "", Password = "", Query = "", Fragment = "" };
        var path = url.Path.TrimEnd('/');
        if (!path.EndsWith("/api/v4", StringComparison.OrdinalIgnoreCase))
        {
            path += "/api/v4";
        }

        url.Path = path + "/";
        _origin = url.Uri.GetLeftPart(UriPartial.Authority);
        _apiRoot = url.Uri.AbsoluteUri;
        Instance = new Uri(_apiRoot[..^"api/v4/".Length]);
        TokenEnv = options.TokenEnv;
        TokenScope = options.TokenScope;
        _maxPages = options.MaxPages;
        _transport = new HttpTransport(new GitLabApi(Instance, token), options, handler);
    }

    /// <summary>Instance base URL without credentials, e.g. <c>https://gitlab.example.com/</c>.</summary>
    public Uri Instance { get; }

    public string TokenEnv { get; }

    public string TokenScope { get; }

    public async Task<T> GetAsync<T>(string relative, string? notFound, CancellationToken ct)
        where T : class
    {
        var request = RemoteRequest.Get(new Uri(_apiRoot + relative));
        using var response = await SendAsync(request, notFound, ct);
        return await ReadAsync<T>(response, request, ct)
            ?? throw _transport.Fail($"GitLab answered {_transport.Describe(request)} with an empty body", response.StatusCode, request);
    }

    /// <summary>
    /// A request that changes something (<c>POST</c>, <c>PUT</c>), with <paramref name="body"/> as JSON.
    /// It is never repeated once it may have reached GitLab: a failure may still have changed
    /// something, which the caller finds out by reading again.
    /// </summary>
    public async Task<T> SendChangeAsync<T>(HttpMethod method, string relative, object body, string? notFound, CancellationToken ct)
        where T : class
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(body, GitLabJson.Options);
        var request = RemoteRequest.Change(method, new Uri(_apiRoot + relative), () => new ByteArrayContent(json)
        {
            Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") },
        });
        using var response = await SendAsync(request, notFound, ct);
        return await ReadAsync<T>(response, request, ct)
            ?? throw _transport.Fail($"GitLab answered {_transport.Describe(request)} with an empty body", response.StatusCode, request);
    }

    /// <summary>
    /// A <c>DELETE</c>: a change like <see cref="SendChangeAsync"/>, so it is never repeated once it may
    /// have reached GitLab; the answer's body, if any, is not read.
    /// </summary>
    public async Task DeleteAsync(string relative, string? notFound, CancellationToken ct)
    {
        var request = new RemoteRequest(HttpMethod.Delete, new Uri(_apiRoot + relative), SafeToRepeat: false);
        using var response = await SendAsync(request, notFound, ct);
    }

    /// <summary>Every item of every page, fetched one page (of 100) at a time as the caller reads.</summary>
    /// <remarks>Only the walk and null items are checked: the items have no key or fault declared.</remarks>
    public IAsyncEnumerable<T> GetPagedAsync<T>(string relative, string? notFound, CancellationToken ct)
        where T : class =>
        GetPagedAsync(relative, notFound, ListedItems<T>.Plain, ct);

    /// <summary>
    /// Every item of every page, fetched one page (of 100) at a time as the caller reads. The walk is
    /// checked (<see cref="GitLabPageWalk{T}"/>): a page named twice, a walk past
    /// <see cref="RemoteClientOptions.MaxPages"/>, a null or unusable item, or fewer distinct items
    /// than the first page's <c>X-Total</c> fail it with a <see cref="GitLabException"/>.
    /// </summary>
    public async IAsyncEnumerable<T> GetPagedAsync<T>(string relative, string? notFound, ListedItems<T> listed, [EnumeratorCancellation] CancellationToken ct)
        where T : class
    {
        Uri? uri = SetQuery(new Uri(_apiRoot + relative), "per_page", "100");
        var walk = new GitLabPageWalk<T>(listed, _maxPages, _transport.Endpoint);
        walk.Start(uri);
        RemoteRequest? first = null;
        while (uri is not null)
        {
            List<T?>? items;
            Uri? next;
            var request = RemoteRequest.Get(uri);
            first ??= request;
            using (var response = await SendAsync(request, notFound, ct))
            {
                items = await ReadAsync<List<T?>>(response, request, ct);
                next = NextPage(response, uri);
                if (walk.Read(response, items, next) is { } problem)
                {
                    throw _transport.Fail($"GitLab answered {_transport.Describe(request)} {problem}", response.StatusCode, request);
                }
            }

            foreach (var item in items!)
            {
                yield return item!;
            }

            uri = next;
        }

        if (walk.Shortfall() is { } shortfall)
        {
            throw _transport.Fail($"GitLab answered {_transport.Describe(first!)} {shortfall}", HttpStatusCode.OK, first!);
        }
    }

    public void Dispose() => _transport.Dispose();

    private async Task<HttpResponseMessage> SendAsync(RemoteRequest request, string? notFound, CancellationToken ct)
    {
        var response = await _transport.SendAsync(request, ct);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ErrorAsync(response, request, notFound, ct);
        }
    }

    private async Task<Exception> ErrorAsync(HttpResponseMessage response, RemoteRequest request, string? notFound, CancellationToken ct)
    {
        var status = response.StatusCode;
        var said = await ErrorBody.ReadAsync(response, ct);
        var code = $"{(int)status} {response.ReasonPhrase ?? status.ToString()}";
        var quoted = said is null ? "" : $" (\"{said}\")";
        var what = _transport.Describe(request);
        var message = status switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                $"GitLab refused {what} with {code}{quoted}: check that the environment variable {TokenEnv} holds a valid token with the {TokenScope} scope",
            HttpStatusCode.NotFound when notFound is not null => $"{notFound}: check the path or the token's access",
            _ => $"GitLab answered {what} with {code}{(said is null ? "" : $": {said}")}",
        };
        return _transport.Fail(message, status, request, said);
    }

    private async Task<T?> ReadAsync<T>(HttpResponseMessage response, RemoteRequest request, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(GitLabJson.Options, ct);
        }
        catch (JsonException ex)
        {
            throw _transport.Fail($"GitLab answered {_transport.Describe(request)} with a body that is not the expected JSON: {ex.Message}", response.StatusCode, request, inner: ex);
        }
    }

    /// <summary>Follows <c>Link rel="next"</c> (on our own host only, so the token never leaves it), else <c>X-Next-Page</c>.</summary>
    private Uri? NextPage(HttpResponseMessage response, Uri current)
    {
        if (LinkHeader.Find(response, "next") is { } link)
        {
            return new Uri(_origin + link.PathAndQuery);
        }

        if (response.Headers.TryGetValues("X-Next-Page", out var values)
            && int.TryParse(values.FirstOrDefault(), out var page)
            && page > 0)
        {
            return SetQuery(current, "page", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return null;
    }

    private static Uri SetQuery(Uri uri, string key, string value)
    {
        var pairs = uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith(key + "=", StringComparison.Ordinal) && p != key)
            .Append($"{key}={value}");
        return new UriBuilder(uri) { Query = string.Join('&', pairs) }.Uri;
    }
}
