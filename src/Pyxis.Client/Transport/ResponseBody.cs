using System.Buffers;

namespace Pyxis.Client;

/// <summary>A response body read into a pooled buffer: parsed in place, then returned to the pool.</summary>
internal sealed class ResponseBody : IDisposable
{
    private byte[]? buffer;
    private readonly int length;

    private ResponseBody(byte[] buffer, int length)
    {
        this.buffer = buffer;
        this.length = length;
    }

    public ReadOnlySpan<byte> Span => buffer.AsSpan(0, length);

    public static async Task<ResponseBody> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var size = (int)Math.Clamp(content.Headers.ContentLength ?? 16 * 1024, 256, 64 * 1024 * 1024);
        var buffer = ArrayPool<byte>.Shared.Rent(size + 1);
        var length = 0;
        try
        {
            using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            return new ResponseBody(buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref buffer, null) is { } rented)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
