namespace Reports.Site;

/// <summary>One file of a run's output: a path relative to the output folder ('/' separators) and its text, or its bytes.</summary>
internal sealed record SiteFile(string RelativePath, string Content)
{
    /// <summary>The file's bytes, written as they are (an image), when it is not text.</summary>
    public byte[]? Bytes { get; init; }

    public static SiteFile Binary(string relativePath, byte[] bytes) => new(relativePath, "") { Bytes = bytes };
}
