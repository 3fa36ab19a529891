using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pyxis.Client.Serialization;

namespace Pyxis.Client;

/// <summary>
/// Sends typed operations to Pyxis over one <see cref="HttpClient"/> (connections are reused; the Python
/// client opened a new session per query). Safe to share and to call concurrently. With
/// <c>services.AddPyxisClient(…)</c> the HTTP pipeline adds standard resilience (retries, timeouts, breaker).
/// </summary>
public sealed partial class PyxisClient : IPyxisClient, IDisposable
{
    private readonly HttpClient http;
    private readonly bool ownsHttp;
    private readonly PyxisClientOptions options;
    private readonly ILogger logger;

    /// <summary>Creates a client with its own <see cref="HttpClient"/> (no HTTP retries; use DI for those).</summary>
    public PyxisClient(PyxisClientOptions? options = null, ILogger<PyxisClient>? logger = null)
        : this(CreateOwnHttpClient(options), options, logger, ownsHttp: true)
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
    }

    /// <summary>The endpoint requests go to.</summary>
    public Uri Endpoint => options.Endpoint;

    /// <summary>How often and after which waits Pyxis server timeouts are retried (alias batches apply it per lookup).</summary>
    internal ServerTimeoutPolicy ServerTimeouts => new(options.ServerTimeoutRetries, options.ServerTimeoutDelay, options.TimeProvider);

    /// <inheritdoc />
    /// <remarks>
    /// With <see cref="PyxisClientOptions.CacheDuration"/> set, an identical query is answered from memory or shares
    /// the request already in flight; cancelling then stops only this caller's wait, the shared request runs on
    /// (bounded by <see cref="PyxisClientOptions.Timeout"/>) for the others.
    /// </remarks>
    public Task<TData> ExecuteAsync<TData>(PyxisRequest<TData> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return options.ResultCache is { } cache && IsCacheable(request)
            ? cache.GetOrSend(request, () => SendAsync(request, CancellationToken.None)).WaitAsync(cancellationToken)
            : SendAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (ownsHttp)
        {
            http.Dispose();
        }
    }

    // Queries only: a mutation must reach the server every time. Alias batches read into per-request state.
    private static bool IsCacheable(PyxisRequest request) =>
        request.PartialErrors is null && request.Document.AsSpan().TrimStart().StartsWith("query", StringComparison.Ordinal);

    private async Task<TData> SendAsync<TData>(PyxisRequest<TData> request, CancellationToken cancellationToken)
    {
        request.SecretVariables = options.SecretVariables;
        using var activity = PyxisTelemetry.Source.HasListeners() ? PyxisTelemetry.Source.StartActivity("pyxis " + request.OperationName, ActivityKind.Client) : null;
        activity?.SetTag("graphql.operation.name", request.OperationName);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        var started = Stopwatch.GetTimestamp();
        PyxisTelemetry.InFlight.Add(1);
        try
        {
            var data = await SendWithServerRetriesAsync(request, activity, timeout.Token, cancellationToken).ConfigureAwait(false);
            activity?.SetStatus(ActivityStatusCode.Ok);
            return data;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            LogFailed(request.OperationName, request.TraceId, ex.Message);
            throw;
        }
        finally
        {
            PyxisTelemetry.InFlight.Add(-1);
            PyxisTelemetry.RequestDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("operation", request.OperationName));
        }
    }

    private async Task<TData> SendWithServerRetriesAsync<TData>(PyxisRequest<TData> request, Activity? activity, CancellationToken token, CancellationToken callerToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            LogStart(request.OperationName, attempt);
            using var body = await PyxisHttp.SendAsync(http, options, request, token, callerToken).ConfigureAwait(false);
            if (request.RetriesServerTimeouts && attempt < options.ServerTimeoutRetries && PyxisHttp.IsServerTimeout(body.Span))
            {
                var delay = ServerTimeouts.DelayBefore(attempt + 1);
                LogServerTimeout(request.OperationName, request.TraceId, delay.TotalSeconds);
                PyxisTelemetry.Retries.Add(1, new KeyValuePair<string, object?>("operation", request.OperationName));
                activity?.SetTag("pyxis.retries", attempt + 1);
                await Task.Delay(delay, options.TimeProvider, token).ConfigureAwait(false);
                continue;
            }

            var data = ResponseReader.Read(request, body.Span);
            LogEnd(request.OperationName, request.TraceId);
            return data;
        }
    }

    private static HttpClient CreateOwnHttpClient(PyxisClientOptions? options) =>
        // Our own per-call timeout applies, so the HttpClient's must not cut in first.
        new(ClientHandlerFactory.Create(options ?? new PyxisClientOptions())) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pyxis {Operation} sending (attempt {Attempt})")]
    private partial void LogStart(string operation, int attempt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pyxis {Operation} answered (trace_id {TraceId})")]
    private partial void LogEnd(string operation, string? traceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pyxis {Operation} timed out inside Pyxis (trace_id {TraceId}); retrying in {DelaySeconds} s")]
    private partial void LogServerTimeout(string operation, string? traceId, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pyxis {Operation} failed (trace_id {TraceId}): {Reason}")]
    private partial void LogFailed(string operation, string? traceId, string reason);
}
