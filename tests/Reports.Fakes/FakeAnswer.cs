using System.Text.Json.Nodes;

namespace Reports.Fakes;

/// <summary>
/// A successful answer of the fake GitLab just before it is sent, for a test to change through
/// <see cref="FakeGitLab.Answering"/>: its body as JSON, its headers, or the dataset before the next page.
/// </summary>
public sealed class FakeAnswer(FakeRequest request, int? page, IDictionary<string, string> headers, JsonNode? body)
{
    public FakeRequest Request { get; } = request;

    /// <summary>The page number of a list's answer, 1 for the first; null for a single object.</summary>
    public int? Page { get; } = page;

    /// <summary>Headers to send besides the content type: a list's <c>X-Total</c>, <c>X-Next-Page</c>, <c>Link</c> and the rest.</summary>
    public IDictionary<string, string> Headers { get; } = headers;

    /// <summary>What is sent; replace or edit it to send something else.</summary>
    public JsonNode? Body { get; set; } = body;

    /// <summary>True for the answer to a list whose path ends with <paramref name="suffix"/> (e.g. <c>/merge_requests</c>).</summary>
    public bool IsListOf(string suffix) => Page is not null && Request.Path.EndsWith(suffix, StringComparison.Ordinal);
}
