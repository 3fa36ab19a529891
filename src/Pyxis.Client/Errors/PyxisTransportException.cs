using System.Net;
using Pyxis.Client.Runtime;

namespace Pyxis.Client;

/// <summary>The request did not get a successful HTTP answer (connection failure, timeout, non-2xx status).</summary>
public sealed class PyxisTransportException : PyxisException
{
    /// <summary>Creates the exception.</summary>
    public PyxisTransportException(
        PyxisRequest request,
        string message,
        HttpStatusCode? statusCode = null,
        Exception? innerException = null
    )
        : this(new PyxisCall(request ?? throw new ArgumentNullException(nameof(request)), null), message, statusCode, innerException) { }

    /// <summary>Creates the exception from the call that failed (its status and trace id, once there was an answer).</summary>
    internal PyxisTransportException(in PyxisCall call, string message, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(call, message, statusCode is null ? null : (int)statusCode, null, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status, when a response arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>
    /// Whether another attempt could succeed (connection failure, broken body, attempt timeout, HTTP 408, 429 or 5xx).
    /// The client has already retried such failures <see cref="PyxisRetryOptions.MaxRetries"/> times.
    /// </summary>
    public bool IsTransient { get; init; }

    /// <summary>The server's <c>Retry-After</c>, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; init; }
}

/// <summary>The server's answer could not be read as the operation's result (malformed JSON, wrong shape, missing value).</summary>
public sealed class PyxisResponseException : PyxisException
{
    /// <summary>Creates the exception.</summary>
    public PyxisResponseException(PyxisRequest request, string message, Exception? innerException = null)
        : base(request, message, null, null, innerException) { }

    /// <summary>Creates the exception from the call whose answer could not be read.</summary>
    internal PyxisResponseException(in PyxisCall call, string message, Exception? innerException = null)
        : base(call, message, null, null, innerException) { }

    /// <summary>The body ended before its JSON did (a connection cut mid-answer), so another attempt may succeed.</summary>
    internal bool Truncated { get; init; }
}
