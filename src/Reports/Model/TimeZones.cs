namespace Reports.Model;

/// <summary>Looks up IANA time zones and suggests a close id when one is misspelt.</summary>
internal static class TimeZones
{
    /// <remarks>A name that is a folder of the zone database (<c>Asia/</c>) fails with a security or I/O error: not a zone either.</remarks>
    public static TimeZoneInfo? TryFind(string id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException
            or System.Security.SecurityException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The known zone id closest to <paramref name="id"/>, or null when none is close.</summary>
    public static string? Suggest(string id)
    {
        // Only reached on the error path, so enumerating the system zones is affordable.
        var ids = TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id);
        return KeySuggester.Closest(id, ids);
    }

    /// <summary>One-line error text for an unknown zone id, without a location prefix.</summary>
    public static string UnknownMessage(string id)
    {
        var suggestion = Suggest(id);
        var hint = suggestion is null ? "use an IANA id such as Asia/Jakarta or Europe/Berlin" : $"did you mean '{suggestion}'?";
        return $"'{id}' is not a known IANA time zone ({hint})";
    }
}
