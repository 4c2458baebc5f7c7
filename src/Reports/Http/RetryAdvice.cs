namespace Reports.Http;

/// <summary>
/// One API's reading of an error answer: whether trying again could help, how long the server
/// asked to wait (null lets the backoff decide), and the API's own error code if it sent one.
/// </summary>
internal readonly record struct RetryAdvice(bool Retry, TimeSpan? Wait = null, string? Code = null)
{
    public static RetryAdvice Final(string? code = null) => new(false, null, code);
}
