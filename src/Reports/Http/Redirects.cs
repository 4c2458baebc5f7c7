namespace Reports.Http;

/// <summary>How the transport keeps redirects in its own hands: no handler follows one, and only one within the API's origin is followed.</summary>
internal static class Redirects
{
    /// <summary>
    /// A handler that followed a redirect itself would re-send every header but <c>Authorization</c>
    /// to any host; the transport follows redirects itself, so no handler in the chain may.
    /// </summary>
    public static HttpMessageHandler Disabled(HttpMessageHandler handler)
    {
        for (var current = handler; current is not null; current = (current as DelegatingHandler)?.InnerHandler)
        {
            if (current is SocketsHttpHandler { AllowAutoRedirect: true } sockets)
            {
                sockets.AllowAutoRedirect = false;
            }
            else if (current is HttpClientHandler { AllowAutoRedirect: true } client)
            {
                client.AllowAutoRedirect = false;
            }
        }

        return handler;
    }

    /// <summary>Where a 301, 302, 303, 307 or 308 points, resolved against the request's address; null for any other answer.</summary>
    public static Uri? Target(HttpResponseMessage response, Uri uri) =>
        (int)response.StatusCode is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location
            ? location.IsAbsoluteUri ? location : new Uri(uri, location)
            : null;

    /// <summary>Same scheme, host and port: what a credential may be sent to again.</summary>
    public static bool SameOrigin(Uri a, Uri b) =>
        Uri.Compare(a, b, UriComponents.Scheme | UriComponents.Host | UriComponents.StrongPort, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
