
namespace Pyxis.Client;

/// <summary>One GraphQL POST: builds the body, sends it, and turns HTTP failures into <see cref="PyxisTransportException"/>.</summary>
internal static class PyxisHttp
{
    public static async Task<ResponseBody> SendAsync(HttpClient http, PyxisClientOptions options, PyxisRequest request, CancellationToken token, CancellationToken callerToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, options.Endpoint) { Content = new GraphQLRequestContent(request) };
        message.Headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
        if (options.ApiKey is { } apiKey)
        {
            message.Headers.TryAddWithoutValidation("X-API-KEY", apiKey);
        }

        try
        {
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            request.HttpStatus = (int)response.StatusCode;
            request.TraceId = response.Headers.TryGetValues("trace_id", out var ids) ? ids.FirstOrDefault() : null;
            var body = await ResponseBody.ReadAsync(response.Content, token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode && !LooksLikeGraphQLErrors(body.Span))
            {
                body.Dispose();
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

    private const string ServerTimeoutDetail = "unable to fetch data from MongoDB in time";
    private static readonly byte[] ServerTimeoutDetailUtf8 = System.Text.Encoding.UTF8.GetBytes(ServerTimeoutDetail);

    /// <summary>Pyxis's own timeout against MongoDB arrives as a 200 with an error envelope; it is worth retrying.</summary>
    public static bool IsServerTimeout(ReadOnlySpan<byte> body) =>
        body.IndexOf(ServerTimeoutDetailUtf8) >= 0;

    /// <summary>The same timeout, as the detail of one lookup's error envelope.</summary>
    public static bool IsServerTimeout(Exception? error) =>
        error is PyxisException { Detail: { } detail } && detail.Contains(ServerTimeoutDetail, StringComparison.Ordinal);

    // GraphQL servers answer validation errors with 4xx and a normal {"errors": [...]} body; those are GraphQL errors, not transport errors.
    private static bool LooksLikeGraphQLErrors(ReadOnlySpan<byte> body) =>
        body.IndexOf("\"errors\""u8) >= 0;
}
