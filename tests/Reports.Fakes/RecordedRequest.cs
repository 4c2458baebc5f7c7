namespace Reports.Fakes;

/// <summary>One request <see cref="RecordingHost"/> received, whole: what another host would have learnt.</summary>
public sealed record RecordedRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>Every header and the body on one string, to search for a secret.</summary>
    public string Everything => $"{Method} {Target}\n{string.Join('\n', Headers.Select(h => $"{h.Key}: {h.Value}"))}\n\n{Body}";
}
