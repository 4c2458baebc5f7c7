using System.Globalization;
using System.Xml;

namespace Reports.Notes;

/// <summary>
/// Finds the file of an image the notes show (<c>![alt](shot.png)</c>, relative to the notes file) and
/// checks it before anything is written: inside the notes file's folder (links followed), one of the
/// listed types by name and by content, and at most <see cref="MaxBytes"/>. The site copies it again
/// through <see cref="Read"/>, which checks it again.
/// </summary>
internal static class NoteImages
{
    /// <summary>The largest image copied (5 MiB): a screenshot as PNG is well under it.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>The types copied, by file extension, as the page names them.</summary>
    public static readonly IReadOnlyList<string> Extensions = [".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"];

    /// <summary>Whether a destination is a file beside the notes rather than an address: no scheme, not rooted.</summary>
    public static bool IsLocal(string url) =>
        !url.StartsWith('/') && !url.StartsWith('\\') && !Uri.TryCreate(url, UriKind.Absolute, out _) && !url.Contains(':', StringComparison.Ordinal);

    /// <summary>The checked image of <paramref name="url"/> (a local destination) in the notes file <paramref name="notesFile"/>.</summary>
    /// <param name="line">The image's line in the notes, from 1, for errors.</param>
    public static NoteImage Find(string notesFile, int line, string url)
    {
        string Where(string problem) => $"{notesFile}:{line}: image '{url}' {problem}";

        if (url.Length == 0)
        {
            throw new EvidenceException(Where("names no file: write the file's path relative to the notes file, e.g. ![Review on !109](review-109.png)"));
        }

        if (url.AsSpan().IndexOfAny("?#\\") >= 0)
        {
            throw new EvidenceException(Where("holds '?', '#' or '\\': write the file's path with '/' between folders and nothing after the name"));
        }

        var folder = LocalPaths.RealPath(Path.GetDirectoryName(Path.GetFullPath(notesFile))!);
        var relative = Uri.UnescapeDataString(url);
        var written = Path.GetFullPath(Path.Combine(folder, relative));
        string real;
        try
        {
            real = LocalPaths.RealPath(written);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LocalFileException(Where($"cannot be read: {e.Message}"), e);
        }

        if (!LocalPaths.IsInside(folder, written) || !LocalPaths.IsInside(folder, real))
        {
            throw new EvidenceException(Where($"lies outside the notes folder '{folder}': copy the image into that folder (or a folder inside it) and name it from there"));
        }

        if (!File.Exists(real))
        {
            throw new EvidenceException(Where($"is not there: no file '{written}'; check the name, or copy the image beside the notes file"));
        }

        var extension = Path.GetExtension(real).ToLowerInvariant();
        if (!Extensions.Contains(extension))
        {
            throw new EvidenceException(Where($"is not an image the report shows: use {string.Join(", ", Extensions.Select(e => e[1..].ToUpperInvariant()).Distinct())} (by name and content)"));
        }

        Check(Where, ReadBounded(real, Where), extension);
        return new NoteImage(url, Path.GetRelativePath(folder, real).Replace('\\', '/'), real, line, notesFile);
    }

    /// <summary>The image's bytes for the site, checked again: the file may have changed since the notes were read.</summary>
    public static byte[] Read(NoteImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        string Where(string problem) => $"{image.NotesFile}:{image.Line}: image '{image.Url}' {problem}";
        if (!File.Exists(image.Source))
        {
            throw new EvidenceException(Where($"is gone: '{image.Source}' was removed while the report was written; put it back and run again"));
        }

        var bytes = ReadBounded(image.Source, Where);
        Check(Where, bytes, Path.GetExtension(image.Source).ToLowerInvariant());
        return bytes;
    }

    private static byte[] ReadBounded(string path, Func<string, string> where)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length > MaxBytes)
            {
                throw TooLarge(where, stream.Length);
            }

            // Read one byte past the cap, so a file that grows while it is read is refused too.
            var buffer = new byte[MaxBytes + 1];
            var read = 0;
            int n;
            while (read < buffer.Length && (n = stream.Read(buffer, read, buffer.Length - read)) > 0)
            {
                read += n;
            }

            return read > MaxBytes ? throw TooLarge(where, read) : buffer[..read];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LocalFileException(where($"cannot be read: {e.Message}"), e);
        }
    }

    private static EvidenceException TooLarge(Func<string, string> where, long size) => new(where(string.Create(
        CultureInfo.InvariantCulture,
        $"is {size:N0} bytes, over the {MaxBytes:N0} bytes (5 MiB) an image may have: save it smaller (a PNG of the part that matters, or a JPEG)")));

    /// <summary>The content must be what the name says: a renamed file of another kind is refused.</summary>
    private static void Check(Func<string, string> where, byte[] bytes, string extension)
    {
        var ok = extension switch
        {
            ".png" => Starts(bytes, [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]),
            ".jpg" or ".jpeg" => Starts(bytes, [0xFF, 0xD8, 0xFF]),
            ".gif" => Starts(bytes, "GIF87a"u8) || Starts(bytes, "GIF89a"u8),
            ".webp" => bytes.Length >= 12 && Starts(bytes, "RIFF"u8) && bytes.AsSpan(8, 4).SequenceEqual("WEBP"u8),
            _ => true,
        };
        if (!ok)
        {
            throw new EvidenceException(where($"is not a {extension[1..].ToUpperInvariant()} file inside, whatever its name says: export it again as {extension[1..].ToUpperInvariant()}"));
        }

        if (extension == ".svg" && SvgProblem(bytes) is { } problem)
        {
            throw new EvidenceException(where($"is an SVG the site will not serve: {problem}; export it again without scripts or outside references"));
        }
    }

    private static bool Starts(byte[] bytes, ReadOnlySpan<byte> signature) => bytes.AsSpan().StartsWith(signature);

    /// <summary>
    /// Why an SVG may not be copied, or null. Opened on its own (not through the page's <c>&lt;img&gt;</c>), an
    /// SVG runs its scripts and loads what it refers to on the site's origin, so only a drawing passes: no
    /// script or embedded document, no event handler, no reference but to itself or to an embedded raster.
    /// </summary>
    internal static string? SvgProblem(byte[] bytes)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, MaxCharactersInDocument = MaxBytes };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
            var root = true;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA && Refers(reader.Value))
                    {
                        return "its styles load something from outside it (url(…) or @import)";
                    }

                    continue;
                }

                if (root && reader.LocalName != "svg")
                {
                    return $"its root element is <{reader.LocalName}>, not <svg>";
                }

                root = false;
                if (reader.LocalName is "script" or "foreignObject" or "iframe" or "embed" or "object" or "handler" or "listener")
                {
                    return $"it holds a <{reader.LocalName}> element";
                }

                for (var more = reader.MoveToFirstAttribute(); more; more = reader.MoveToNextAttribute())
                {
                    if (reader.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                    {
                        return $"it holds an event handler ({reader.Name})";
                    }

                    if (reader.LocalName == "href" && !reader.Value.StartsWith('#') && !IsEmbeddedRaster(reader.Value))
                    {
                        return $"it refers to '{Shorten(reader.Value)}'";
                    }

                    if (Refers(reader.Value) || reader.Value.Contains("javascript:", StringComparison.OrdinalIgnoreCase))
                    {
                        return $"its {reader.Name} attribute refers to something outside it";
                    }
                }

                reader.MoveToElement();
            }

            return root ? "it holds no element" : null;
        }
        catch (XmlException e)
        {
            return $"it is not plain, well-formed XML ({e.Message})";
        }
    }

    private static bool IsEmbeddedRaster(string value) =>
        value.StartsWith("data:image/png", StringComparison.OrdinalIgnoreCase) || value.StartsWith("data:image/jpeg", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("data:image/gif", StringComparison.OrdinalIgnoreCase) || value.StartsWith("data:image/webp", StringComparison.OrdinalIgnoreCase);

    /// <summary>A CSS reference to anything but a fragment of the drawing itself (<c>url(#gradient)</c>).</summary>
    private static bool Refers(string css)
    {
        if (css.Contains("@import", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        for (var at = css.IndexOf("url(", StringComparison.OrdinalIgnoreCase); at >= 0; at = css.IndexOf("url(", at + 4, StringComparison.OrdinalIgnoreCase))
        {
            var rest = css.AsSpan(at + 4).TrimStart(" \t\r\n'\"");
            if (!rest.StartsWith("#"))
            {
                return true;
            }
        }

        return false;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
