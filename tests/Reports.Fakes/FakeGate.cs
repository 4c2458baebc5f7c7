namespace Reports.Fakes;

/// <summary>
/// Holds a fixed number of matching requests until all of them have arrived, then lets them go on
/// together, so clients that overlap really interleave; one that does not fill in time opens anyway.
/// </summary>
internal sealed class FakeGate(string route, string method, int parties, TimeSpan timeout)
{
    private readonly TaskCompletionSource _full = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _taken;
    private int _arrived;

    /// <summary>Takes a place for a request of <paramref name="requestMethod"/> on <paramref name="path"/>; the caller holds the fake's gate lock.</summary>
    public bool TryTake(string path, string requestMethod)
    {
        if (_taken >= parties || requestMethod != method || (route != "*" && !path.EndsWith(route, StringComparison.Ordinal)))
        {
            return false;
        }

        _taken++;
        return true;
    }

    public async Task ArriveAsync(CancellationToken ct)
    {
        if (Interlocked.Increment(ref _arrived) == parties)
        {
            _full.TrySetResult();
        }

        try
        {
            await _full.Task.WaitAsync(timeout, ct);
        }
        catch (TimeoutException)
        {
            // A test fails on its assertions rather than hanging.
            _full.TrySetResult();
        }
    }
}
