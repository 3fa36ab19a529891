using System.Net;
using System.Net.Http.Headers;
using Pyxis.Client.Runtime;
using Pyxis.Client.Serialization;

namespace Pyxis.Client.Transport;

/// <summary>
/// One HTTP attempt of a GraphQL POST: builds the body, sends it, reads the answer within the size limit, and turns
/// every HTTP failure into a <see cref="PyxisTransportException"/> that says whether another attempt could help.
/// </summary>
internal static class PyxisHttp
{
    public static async Task<PyxisResponse> SendAsync(
        HttpClient http,
        Runtime.PyxisRuntime runtime,
        PyxisCall call,
        DateTimeOffset deadline,
        CancellationToken token
    )
    {
        var options = runtime.Options;
        using var message = new HttpRequestMessage(HttpMethod.Post, options.Endpoint)
        {
            Content = new GraphQLRequestContent(call.Request),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower, // HTTP/2 where TLS offers it, HTTP/1.1 otherwise
        };
        message.Headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
        if (options.ApiKey is { } apiKey)
        {
            message.Headers.TryAddWithoutValidation("X-API-KEY", apiKey);
        }

        var answered = false;
        try
        {
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            answered = true;
            runtime.Pool.Answered(response.Version);
            var status = (int)response.StatusCode;
            var traceId = response.Headers.TryGetValues("trace_id", out var ids)
                ? HeaderValues.Sanitize(call.Redact(ids.FirstOrDefault())) // hidden before the cut, which could halve a secret
                : null;
            call = call with { HttpStatus = status, TraceId = traceId };
            if (status is >= 300 and < 400)
            {
                throw new PyxisTransportException(
                    call,
                    $"HTTP {(int)response.StatusCode}: the endpoint redirects to {RedirectTarget(response.Headers.Location)}; redirects are not followed, so credentials and queries stay with the configured endpoint. Set PyxisClientOptions.Endpoint to the final address.",
                    response.StatusCode
                );
            }

            var body = await ResponseBody.ReadAsync(response.Content, options.Limits.MaxResponseBytes, token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode && !GraphQLBody.HasErrors(response.Content.Headers.ContentType, body.Span))
            {
                body.Dispose();
                throw StatusFailure(call, response, options, deadline);
            }

            return new PyxisResponse(status, traceId, body);
        }
        catch (HttpRequestException ex) when (answered)
        {
            // The body broke off after its headers (reset, short of its Content-Length or last chunk): say so and why,
            // not "an error occurred while sending the request".
            throw new PyxisTransportException(call, "the response broke off: " + ServerText.Cap(Innermost(ex).Message), null, ex)
            {
                IsTransient = true,
            };
        }
        catch (HttpRequestException ex)
        {
            var transient =
                ex.HttpRequestError
                is not (
                    HttpRequestError.SecureConnectionError
                    or HttpRequestError.NameResolutionError
                    or HttpRequestError.ConfigurationLimitExceeded
                );
            var cause = Innermost(ex) is { } root && root != ex ? $"{ex.Message} ({root.Message})" : ex.Message; // say what failed
            throw new PyxisTransportException(call, WithoutUserInfo(ServerText.Cap(cause)!, options.Endpoint), ex.StatusCode, ex)
            {
                IsTransient = transient,
            };
        }
        catch (IOException ex)
        {
            // The answer broke off after its headers (reset, truncated body): as retryable as a refused connection.
            throw new PyxisTransportException(call, "the response broke off: " + ServerText.Cap(ex.Message), null, ex)
            {
                IsTransient = true,
            };
        }
        catch (ResponseBody.TooLargeException ex)
        {
            throw new PyxisResponseException(call, ex.Message, ex);
        }
        catch (ResponseBody.UnreadableException ex)
        {
            throw new PyxisResponseException(call, ServerText.Cap(ex.Message)!, ex.InnerException);
        }
    }

    private static PyxisTransportException StatusFailure(
        in PyxisCall call,
        HttpResponseMessage response,
        PyxisClientOptions options,
        DateTimeOffset deadline
    )
    {
        var code = (int)response.StatusCode;
        var transient = code is 408 or 429 or >= 500;
        var retryAfter = RetryAfter(response.Headers.RetryAfter, options.TimeProvider);
        var reason = $"HTTP {code} {HeaderValues.Sanitize(call.Redact(response.ReasonPhrase))}";
        if (transient && retryAfter is { } wait && options.TimeProvider.GetUtcNow() + wait > deadline)
        {
            var left = deadline - options.TimeProvider.GetUtcNow();
            return new PyxisTransportException(
                call,
                $"{reason}: the server asks to retry after {wait.TotalSeconds:0.#} s, beyond the {Math.Max(0, left.TotalSeconds):0.#} s left of PyxisClientOptions.Timeouts.Total",
                response.StatusCode
            )
            {
                RetryAfter = wait,
            };
        }

        return new PyxisTransportException(call, reason, response.StatusCode) { IsTransient = transient, RetryAfter = retryAfter };
    }

    // The handler's own messages name the endpoint at times; its user:password@ must not come along.
    private static string WithoutUserInfo(string message, Uri endpoint) =>
        endpoint.UserInfo is { Length: > 0 } userInfo ? message.Replace(userInfo, "***", StringComparison.Ordinal) : message;

    private static string RedirectTarget(Uri? location) =>
        location switch
        {
            null => "(no Location)",
            { IsAbsoluteUri: true } => HeaderValues.Sanitize(location.Scheme + "://" + location.Authority)!, // never its user:password@
            _ => "a relative address",
        };

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, TimeProvider clock) =>
        header switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - clock.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            _ => null,
        };

    private static Exception Innermost(Exception error) => error.InnerException is { } inner ? Innermost(inner) : error;
}
