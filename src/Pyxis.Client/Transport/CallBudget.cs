namespace Pyxis.Client.Transport;

/// <summary>
/// The time one call may take (<see cref="PyxisTimeoutOptions.Total"/>), on the options' clock, joined with the caller's token.
/// </summary>
internal sealed class CallBudget : IDisposable
{
    private readonly TimeoutScope scope;

    public CallBudget(PyxisClientOptions options, CancellationToken callerToken)
    {
        Deadline =
            options.Timeouts.Total == System.Threading.Timeout.InfiniteTimeSpan
                ? DateTimeOffset.MaxValue
                : options.TimeProvider.GetUtcNow() + options.Timeouts.Total;
        scope = new TimeoutScope(callerToken, options.Timeouts.Total, options.TimeProvider);
    }

    /// <summary>When the call must have ended.</summary>
    public DateTimeOffset Deadline { get; }

    /// <summary>
    /// The <c>trace_id</c> of the last attempt that got an answer, so an error that ends the call without an answer of its
    /// own (the total timeout during a retry wait, the limiter) can still name the last one Pyxis gave.
    /// </summary>
    public string? LastTraceId { get; set; }

    /// <summary>Cancelled by the caller or when the budget runs out.</summary>
    public CancellationToken Token => scope.Token;

    public void Dispose() => scope.Dispose();
}
