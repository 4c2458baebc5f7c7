using System.IO.Compression;
using Microsoft.AspNetCore.Http;

namespace Reports.Fakes;

/// <summary>A failure the fake serves instead of the real answer, once per queued use.</summary>
public sealed record FakeFault
{
    public int Status { get; init; }

    public string ContentType { get; init; } = "application/json";

    public string Body { get; init; } = "";

    /// <summary>When set, sent instead of <see cref="Body"/>, as they are (e.g. gzip with <c>Content-Encoding</c>).</summary>
    public byte[]? Bytes { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>When set, the request stalls this long and is then answered normally (for attempt timeouts).</summary>
    public TimeSpan? Stall { get; init; }

    /// <summary>
    /// The fake does the request's work first (a note lands), and only then fails: the answer is
    /// held back for <see cref="Stall"/>, or the connection is reset, so the client never hears of it.
    /// </summary>
    public bool AfterHandling { get; init; }

    /// <summary>The connection is reset instead of answered.</summary>
    public bool Reset { get; init; }

    /// <summary>The status, headers and body are sent, then the connection is reset before the promised length.</summary>
    public bool CutOff { get; init; }

    /// <summary>GitLab's rate limiter: plain-text body, <c>Retry-After</c> in seconds and the RateLimit headers.</summary>
    public static FakeFault TooManyRequests(string? retryAfter = "0", long? rateLimitReset = null)
    {
        var headers = new Dictionary<string, string>
        {
            ["RateLimit-Limit"] = "2000",
            ["RateLimit-Observed"] = "2001",
            ["RateLimit-Remaining"] = "0",
        };
        if (retryAfter is not null)
        {
            headers["Retry-After"] = retryAfter;
        }

        if (rateLimitReset is { } reset)
        {
            headers["RateLimit-Reset"] = reset.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return new FakeFault { Status = 429, ContentType = "text/plain", Body = "Retry later\n", Headers = headers };
    }

    /// <summary>
    /// Linear's rate limiter: HTTP 400 (not only 429) whose <c>errors[].extensions.code</c> is
    /// <c>RATELIMITED</c>, with the reset time in epoch milliseconds.
    /// </summary>
    public static FakeFault LinearRateLimited(TimeSpan resetIn, int status = 400) => new()
    {
        Status = status,
        Body = """{"errors":[{"message":"Rate limit exceeded","extensions":{"code":"RATELIMITED","type":"ratelimited","userError":true,"userPresentableMessage":"You have exceeded the rate limit. Please try again later."}}]}""",
        Headers = new Dictionary<string, string>
        {
            ["X-RateLimit-Requests-Limit"] = "5000",
            ["X-RateLimit-Requests-Remaining"] = "0",
            ["X-RateLimit-Requests-Reset"] = DateTimeOffset.UtcNow.Add(resetIn).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
    };

    /// <summary>What nginx in front of GitLab sends when Puma is down.</summary>
    public static FakeFault BadGatewayHtml() => new()
    {
        Status = 502,
        ContentType = "text/html",
        Body = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
    };

    public static FakeFault ServerError(string message = "500 Internal Server Error") =>
        Json(500, System.Text.Json.JsonSerializer.Serialize(new { message }));

    public static FakeFault Json(int status, string json) => new() { Status = status, Body = json };

    public static FakeFault Text(int status, string text, string contentType = "text/plain") =>
        new() { Status = status, Body = text, ContentType = contentType };

    /// <summary>A redirect (301, 302, 303, 307, 308) to <paramref name="location"/>, with an empty body, as a proxy sends it.</summary>
    public static FakeFault Redirect(int status, Uri location) => new()
    {
        Status = status,
        ContentType = "text/html",
        Headers = new Dictionary<string, string> { ["Location"] = location.IsAbsoluteUri ? location.AbsoluteUri : location.OriginalString },
    };

    /// <summary>
    /// A decompression bomb: a gzip body (<c>Content-Encoding: gzip</c>) of a few KB that inflates to
    /// <paramref name="inflatedBytes"/>: a JSON list opened and then only spaces, so no parser can end it early.
    /// </summary>
    public static FakeFault GzipBomb(long inflatedBytes, int status = 200)
    {
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var block = new byte[64 * 1024];
            Array.Fill(block, (byte)' ');
            block[0] = (byte)'[';
            for (var left = inflatedBytes; left > 0; left -= block.Length)
            {
                gzip.Write(block, 0, (int)Math.Min(block.Length, left));
                block[0] = (byte)' ';
            }
        }

        return new FakeFault
        {
            Status = status,
            Bytes = compressed.ToArray(),
            Headers = new Dictionary<string, string> { ["Content-Encoding"] = "gzip" },
        };
    }

    /// <summary>A success whose body breaks off: 10 bytes of the 1,000 its <c>Content-Length</c> promised.</summary>
    public static FakeFault BrokenOff() => new()
    {
        Status = 200,
        Body = "[{\"id\": 1,",
        CutOff = true,
        Headers = new Dictionary<string, string> { ["Content-Length"] = "1000" },
    };

    public static FakeFault Stalled(TimeSpan stall) => new() { Stall = stall };

    /// <summary>The connection is reset as soon as the request arrives, before any work.</summary>
    public static FakeFault ResetConnection() => new() { Reset = true };

    /// <summary>The request is carried out, then the connection is reset before any answer: a write that landed unseen.</summary>
    public static FakeFault ResetAfterHandling() => new() { AfterHandling = true, Reset = true };

    /// <summary>The request is carried out, then its answer never comes (the client's attempt times out).</summary>
    public static FakeFault StalledAfterHandling(TimeSpan stall) => new() { AfterHandling = true, Stall = stall, Reset = true };

    internal async Task WriteAsync(HttpContext context)
    {
        context.Response.StatusCode = Status;
        context.Response.ContentType = ContentType;
        foreach (var (name, value) in Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (Bytes is not null)
        {
            await context.Response.Body.WriteAsync(Bytes, context.RequestAborted);
            return;
        }

        await context.Response.WriteAsync(Body, context.RequestAborted);
        if (CutOff)
        {
            // Time for the server's socket to send what was flushed, which an immediate abort would discard.
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(TimeSpan.FromMilliseconds(500), context.RequestAborted);
            context.Abort();
        }
    }
}
