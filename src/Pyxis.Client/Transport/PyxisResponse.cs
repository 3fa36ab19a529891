namespace Pyxis.Client.Transport;

/// <summary>
/// What one HTTP attempt brought back: the status, Pyxis's <c>trace_id</c> (sanitized) and the body in a pooled buffer.
/// The transport returns it instead of writing into the request; disposing it returns the buffer.
/// </summary>
internal readonly struct PyxisResponse(int status, string? traceId, ResponseBody body) : IDisposable
{
    public int Status { get; } = status;

    public string? TraceId { get; } = traceId;

    public ReadOnlySpan<byte> Span => body.Span;

    public void Dispose() => body.Dispose();
}
