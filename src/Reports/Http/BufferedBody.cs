using System.Buffers;
using System.Net;

namespace Reports.Http;

/// <summary>
/// An answer's body read into pooled 64 KiB chunks, stopping at a limit on its decompressed bytes, so
/// no body grows past the limit (nor doubles while it grows) and it can be read again from memory.
/// Disposing it (with its response) returns the chunks to the pool.
/// </summary>
internal sealed class BufferedBody : HttpContent
{
    /// <summary>Bodies up to this size are read freely; a real page is well under it.</summary>
    public const long SmallBodyBytes = 4 * 1024 * 1024;

    private const int ChunkSize = 64 * 1024;

    private readonly byte[][] _chunks;
    private volatile bool _disposed;

    private BufferedBody(byte[][] chunks, long length, bool truncated)
    {
        _chunks = chunks;
        Length = length;
        Truncated = truncated;
    }

    /// <summary>
    /// Bodies read past <see cref="SmallBodyBytes"/> at once in the whole process: with every client's
    /// requests in flight, bombs would otherwise all grow towards the cap together (8 × 32 MiB).
    /// </summary>
    public static SemaphoreSlim LargeBodies { get; } = new(2);

    /// <summary>Bytes held: the whole body, or its first <c>limit</c> bytes when <see cref="Truncated"/>.</summary>
    public long Length { get; }

    /// <summary>More bytes followed the limit; they were not read.</summary>
    public bool Truncated { get; }

    /// <summary>
    /// Reads <paramref name="source"/> up to <paramref name="limit"/> bytes (one more tells whether it
    /// is longer) and takes over its headers, except the length of what was sent on the wire. Past
    /// <see cref="SmallBodyBytes"/> it waits for a place in <paramref name="largeBodies"/> (<see cref="LargeBodies"/> by default).
    /// </summary>
    public static async Task<BufferedBody> ReadAsync(HttpContent source, long limit, CancellationToken ct, SemaphoreSlim? largeBodies = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        largeBodies ??= LargeBodies;
        var chunks = new List<byte[]>();
        long length = 0;
        var truncated = false;
        var large = false;
        try
        {
            await using var stream = await source.ReadAsStreamAsync(ct);
            while (true)
            {
                if (!large && length >= SmallBodyBytes && limit > SmallBodyBytes)
                {
                    await largeBodies.WaitAsync(ct);
                    large = true;
                }

                if (length == limit)
                {
                    truncated = await stream.ReadAsync(new byte[1], ct) > 0;
                    break;
                }

                var offset = (int)(length % ChunkSize);
                if (offset == 0)
                {
                    chunks.Add(ArrayPool<byte>.Shared.Rent(ChunkSize));
                }

                var read = await stream.ReadAsync(chunks[^1].AsMemory(offset, (int)Math.Min(ChunkSize - offset, limit - length)), ct);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }
        }
        catch
        {
            chunks.ForEach(c => ArrayPool<byte>.Shared.Return(c));
            throw;
        }
        finally
        {
            if (large)
            {
                largeBodies.Release();
            }
        }

        var body = new BufferedBody([.. chunks], length, truncated);
        foreach (var (name, values) in source.Headers)
        {
            if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                body.Headers.TryAddWithoutValidation(name, values);
            }
        }

        return body;
    }

    /// <summary>A new reader from the first byte, however often the body has been read.</summary>
    public Stream OpenRead()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new Reader(this);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var reader = OpenRead();
        await reader.CopyToAsync(stream, cancellationToken);
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult(OpenRead());

    protected override bool TryComputeLength(out long length)
    {
        length = Length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            foreach (var chunk in _chunks)
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
        }

        base.Dispose(disposing);
    }

    /// <summary>Reads the chunks in order; fails once the body is disposed rather than read a chunk the pool gave away.</summary>
    private sealed class Reader(BufferedBody body) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => body.Length;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            ObjectDisposedException.ThrowIf(body._disposed, body);
            var read = 0;
            while (read < buffer.Length && _position < body.Length)
            {
                var offset = (int)(_position % ChunkSize);
                var count = (int)Math.Min(Math.Min(ChunkSize - offset, body.Length - _position), buffer.Length - read);
                body._chunks[_position / ChunkSize].AsSpan(offset, count).CopyTo(buffer[read..]);
                read += count;
                _position += count;
            }

            return read;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return ValueTask.FromResult(Read(buffer.Span));
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
