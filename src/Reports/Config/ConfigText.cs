using System.Text;

namespace Reports.Config;

/// <summary>
/// Reads a config file's bytes as text: at most <see cref="MaxBytes"/>; UTF-8 with or without a
/// byte-order mark, or UTF-16/32 with one. Anything else is refused with the byte offset, never
/// turned into replacement characters that would end up in a report.
/// </summary>
internal static class ConfigText
{
    public const int MaxBytes = 1024 * 1024;

    public static string Read(string fullPath, string displayPath)
    {
        byte[] bytes;
        using (var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan))
        {
            // Reads at most one byte past the cap, so /dev/zero or a huge file costs nothing.
            bytes = new byte[MaxBytes + 1];
            var length = 0;
            int read;
            while (length < bytes.Length && (read = stream.Read(bytes, length, bytes.Length - length)) > 0)
            {
                length += read;
            }

            if (length > MaxBytes)
            {
                throw new EvidenceException($"config file '{displayPath}' is larger than 1 MB; an evidence.yml is a few hundred bytes, so check that --config names the right file");
            }

            Array.Resize(ref bytes, length);
        }

        return Decode(bytes, displayPath);
    }

    public static string Decode(byte[] bytes, string displayPath, string kind = "config file")
    {
        var (encoding, bomLength) = Detect(bytes);
        if (bomLength == 0 && Array.IndexOf(bytes, (byte)0) is var nulByte and >= 0)
        {
            throw NulByte(displayPath, nulByte, kind);
        }

        string text;
        try
        {
            text = encoding.GetString(bytes, bomLength, bytes.Length - bomLength);
        }
        catch (DecoderFallbackException e)
        {
            var offset = bomLength + Math.Max(0, e.Index);
            var shown = e.BytesUnknown is { Length: > 0 } unknown ? $" (0x{unknown[0]:X2})" : "";
            throw new EvidenceException(
                $"{kind} '{displayPath}' is not valid {encoding.WebName}: bad byte{shown} at offset {offset}; save the file as UTF-8", e);
        }

        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            throw NulByte(displayPath, bomLength + encoding.GetByteCount(text.AsSpan(0, nul)), kind);
        }

        return text;
    }

    private static EvidenceException NulByte(string displayPath, int offset, string kind) =>
        new($"{kind} '{displayPath}' has a NUL byte at offset {offset}; it looks like UTF-16 without a byte-order mark, or not text at all: save it as UTF-8");

    private static (Encoding Encoding, int BomLength) Detect(ReadOnlySpan<byte> b)
    {
        // UTF-32 LE's mark starts with UTF-16 LE's, so it is checked first.
        if (b.StartsWith((byte[])[0xFF, 0xFE, 0x00, 0x00]))
        {
            return (new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), 4);
        }

        if (b.StartsWith((byte[])[0x00, 0x00, 0xFE, 0xFF]))
        {
            return (new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true), 4);
        }

        if (b.StartsWith((byte[])[0xEF, 0xBB, 0xBF]))
        {
            return (new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), 3);
        }

        if (b.StartsWith((byte[])[0xFF, 0xFE]))
        {
            return (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2);
        }

        if (b.StartsWith((byte[])[0xFE, 0xFF]))
        {
            return (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2);
        }

        return (new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), 0);
    }
}
