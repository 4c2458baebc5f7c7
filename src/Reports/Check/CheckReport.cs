namespace Reports.Check;

/// <summary>The items of one <c>evidence check</c>, each handed to <paramref name="said"/> as soon as it is known.</summary>
internal sealed class CheckReport(Action<CheckLine> said)
{
    private readonly List<CheckLine> _lines = [];

    public IReadOnlyList<CheckLine> Lines => _lines;

    public void Pass(string subject, string message) => Add(CheckStatus.Passed, subject, message);

    public void Warn(string subject, string message) => Add(CheckStatus.Warning, subject, message);

    public void Wrong(string subject, string message) => Add(CheckStatus.Wrong, subject, message);

    public void Refused(string subject, string message) => Add(CheckStatus.Refused, subject, message);

    /// <summary>A failure of a step: <see cref="CheckStatus.Refused"/> when a remote service gave it, else <see cref="CheckStatus.Wrong"/>.</summary>
    public void Failed(string subject, EvidenceException failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        Add(failure is RemoteServiceException ? CheckStatus.Refused : CheckStatus.Wrong, subject, failure.Message);
    }

    public int Count(CheckStatus status) => _lines.Count(l => l.Status == status);

    private void Add(CheckStatus status, string subject, string message)
    {
        var line = new CheckLine(status, subject, Secrets.Redact(message));
        _lines.Add(line);
        said(line);
    }
}
