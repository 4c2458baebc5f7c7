using System.Buffers;
using System.Runtime.ExceptionServices;
using System.Text.Unicode;
using System.Text.RegularExpressions;

namespace Reports.Files;

/// <summary>
/// Writes new content to a hidden temporary file beside its target (<c>.{name}.evidence-{guid}.tmp</c>)
/// and flushes it to disk, so that a rename can then replace the target in one step. The site's
/// commit and the merge-request cache both write through here.
/// </summary>
internal static partial class TempFile
{
    // Small enough for the shared pool's per-thread cache, large enough for a page in a few writes.
    private const int EncodeBufferBytes = 32 * 1024;

    // Measured on ext4: one at a time 2.5-3.4 ms a file, four or more at once about 0.4 ms.
    private const int FlushesInFlight = 8;

    /// <summary>A fresh temporary path in the folder of <paramref name="target"/>.</summary>
    public static string PathBeside(string target)
    {
        var full = Path.GetFullPath(target);
        return Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.evidence-{Guid.NewGuid():N}.tmp");
    }

    /// <summary>True for names that <see cref="PathBeside"/> makes, so cleanup never removes anyone else's file.</summary>
    public static bool IsOurs(string fileName) => OurName().IsMatch(fileName);

    /// <summary>
    /// Writes <paramref name="content"/> as UTF-8 (no BOM) beside <paramref name="target"/> and returns the
    /// temporary path; with <paramref name="flushToDisk"/> it also waits until the bytes are on disk.
    /// </summary>
    public static string WriteBeside(string target, string content, bool flushToDisk = true)
    {
        var temp = PathBeside(target);
        var buffer = ArrayPool<byte>.Shared.Rent(EncodeBufferBytes);
        try
        {
            using var handle = File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            var rest = content.AsSpan();
            long offset = 0;
            OperationStatus status;
            do
            {
                // Encoded a buffer at a time from a pooled array: no page allocates a large array of its own,
                // which would cost the collector a full collection every few pages. A final block never ends
                // between the halves of a surrogate pair; a lone surrogate becomes U+FFFD, as UTF8Encoding writes it.
                status = Utf8.FromUtf16(rest, buffer, out var read, out var written, replaceInvalidSequences: true, isFinalBlock: true);
                RandomAccess.Write(handle, buffer.AsSpan(0, written), offset);
                rest = rest[read..];
                offset += written;
            }
            while (status == OperationStatus.DestinationTooSmall);

            if (flushToDisk)
            {
                RandomAccess.FlushToDisk(handle);
            }
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return temp;
    }

    /// <summary>Writes <paramref name="content"/> as it is beside <paramref name="target"/> and returns the temporary path (not flushed).</summary>
    public static string WriteBeside(string target, byte[] content, bool flushToDisk)
    {
        var temp = PathBeside(target);
        try
        {
            using var handle = File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            RandomAccess.Write(handle, content, 0);
            if (flushToDisk)
            {
                RandomAccess.FlushToDisk(handle);
            }
        }
        catch
        {
            TryDelete(temp);
            throw;
        }

        return temp;
    }

    /// <summary>
    /// Streams content beside <paramref name="target"/> and returns the temporary path; with
    /// <paramref name="flushToDisk"/> it also waits until the bytes are on disk.
    /// </summary>
    public static async Task<string> WriteBesideAsync(
        string target, Func<Stream, CancellationToken, Task> write, bool flushToDisk = true, CancellationToken ct = default)
    {
        var temp = PathBeside(target);
        try
        {
            await using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 4096, useAsync: true);
            await write(stream, ct);
            await stream.FlushAsync(ct);
            if (flushToDisk)
            {
                stream.Flush(flushToDisk: true);
            }
        }
        catch
        {
            TryDelete(temp);
            throw;
        }

        return temp;
    }

    /// <summary>
    /// Waits until the bytes of every file in <paramref name="paths"/> are on disk. Several are flushed
    /// at once: the file system then commits them together, many times faster than one by one.
    /// </summary>
    public static void FlushToDisk(IReadOnlyList<string> paths)
    {
        try
        {
            Parallel.ForEach(paths, new ParallelOptions { MaxDegreeOfParallelism = FlushesInFlight }, path =>
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.None);
                stream.Flush(flushToDisk: true);
            });
        }
        catch (AggregateException e)
        {
            // The caller handles an IOException as it would from a single flush.
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
    }

    /// <summary>Deletes a file if it can; false when it could not.</summary>
    public static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^\..+\.evidence-[0-9a-f]{32}\.tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex OurName();
}
