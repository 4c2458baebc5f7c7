namespace Reports.Model;

/// <summary>
/// The first and last local dates a window may cover: far enough from the ends of
/// <see cref="DateTimeOffset"/> that every window's midnights exist in every time zone.
/// The config, the calendar and the snapshot's validation all check against these.
/// </summary>
internal static class SupportedDates
{
    public static readonly DateOnly First = new(1900, 1, 1);

    public static readonly DateOnly Last = new(9998, 12, 31);

    /// <summary>"1900-01-01 to 9998-12-31", for messages.</summary>
    public static string Range => $"{First:yyyy-MM-dd} to {Last:yyyy-MM-dd}";

    public static bool Contain(DateOnly date) => date >= First && date <= Last;
}
