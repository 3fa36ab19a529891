using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Pyxis.Client;

/// <summary>One GraphQL POST: builds the body, sends it, and turns HTTP failures into <see cref="PyxisTransportException"/>.</summary>
internal static class PyxisHttp
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public static async Task<byte[]> SendAsync(HttpClient http, PyxisClientOptions options, PyxisRequest request, CancellationToken token, CancellationToken callerToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, options.Endpoint) { Content = BuildContent(request) };
        message.Headers.UserAgent.ParseAdd(options.UserAgent);
        if (options.ApiKey is { } apiKey)
        {
            message.Headers.TryAddWithoutValidation("X-API-KEY", apiKey);
        }

        try
        {
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            request.HttpStatus = (int)response.StatusCode;
            request.TraceId = response.Headers.TryGetValues("trace_id", out var ids) ? ids.FirstOrDefault() : null;
            var body = await response.Content.ReadAsByteArrayAsync(token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode && !LooksLikeGraphQLErrors(body))
            {
                throw new PyxisTransportException(request, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}", response.StatusCode);
            }

            return body;
        }
        catch (OperationCanceledException ex) when (!callerToken.IsCancellationRequested)
        {
            throw new PyxisTransportException(request, $"no answer within {options.Timeout.TotalSeconds:0.###} s", null, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new PyxisTransportException(request, ex.Message, ex.StatusCode, ex);
        }
        catch (IOException ex)
        {
            throw new PyxisTransportException(request, ex.Message, null, ex);
        }
        catch (Polly.CircuitBreaker.BrokenCircuitException ex)
        {
            throw new PyxisTransportException(request, "the circuit breaker is open after repeated failures: " + ex.Message, null, ex);
        }
        catch (TimeoutException ex)
        {
            throw new PyxisTransportException(request, ex.Message, null, ex);
        }
    }

    /// <summary>Pyxis's own timeout against MongoDB arrives as a 200 with an error envelope; it is worth retrying.</summary>
    public static bool IsServerTimeout(byte[] body) =>
        body.AsSpan().IndexOf("unable to fetch data from MongoDB in time"u8) >= 0;

    private static ByteArrayContent BuildContent(PyxisRequest request)
    {
        var buffer = new ArrayBufferWriter<byte>(request.Document.Length + request.Variables.Length + 64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("query"u8, request.Document);
            writer.WriteString("operationName"u8, request.OperationName);
            writer.WritePropertyName("variables"u8);
            writer.WriteRawValue(request.Variables.Span, skipInputValidation: true);
            writer.WriteEndObject();
        }

        var content = new ByteArrayContent(buffer.WrittenSpan.ToArray());
        content.Headers.ContentType = Json;
        return content;
    }

    // GraphQL servers answer validation errors with 4xx and a normal {"errors": [...]} body; those are GraphQL errors, not transport errors.
    private static bool LooksLikeGraphQLErrors(byte[] body) =>
        body.AsSpan().IndexOf("\"errors\""u8) >= 0;
}
