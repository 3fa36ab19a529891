namespace Pyxis.Client;

/// <summary>
/// A Pyxis call failed. Always names the operation and its variables. Thrown as is when Pyxis answers
/// with its own error envelope (<c>error { status detail }</c>); subclasses cover the other failures.
/// </summary>
public class PyxisException : Exception
{
    /// <summary>Creates the exception for <paramref name="request"/>.</summary>
    public PyxisException(PyxisRequest request, string message, int? status = null, string? detail = null, Exception? innerException = null)
        : base(Describe(request, request.RedactServerText(message)!), Clean(request, innerException))
    {
        OperationName = request.OperationName;
        Variables = request.VariablesText;
        Status = status;
        Detail = request.RedactServerText(detail);
        TraceId = request.RedactServerText(request.TraceId);
        HttpStatus = request.HttpStatus;
    }

    /// <summary>Creates an exception about an operation as a whole, not one request (for example a paged stream).</summary>
    protected PyxisException(string operationName, string message, Exception? innerException = null)
        : base($"Pyxis operation '{operationName}' failed: {message}", innerException)
    {
        OperationName = operationName;
        Variables = "{}";
    }

    /// <summary>Pyxis's correlation id (the <c>trace_id</c> response header), for asking Pyxis about this call.</summary>
    public string? TraceId { get; }

    /// <summary>The HTTP status of the answer, when one arrived.</summary>
    public int? HttpStatus { get; }

    /// <summary>The operation that failed.</summary>
    public string OperationName { get; }

    /// <summary>The variables it was sent with, as JSON.</summary>
    public string Variables { get; }

    /// <summary>The Pyxis (or HTTP) status, when there was one.</summary>
    public int? Status { get; }

    /// <summary>The Pyxis error detail, when there was one.</summary>
    public string? Detail { get; }

    // An inner exception whose message quotes a secret (a reader echoing a value the server sent back) is left out:
    // its text is already in this message, redacted, and ToString() would print it whole.
    private static Exception? Clean(PyxisRequest request, Exception? inner)
    {
        for (var e = inner; e is not null; e = e.InnerException)
        {
            if (!string.Equals(request.RedactServerText(e.Message), e.Message, StringComparison.Ordinal))
            {
                return null;
            }
        }

        return inner;
    }

    /// <summary>
    /// A copy of this exception for another caller that shared the request (coalescing), so no two callers throw
    /// and catch the same object. Every property is immutable, so a shallow copy is a full one.
    /// </summary>
    internal PyxisException CopyForAnotherCaller() => (PyxisException)MemberwiseClone();

    private static string Describe(PyxisRequest request, string message) =>
        $"Pyxis operation '{request.OperationName}' with variables {request.VariablesText} failed: {message}"
        + (request.TraceId is null ? string.Empty : $" (trace_id {request.RedactServerText(request.TraceId)})");
}
