using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Reports.Fakes;

/// <summary>
/// Another host on 127.0.0.1 (its own port, so another origin than the fakes): records every
/// request's method, target, headers and body, and answers each with an empty JSON list, as an SSO
/// front or a moved instance that a redirect points at would, were the client to follow it.
/// </summary>
public sealed class RecordingHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private RecordingHost(WebApplication app)
    {
        _app = app;
    }

    /// <summary>e.g. <c>http://127.0.0.1:53128/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary><c>127.0.0.1:53128</c>, as a message names the host.</summary>
    public string Authority => BaseUrl.Authority;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<RecordingHost> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var host = new RecordingHost(builder.Build());
        host._app.Run(host.RecordAsync);
        await host._app.StartAsync();
        host.BaseUrl = new Uri(host._app.Urls.First().TrimEnd('/') + "/");
        return host;
    }

    /// <summary>An address on this host, e.g. <c>Url("api/v4/projects/1")</c>.</summary>
    public Uri Url(string relative) => new(BaseUrl, relative);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task RecordAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
        _requests.Enqueue(new RecordedRequest(context.Request.Method, target, headers, body));
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("[]", context.RequestAborted);
    }
}
