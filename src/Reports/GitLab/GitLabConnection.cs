using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Http.Resilience;
using Polly.Timeout;

namespace Reports.GitLab;

/// <summary>
/// The single HttpClient of a <see cref="GitLabClient"/>: sends GETs through the resilience
/// pipeline, pages lazily and maps every failure to <see cref="GitLabException"/>.
/// </summary>
internal sealed partial class GitLabConnection : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _token;
    private readonly string _origin;
    private readonly string _apiRoot;

    public GitLabConnection(Uri baseUrl, string token, GitLabClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (string.IsNullOrWhiteSpace(token) || token.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new EvidenceException($"the GitLab token in {options.TokenEnv} is empty or not a single line: set it to a token with the read_api scope");
        }

        if (options.Concurrency < 1)
        {
            throw new EvidenceException($"gitlab concurrency must be at least 1, not {options.Concurrency}");
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
        _token = token;

        var handler = new ResilienceHandler(GitLabResilience.Build(options))
        {
            InnerHandler = new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AutomaticDecompression = DecompressionMethods.All,
            },
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.TryAddWithoutValidation("PRIVATE-TOKEN", token);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("evidence", "1.0"));
    }

    /// <summary>Instance base URL without credentials, e.g. <c>https://gitlab.example.com/</c>.</summary>
    public Uri Instance { get; }

    public string TokenEnv { get; }

    public async Task<T> GetAsync<T>(string relative, string? notFound, CancellationToken ct)
        where T : class
    {
        var uri = new Uri(_apiRoot + relative);
        using var response = await SendAsync(uri, notFound, ct);
        return await ReadAsync<T>(response, uri, ct)
            ?? throw Failure($"GitLab answered GET {Endpoint(uri)} with an empty body", response.StatusCode, uri);
    }

    /// <summary>Every item of every page, fetched one page (of 100) at a time as the caller reads.</summary>
    public async IAsyncEnumerable<T> GetPagedAsync<T>(string relative, string? notFound, [EnumeratorCancellation] CancellationToken ct)
    {
        Uri? uri = SetQuery(new Uri(_apiRoot + relative), "per_page", "100");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (uri is not null && seen.Add(uri.AbsoluteUri))
        {
            List<T>? items;
            Uri? next;
            using (var response = await SendAsync(uri, notFound, ct))
            {
                items = await ReadAsync<List<T>>(response, uri, ct);
                next = NextPage(response, uri);
            }

            foreach (var item in items ?? [])
            {
                yield return item;
            }

            uri = next;
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(Uri uri, string? notFound, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            response = await _http.SendAsync(request, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is TimeoutRejectedException or OperationCanceledException)
        {
            throw Failure($"GitLab at {Instance} did not answer GET {Endpoint(uri)} in time, even after retries", null, uri, null, ex);
        }
        catch (HttpRequestException ex)
        {
            throw Failure($"could not reach GitLab at {Instance} for GET {Endpoint(uri)}, even after retries: {ex.Message}", null, uri, null, ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ErrorAsync(response, uri, notFound, ct);
        }
    }

    private async Task<GitLabException> ErrorAsync(HttpResponseMessage response, Uri uri, string? notFound, CancellationToken ct)
    {
        string? body;
        try
        {
            body = await response.Content.ReadAsStringAsync(ct);
        }
        catch (HttpRequestException)
        {
            body = null;
        }

        var status = response.StatusCode;
        var said = GitLabErrorBody.Read(response.Content.Headers.ContentType?.MediaType, body);
        var code = $"{(int)status} {response.ReasonPhrase ?? status.ToString()}";
        var quoted = said is null ? "" : $" (\"{said}\")";
        var message = status switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                $"GitLab refused GET {Endpoint(uri)} with {code}{quoted}: check that the environment variable {TokenEnv} holds a valid token with the read_api scope",
            HttpStatusCode.NotFound when notFound is not null => $"{notFound}: check the path or the token's access",
            _ => $"GitLab answered GET {Endpoint(uri)} with {code}{(said is null ? "" : $": {said}")}",
        };
        return Failure(message, status, uri, said);
    }

    private async Task<T?> ReadAsync<T>(HttpResponseMessage response, Uri uri, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(GitLabJson.Options, ct);
        }
        catch (JsonException ex)
        {
            throw Failure($"GitLab answered GET {Endpoint(uri)} with a body that is not the expected JSON: {ex.Message}", response.StatusCode, uri, null, ex);
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

    private GitLabException Failure(string message, HttpStatusCode? status, Uri uri, string? said = null, Exception? inner = null) =>
        new(Redact(message), status, "GET", Endpoint(uri), said is null ? null : Redact(said), inner);

    /// <summary>Path and query under the host, with any token-like query value blanked.</summary>
    private string Endpoint(Uri uri) => Redact(SecretQueryRegex().Replace(uri.PathAndQuery, "$1=[redacted]"));

    /// <summary>A body or proxy page could echo the token back; it never reaches a message.</summary>
    private string Redact(string text) => text.Replace(_token, "[redacted]", StringComparison.Ordinal);

    private static Uri SetQuery(Uri uri, string key, string value)
    {
        var pairs = uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith(key + "=", StringComparison.Ordinal) && p != key)
            .Append($"{key}={value}");
        return new UriBuilder(uri) { Query = string.Join('&', pairs) }.Uri;
    }

    [GeneratedRegex("(private_token|access_token|job_token)=[^&]*", RegexOptions.IgnoreCase)]
    private static partial Regex SecretQueryRegex();
}
