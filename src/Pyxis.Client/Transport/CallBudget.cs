namespace Pyxis.Client;

/// <summary>The time one call may take (<see cref="PyxisClientOptions.Timeout"/>), on the options' clock, joined with the caller's token.</summary>
internal sealed class CallBudget : IDisposable
{
    private readonly CancellationTokenSource? timeout;
    private readonly CancellationTokenSource linked;

    public CallBudget(PyxisClientOptions options, CancellationToken callerToken, Caching.BodyCapture? capture = null)
    {
        Capture = capture;
        var infinite = options.Timeout == System.Threading.Timeout.InfiniteTimeSpan;
        Deadline = infinite ? DateTimeOffset.MaxValue : options.TimeProvider.GetUtcNow() + options.Timeout;
        timeout = infinite ? null : new CancellationTokenSource(options.Timeout, options.TimeProvider);
        linked = timeout is null ? CancellationTokenSource.CreateLinkedTokenSource(callerToken) : CancellationTokenSource.CreateLinkedTokenSource(callerToken, timeout.Token);
    }

    /// <summary>Where the answer's body goes when the result cache asked for it.</summary>
    public Caching.BodyCapture? Capture { get; }

    /// <summary>When the call must have ended.</summary>
    public DateTimeOffset Deadline { get; }

    /// <summary>Cancelled by the caller or when the budget runs out.</summary>
    public CancellationToken Token => linked.Token;

    public void Dispose()
    {
        linked.Dispose();
        timeout?.Dispose();
    }
}
