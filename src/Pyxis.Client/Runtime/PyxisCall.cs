using System.Text;
using System.Text.Json;

namespace Pyxis.Client.Runtime;

/// <summary>
/// One call as its exceptions and log lines describe it: the request (immutable), what it must hide, and once an answer
/// arrived its HTTP status and <c>trace_id</c>. A value: each layer that learns something makes a new one
/// (<see cref="Answered"/>), so no layer writes into a request another layer reads.
/// </summary>
/// <param name="Request">The request sent (for an alias batch's lookup: that lookup's own request).</param>
/// <param name="Secrets">The secret variable names and the API key of the client's options; null hides nothing.</param>
/// <param name="HttpStatus">The HTTP status of the answer, once there is one.</param>
/// <param name="TraceId">The sanitized <c>trace_id</c> header of the answer, once there is one.</param>
internal readonly record struct PyxisCall(PyxisRequest Request, RequestSecrets? Secrets, int? HttpStatus = null, string? TraceId = null)
{
    /// <summary>This call once <paramref name="response"/> arrived.</summary>
    public PyxisCall Answered(in Transport.PyxisResponse response) =>
        this with
        {
            HttpStatus = response.Status,
            TraceId = response.TraceId,
        };

    /// <summary>The same answer told about <paramref name="lookup"/>, one lookup of the alias batch this call sent.</summary>
    public PyxisCall For(PyxisRequest lookup) => this with { Request = lookup };

    /// <summary>The trace id as messages and logs may print it.</summary>
    public string? PrintedTraceId => Redact(TraceId);

    /// <summary>
    /// <paramref name="text"/> from the server with every value of a secret variable, and the API key, replaced by
    /// <c>***</c>: a server that quotes what it was sent (<c>Variable '$token' got invalid value "…"</c>) must not
    /// carry a secret into a message or a log line. Called on failure paths only.
    /// </summary>
    public string? Redact(string? text)
    {
        if (text is null || Secrets is not { } secrets || (secrets.ApiKey is null && secrets.Variables.Count == 0))
        {
            return text;
        }

        return Redaction.Hide(text, Request, secrets);
    }

    /// <summary>The variables as JSON text for messages, with secret values replaced by <c>***</c>.</summary>
    public string VariablesText =>
        Secrets?.Variables is { Count: > 0 } secrets
            ? Redaction.Variables(Request.Variables, secrets)
            : Encoding.UTF8.GetString(Request.Variables.Span);
}
