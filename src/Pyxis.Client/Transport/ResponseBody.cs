using System.Buffers;

namespace Pyxis.Client.Transport;

/// <summary>
/// A response body read into a pooled buffer: parsed in place, then returned to the pool. The buffer grows only
/// as bytes arrive (a <c>Content-Length</c> is a hint, never a reason to rent more), up to a hard limit.
/// </summary>
internal sealed class ResponseBody : IDisposable
{
    private const int FirstRent = 16 * 1024;
    private byte[]? buffer;
    private readonly int length;

    private ResponseBody(byte[] buffer, int length)
    {
        this.buffer = buffer;
        this.length = length;
    }

    public ReadOnlySpan<byte> Span => buffer.AsSpan(0, length);

    /// <summary>Reads the body; throws <see cref="TooLargeException"/> as soon as more than <paramref name="maxBytes"/> arrive.</summary>
    public static async Task<ResponseBody> ReadAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > maxBytes)
        {
            throw new TooLargeException(
                $"the response announces {content.Headers.ContentLength} bytes, more than MaxResponseBytes ({maxBytes})"
            );
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(content.Headers.ContentLength ?? FirstRent, 256, FirstRent) + 1);
        var length = 0;
        try
        {
            using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
                if (length > maxBytes)
                {
                    throw new TooLargeException($"the response is larger than MaxResponseBytes ({maxBytes} bytes)");
                }

                if (length == buffer.Length)
                {
                    buffer = Grow(buffer, length, maxBytes);
                }
            }

            return new ResponseBody(buffer, length);
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException)
        {
            // GZip and Deflate streams throw InvalidDataException on a corrupt body (bad header, CRC, garbage), Brotli
            // InvalidOperationException: not a transport fault to retry, but an answer that cannot be read.
            ArrayPool<byte>.Shared.Return(buffer);
            throw new UnreadableException(
                "the response body could not be decompressed (corrupt or mislabelled Content-Encoding): " + ex.Message,
                ex
            );
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

    private static byte[] Grow(byte[] buffer, int length, int maxBytes)
    {
        // One byte past the limit is enough to know the body is too large.
        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, (long)maxBytes + 1));
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }

    /// <summary>The body passed <see cref="PyxisLimitOptions.MaxResponseBytes"/>.</summary>
    internal sealed class TooLargeException(string message) : Exception(message);

    /// <summary>The body arrived but could not be decoded.</summary>
    internal sealed class UnreadableException(string message, Exception inner) : Exception(message, inner);
}
