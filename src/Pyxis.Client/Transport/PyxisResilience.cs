using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Retry;
using Pyxis.Client.Telemetry;

namespace Pyxis.Client.Transport;

/// <summary>
/// The one resilience contract of every client, plain or from DI: HTTP retries with jitter (or the server's
/// <c>Retry-After</c>) around a circuit breaker, built from <see cref="PyxisClientOptions"/>. It wraps a whole attempt,
/// body included, so a body that breaks off is retried like a refused connection.
/// </summary>
internal static class PyxisResilience
{
    /// <summary>Whether this call may be repeated (queries yes, mutations only when the caller says so).</summary>
    public static readonly ResiliencePropertyKey<bool> Retryable = new("pyxis.retryable");

    /// <summary>The operation, for the retry counter.</summary>
    public static readonly ResiliencePropertyKey<string> Operation = new("pyxis.operation");

    /// <summary>Whether the caller asks again smaller when the answer is too big, so a 5xx is not retried at this size.</summary>
    public static readonly ResiliencePropertyKey<bool> ShrinksWhenTooBig = new("pyxis.shrinks-when-too-big");

    public static ResiliencePipeline Build(PyxisClientOptions options)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = options.TimeProvider };
        if (options.Retry.MaxRetries > 0)
        {
            builder.AddRetry(
                new RetryStrategyOptions
                {
                    MaxRetryAttempts = options.Retry.MaxRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.Retry.Delay,
                    ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome.Exception, args.Context)),
                    DelayGenerator = args => ValueTask.FromResult(ServerWait(args.Outcome.Exception)),
                    OnRetry = args =>
                    {
                        PyxisTelemetry.Retries.Add(
                            1,
                            new KeyValuePair<string, object?>(
                                Telemetry.PyxisTelemetry.OperationName,
                                args.Context.Properties.GetValue(Operation, "?")
                            )
                        );
                        return ValueTask.CompletedTask;
                    },
                }
            );
        }

        if (options.Breaker.FailureRatio < 1)
        {
            builder.AddCircuitBreaker(
                new CircuitBreakerStrategyOptions
                {
                    FailureRatio = options.Breaker.FailureRatio,
                    MinimumThroughput = options.Breaker.MinimumThroughput,
                    SamplingDuration = options.Breaker.SamplingDuration,
                    BreakDuration = options.Breaker.BreakDuration,
                    ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome.Exception)),
                    OnOpened = _ =>
                    {
                        PyxisTelemetry.BreakerOpened.Add(1);
                        return ValueTask.CompletedTask;
                    },
                }
            );
        }

        // Innermost, so each attempt holds a lease only while it is on the wire, and a refused lease never opens the breaker.
        if (options.Limits.RequestLimiter is { } limiter)
        {
            builder.AddRateLimiter(
                new RateLimiterStrategyOptions { RateLimiter = args => limiter.AcquireAsync(1, args.Context.CancellationToken) }
            );
        }

        return builder.Build();
    }

    private static bool ShouldRetry(Exception? error, ResilienceContext context) =>
        (IsTransient(error) || error is RateLimiterRejectedException)
        && context.Properties.GetValue(Retryable, false)
        && !(context.Properties.GetValue(ShrinksWhenTooBig, false) && Batching.AdaptiveSize.IsTooBig(error));

    private static TimeSpan? ServerWait(Exception? error) =>
        error switch
        {
            PyxisTransportException { RetryAfter: { } wait } => wait,
            RateLimiterRejectedException { RetryAfter: { } wait } => wait,
            _ => null,
        };

    private static bool IsTransient(Exception? error) =>
        error is PyxisTransportException { IsTransient: true } or PyxisResponseException { Truncated: true };
}
