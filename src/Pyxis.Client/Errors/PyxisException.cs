using Pyxis.Client.Runtime;

namespace Pyxis.Client;

/// <summary>
/// A Pyxis call failed. Always names the operation and its variables. Thrown as is when Pyxis answers
/// with its own error envelope (<c>error { status detail }</c>); subclasses cover the other failures.
/// </summary>
public class PyxisException : Exception
{
    /// <summary>Creates the exception for <paramref name="request"/>, as a test double would: no answer, nothing to hide.</summary>
    public PyxisException(PyxisRequest request, string message, int? status = null, string? detail = null, Exception? innerException = null)
        : this(new PyxisCall(request ?? throw new ArgumentNullException(nameof(request)), null), message, status, detail, innerException)
    { }

    /// <summary>Creates the exception from everything the call knows: its request, what to hide, the answer's status and trace id.</summary>
    internal PyxisException(in PyxisCall call, string message, int? status = null, string? detail = null, Exception? innerException = null)
        : base(Describe(call, call.Redact(message)!), Clean(call, innerException))
    {
        OperationName = call.Request.OperationName;
        Variables = call.VariablesText;
        Status = status;
        Detail = call.Redact(detail);
        TraceId = call.PrintedTraceId;
        HttpStatus = call.HttpStatus;
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
    private static Exception? Clean(in PyxisCall call, Exception? inner)
    {
        for (var e = inner; e is not null; e = e.InnerException)
        {
            if (!string.Equals(call.Redact(e.Message), e.Message, StringComparison.Ordinal))
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

    private static string Describe(in PyxisCall call, string message) =>
        $"Pyxis operation '{call.Request.OperationName}' with variables {call.VariablesText} failed: {message}"
        + (call.TraceId is null ? string.Empty : $" (trace_id {call.PrintedTraceId})");
}
