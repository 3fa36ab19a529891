using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pyxis.Client.Serialization;

namespace Pyxis.Client;

/// <summary>
/// Sends typed operations to Pyxis over one <see cref="HttpClient"/> (connections are reused; the
/// Python client opened a new session per query). Safe to share and to call concurrently.
/// </summary>
public sealed partial class PyxisClient : IPyxisClient, IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient http;
    private readonly bool ownsHttp;
    private readonly PyxisClientOptions options;
    private readonly ILogger logger;

    /// <summary>Creates a client with its own <see cref="HttpClient"/>.</summary>
    public PyxisClient(PyxisClientOptions? options = null, ILogger<PyxisClient>? logger = null)
        : this(new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }), options, logger, ownsHttp: true)
    {
    }

    /// <summary>Creates a client on <paramref name="httpClient"/>, which the caller keeps owning.</summary>
    public PyxisClient(HttpClient httpClient, PyxisClientOptions? options = null, ILogger<PyxisClient>? logger = null)
        : this(httpClient, options, logger, ownsHttp: false)
    {
    }

    private PyxisClient(HttpClient httpClient, PyxisClientOptions? options, ILogger? logger, bool ownsHttp)
    {
        http = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        this.options = options ?? new PyxisClientOptions();
        this.options.Validate();
        this.logger = logger ?? NullLogger.Instance;
        this.ownsHttp = ownsHttp;
        if (ownsHttp)
        {
            http.Timeout = System.Threading.Timeout.InfiniteTimeSpan; // our own per-request timeout applies
        }
    }

    /// <summary>The endpoint requests go to.</summary>
    public Uri Endpoint => options.Endpoint;

    /// <inheritdoc />
    public async Task<TData> ExecuteAsync<TData>(PyxisRequest<TData> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        LogStart(request.OperationName);
        var body = await SendAsync(request, timeout.Token, cancellationToken).ConfigureAwait(false);
        var data = ResponseReader.Read(request, body);
        LogEnd(request.OperationName);
        return data;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (ownsHttp)
        {
            http.Dispose();
        }
    }

    private async Task<byte[]> SendAsync(PyxisRequest request, CancellationToken token, CancellationToken callerToken)
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
    }

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

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pyxis {Operation} started")]
    private partial void LogStart(string operation);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pyxis {Operation} finished")]
    private partial void LogEnd(string operation);
}
