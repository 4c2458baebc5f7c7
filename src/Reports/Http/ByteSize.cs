namespace Reports.Http;

/// <summary>Sizes as messages state them.</summary>
internal static class ByteSize
{
    /// <summary>e.g. "32 MiB", "64 KiB", "1,000 bytes".</summary>
    public static string Text(long bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)} MiB",
        >= 1024 when bytes % 1024 == 0 => $"{bytes / 1024} KiB",
        _ => $"{bytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} bytes",
    };
}
