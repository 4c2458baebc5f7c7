using System.Net.Http.Headers;
using Reports.Http;

namespace Reports.Tests.Http;

/// <summary>How an answer's body is held: whole up to its limit, re-readable, and never read once disposed.</summary>
public sealed class BufferedBodyTests
{
    private static readonly byte[] Data = [.. Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7))];

    [Fact]
    public async Task A_body_is_read_again_from_its_first_byte_as_often_as_asked()
    {
        using var body = await BufferedBody.ReadAsync(Json(Data), limit: Data.Length, CancellationToken.None);

        Assert.False(body.Truncated);
        Assert.Equal(Data.Length, body.Length);
        Assert.Equal(Data, ReadAll(body.OpenRead()));
        Assert.Equal(Data, ReadAll(body.OpenRead()));
        Assert.Equal(Data, await body.ReadAsByteArrayAsync());
        Assert.Equal("application/json", body.Headers.ContentType?.MediaType);
        Assert.Equal(Data.Length, body.Headers.ContentLength);
    }

    [Fact]
    public async Task A_body_longer_than_its_limit_keeps_only_the_limit_and_says_it_was_cut()
    {
        using var body = await BufferedBody.ReadAsync(Json(Data), limit: 100_000, CancellationToken.None);

        Assert.True(body.Truncated);
        Assert.Equal(Data[..100_000], ReadAll(body.OpenRead()));
    }

    [Fact]
    public async Task A_body_of_exactly_its_limit_is_not_cut()
    {
        using var body = await BufferedBody.ReadAsync(Json(Data), limit: Data.Length, CancellationToken.None);
        using var empty = await BufferedBody.ReadAsync(Json([]), limit: 10, CancellationToken.None);

        Assert.False(body.Truncated);
        Assert.False(empty.Truncated);
        Assert.Equal(0, empty.Length);
    }

    [Fact]
    public async Task A_disposed_body_refuses_to_be_read_rather_than_read_chunks_the_pool_gave_away()
    {
        var body = await BufferedBody.ReadAsync(Json(Data), limit: Data.Length, CancellationToken.None);
        var reader = body.OpenRead();

        body.Dispose();

        Assert.Throws<ObjectDisposedException>(() => body.OpenRead());
        Assert.Throws<ObjectDisposedException>(() => reader.ReadByte());
    }

    [Fact]
    public async Task Only_as_many_bodies_as_the_gate_allows_are_read_past_4_MiB_at_once()
    {
        using var gate = new SemaphoreSlim(1);
        var held = new HoldingStream(BufferedBody.SmallBodyBytes + 1);
        var first = BufferedBody.ReadAsync(new StreamContent(held), limit: 32L * 1024 * 1024, CancellationToken.None, gate);
        await held.Holding;
        var big = new byte[5 * 1024 * 1024];

        var second = BufferedBody.ReadAsync(Json(big), limit: 32L * 1024 * 1024, CancellationToken.None, gate);
        var finished = await Task.WhenAny(second, Task.Delay(TimeSpan.FromMilliseconds(300)));

        Assert.Equal(0, gate.CurrentCount);
        Assert.NotSame(second, finished);
        held.Release();
        using (await first)
        {
        }

        using var done = await second;
        Assert.Equal(big.Length, done.Length);
        Assert.Equal(1, gate.CurrentCount);
    }

    private static ByteArrayContent Json(byte[] bytes) => new(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };

    private static byte[] ReadAll(Stream stream)
    {
        using (stream)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }

    /// <summary>Gives <c>before</c> bytes, then holds the next read until released, then ends.</summary>
    private sealed class HoldingStream(long before) : Stream
    {
        private readonly TaskCompletionSource _holding = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _given;

        public Task Holding => _holding.Task;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _given;
            set => throw new NotSupportedException();
        }

        public void Release() => _released.TrySetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_given < before)
            {
                var count = (int)Math.Min(buffer.Length, before - _given);
                buffer.Span[..count].Fill((byte)' ');
                _given += count;
                return count;
            }

            _holding.TrySetResult();
            await _released.Task.WaitAsync(cancellationToken);
            return 0;
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
