using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.CircuitBreaker;
using Pyxis.Client.Runtime;
using Pyxis.Client.Serialization;
using Pyxis.Client.Telemetry;
using Pyxis.Client.Transport;

namespace Pyxis.Client;

/// <summary>
/// Sends typed operations to Pyxis over one <see cref="HttpClient"/> (connections are reused; the Python
/// client opened a new session per query). Safe to share and to call concurrently. Plain or from
/// <c>services.AddPyxisClient(…)</c>, every client applies the same resilience contract from its options:
/// total and per-attempt timeouts, HTTP retries, a circuit breaker and Pyxis server-timeout retries.
/// </summary>
public sealed partial class PyxisClient : IPyxisClient, IDisposable
{
    private readonly HttpClient http;
    private readonly bool ownsHttp;
    private readonly Runtime.PyxisRuntime runtime;
    private readonly PyxisClientOptions options;
    private readonly ILogger logger;
    private int disposed;

    /// <summary>Creates a client with its own <see cref="HttpClient"/> on <see cref="ClientHandlerFactory.Create"/>.</summary>
    public PyxisClient(PyxisClientOptions? options = null, ILogger<PyxisClient>? logger = null)
        : this(CreateOwnHttpClient(options), options, logger, ownsHttp: true) { }

    /// <summary>
    /// Creates a client on <paramref name="httpClient"/>, which the caller keeps owning. Build its handler with
    /// <see cref="ClientHandlerFactory.Create"/> (or turn off <c>AllowAutoRedirect</c>), so no redirect carries the API key away.
    /// </summary>
    public PyxisClient(HttpClient httpClient, PyxisClientOptions? options = null, ILogger<PyxisClient>? logger = null)
        : this(httpClient, options, logger, ownsHttp: false) { }

    private PyxisClient(HttpClient httpClient, PyxisClientOptions? options, ILogger? logger, bool ownsHttp)
    {
        http = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        runtime = (options ?? new PyxisClientOptions()).Runtime; // validated and frozen: later changes throw
        this.options = runtime.Options;
        this.logger = logger ?? NullLogger.Instance;
        this.ownsHttp = ownsHttp;
        if (ownsHttp)
        {
            runtime.Certificate.Hold();
        }
    }

    /// <summary>The endpoint requests go to.</summary>
    public Uri Endpoint => options.Endpoint;

    /// <summary>How often and after which waits Pyxis server timeouts are retried (alias batches apply it per lookup).</summary>
    internal ServerTimeoutPolicy ServerTimeouts => runtime.ServerTimeouts;

    /// <summary>The <see cref="PyxisClient"/> behind <paramref name="client"/>, when there is one.</summary>
    internal static PyxisClient? Of(IPyxisClient client) =>
        client switch
        {
            PyxisClient pyxis => pyxis,
            Batching.LendingClient lending => lending.Client,
            _ => null,
        };

    /// <summary>What adaptive sizing learned for <paramref name="key"/>, shared by every client of the same options.</summary>
    internal Batching.AdaptiveSize SizeOf(string key) => runtime.SizeOf(key);

    /// <inheritdoc />
    /// <remarks>
    /// An identical query already in flight (same document and variables; see <see cref="PyxisCoalescingOptions.Enabled"/>)
    /// is joined instead of sent again, and with <see cref="PyxisCacheOptions.Duration"/> set it may be answered from the
    /// cache. Cancelling then stops only this caller's wait; the shared request is cancelled once every caller waiting for
    /// it has cancelled. Mutations are always sent.
    /// </remarks>
    public Task<TData> ExecuteAsync<TData>(PyxisRequest<TData> request, CancellationToken cancellationToken = default) =>
        ExecuteAsync(request, null, cancellationToken);

    /// <summary>Sends <paramref name="request"/> for a batch item holding <paramref name="slot"/>, which a server-timeout wait lends out.</summary>
    internal Task<TData> ExecuteAsync<TData>(
        PyxisRequest<TData> request,
        Batching.ConcurrencySlot? slot,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsShareable(request))
        {
            return SendAsync(request, slot, cancellationToken, null);
        }

        if (runtime.ResultCache is { } cache)
        {
            return cache.GetOrSendAsync(
                request,
                new PyxisCall(request, runtime.Secrets), // an answer read from the cache redacts like a sent one
                (capture, ct) => SendAsync(request, slot, ct, capture),
                cancellationToken
            );
        }

        return runtime.InFlight is { } inFlight
            ? inFlight.JoinOrSendAsync(
                request,
                (Client: this, InFlight: inFlight, Slot: slot),
                static (state, r, ct) => state.Client.SendAsync(r, state.Slot, ct, null, state.InFlight),
                cancellationToken
            )
            : SendAsync(request, slot, cancellationToken, null);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (ownsHttp && Interlocked.Exchange(ref disposed, 1) == 0)
        {
            http.Dispose();
            runtime.Certificate.Release();
        }
    }

    // Queries only: a mutation must reach the server every time. Alias batches read into per-request state.
    private static bool IsShareable(PyxisRequest request) => !request.KeepsPartialErrors && !request.IsMutation;

    // Every way a call can end is a PyxisException, except the caller's own cancellation.
    private async Task<TData> SendAsync<TData>(
        PyxisRequest<TData> request,
        Batching.ConcurrencySlot? slot,
        CancellationToken cancellationToken,
        Caching.BodyCapture? capture,
        Coalescing.InFlightQueries? coalescing = null
    )
    {
        using var activity = PyxisTelemetry.Source.HasListeners()
            ? PyxisTelemetry.Source.StartActivity("pyxis " + request.OperationName, ActivityKind.Client)
            : null;
        if (activity is not null)
        {
            PyxisTelemetry.Describe(activity, request);
        }

        var started = Stopwatch.GetTimestamp();
        PyxisTelemetry.InFlight.Add(1);
        using var budget = new CallBudget(options, cancellationToken);
        try
        {
            var data = await SendWithRetriesAsync(request, activity, budget, slot, capture).ConfigureAwait(false);
            activity?.SetStatus(ActivityStatusCode.Ok);
            return data;
        }
        catch (Exception ex)
            when (Typed(new PyxisCall(request, runtime.Secrets, null, budget.LastTraceId), ex, cancellationToken) is { } error)
        {
            activity?.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
            LogFailed(request.OperationName, error.TraceId, error.Message);
            if (ReferenceEquals(error, ex))
            {
                throw;
            }

            throw error;
        }
        finally
        {
            coalescing?.Retire(request);
            PyxisTelemetry.InFlight.Add(-1);
            PyxisTelemetry.RequestDuration.Record(
                Stopwatch.GetElapsedTime(started).TotalSeconds,
                PyxisTelemetry.Operation(request.OperationName),
                PyxisTelemetry.TypeOf(request)
            );
        }
    }

    // Failures around the attempts (total timeout, open breaker, limiter) happen without an answer of their own.
    private PyxisException? Typed(in PyxisCall call, Exception error, CancellationToken callerToken) =>
        error switch
        {
            PyxisException pyxis => pyxis,
            OperationCanceledException when !callerToken.IsCancellationRequested => new PyxisTransportException(
                call,
                $"no answer within PyxisClientOptions.Timeouts.Total ({options.Timeouts.Total.TotalSeconds:0.###} s), retries and waits included",
                null,
                error
            ),
            BrokenCircuitException => new PyxisTransportException(
                call,
                "the circuit breaker is open after repeated failures; calls fail at once until PyxisClientOptions.Breaker.BreakDuration has passed",
                null,
                error
            ),
            Polly.RateLimiting.RateLimiterRejectedException => new PyxisTransportException(
                call,
                "PyxisClientOptions.Limits.RequestLimiter refused a lease (its queue is full), retries included",
                null,
                error
            ),
            _ => null,
        };

    // HTTP retries and the breaker run inside the resilience pipeline; Pyxis server timeouts are retried around it.
    private async Task<TData> SendWithRetriesAsync<TData>(
        PyxisRequest<TData> request,
        Activity? activity,
        CallBudget budget,
        Batching.ConcurrencySlot? slot,
        Caching.BodyCapture? capture
    )
    {
        var context = ResilienceContextPool.Shared.Get(budget.Token);
        try
        {
            context.Properties.Set(PyxisResilience.Retryable, request.Retryable);
            context.Properties.Set(PyxisResilience.Operation, request.OperationName);
            context.Properties.Set(PyxisResilience.ShrinksWhenTooBig, request.ShrinksWhenTooBig);
            for (var attempt = 0; ; attempt++)
            {
                var mayRetry = request.RetriesServerTimeouts && request.Retryable && attempt < options.Retry.ServerTimeoutRetries;
                var outcome = await runtime
                    .Resilience.ExecuteAsync(
                        static (ctx, state) =>
                            state.Client.AttemptAsync(state.Request, state.Budget, state.Capture, state.MayRetry, ctx.CancellationToken),
                        context,
                        (Client: this, Request: request, Budget: budget, Capture: capture, MayRetry: mayRetry)
                    )
                    .ConfigureAwait(false);
                if (!outcome.ServerTimeout)
                {
                    if (logger.IsEnabled(LogLevel.Debug))
                    {
                        LogEnd(request.OperationName, new PyxisCall(request, runtime.Secrets, null, outcome.TraceId).PrintedTraceId);
                    }

                    return outcome.Data!;
                }

                budget.LastTraceId = outcome.TraceId;
                var traceId = new PyxisCall(request, runtime.Secrets, null, outcome.TraceId).PrintedTraceId;
                await WaitOutServerTimeoutAsync(request, traceId, activity, attempt + 1, slot, budget.Token).ConfigureAwait(false);
            }
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task WaitOutServerTimeoutAsync(
        PyxisRequest request,
        string? traceId,
        Activity? activity,
        int retry,
        Batching.ConcurrencySlot? slot,
        CancellationToken token
    )
    {
        var delay = ServerTimeouts.DelayBefore(retry);
        LogServerTimeout(request.OperationName, traceId, delay.TotalSeconds);
        PyxisTelemetry.Retries.Add(1, PyxisTelemetry.Operation(request.OperationName), PyxisTelemetry.TypeOf(request));
        activity?.SetTag("pyxis.retries", retry);
        await using (Batching.ConcurrencySlot.Lend(slot, token))
        {
            await Task.Delay(delay, options.TimeProvider, token).ConfigureAwait(false);
        }
    }

    private async ValueTask<AttemptOutcome<TData>> AttemptAsync<TData>(
        PyxisRequest<TData> request,
        CallBudget budget,
        Caching.BodyCapture? capture,
        bool mayRetryServerTimeout,
        CancellationToken token
    )
    {
        token.ThrowIfCancellationRequested(); // a batch that has ended starts nothing, shared cache requests included
        LogStart(request.OperationName);
        using var attempt = new TimeoutScope(token, options.Timeouts.Attempt, options.TimeProvider);
        using var onWire = runtime.Pool.Enter(logger);
        try
        {
            // The call context is made where it is used, not held across the await: the attempt's state stays as small as before.
            using var response = await PyxisHttp
                .SendAsync(http, runtime, new PyxisCall(request, runtime.Secrets), budget.Deadline, attempt.Token)
                .ConfigureAwait(false);
            if (mayRetryServerTimeout && GraphQLBody.IsServerTimeout(response.Span))
            {
                return new(default, ServerTimeout: true, response.TraceId);
            }

            var data = ResponseReader.Read(
                request,
                new PyxisCall(request, runtime.Secrets).Answered(response),
                response.Span,
                out var whole
            );
            if (capture is not null) // the result cache asked for the body it may keep: the one read said whether to
            {
                capture.Bytes = response.Span.ToArray();
                capture.Keep = whole;
            }

            return new(data, ServerTimeout: false, response.TraceId);
        }
        catch (PyxisException ex) when (Remember(budget, ex))
        {
            throw; // not reached: the filter only notes the answer's trace id
        }
        catch (OperationCanceledException ex) when (attempt.Token.IsCancellationRequested && !token.IsCancellationRequested)
        {
            throw new PyxisTransportException(
                new PyxisCall(request, runtime.Secrets),
                $"no answer within PyxisClientOptions.Timeouts.Attempt ({options.Timeouts.Attempt.TotalSeconds:0.###} s)",
                null,
                ex
            )
            {
                IsTransient = true,
            };
        }
    }

    private static bool Remember(CallBudget budget, PyxisException error)
    {
        budget.LastTraceId = error.TraceId ?? budget.LastTraceId;
        return false;
    }

    private static HttpClient CreateOwnHttpClient(PyxisClientOptions? options) =>
        // Our own timeouts apply, so the HttpClient's must not cut in first.
        new(ClientHandlerFactory.Create(options ?? new PyxisClientOptions())) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };

    private readonly record struct AttemptOutcome<TData>(TData? Data, bool ServerTimeout, string? TraceId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pyxis {Operation} sending")]
    private partial void LogStart(string operation);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pyxis {Operation} answered (trace_id {TraceId})")]
    private partial void LogEnd(string operation, string? traceId);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Pyxis {Operation} timed out inside Pyxis (trace_id {TraceId}); retrying in {DelaySeconds} s"
    )]
    private partial void LogServerTimeout(string operation, string? traceId, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pyxis {Operation} failed (trace_id {TraceId}): {Reason}")]
    private partial void LogFailed(string operation, string? traceId, string reason);
}
