namespace Pyxis.Client.Transport;

/// <summary>
/// A token cancelled by its parent or after a timeout on the options' clock. On the system clock that is one linked
/// source with a timer (the common case, so a call allocates as little as possible); a test clock needs a second source.
/// </summary>
internal readonly struct TimeoutScope : IDisposable
{
    private readonly CancellationTokenSource linked;
    private readonly CancellationTokenSource? timer;

    public TimeoutScope(CancellationToken parent, TimeSpan timeout, TimeProvider clock)
    {
        if (timeout == System.Threading.Timeout.InfiniteTimeSpan || clock == TimeProvider.System)
        {
            linked = CancellationTokenSource.CreateLinkedTokenSource(parent);
            linked.CancelAfter(timeout);
            timer = null;
        }
        else
        {
            timer = new CancellationTokenSource(timeout, clock);
            linked = CancellationTokenSource.CreateLinkedTokenSource(parent, timer.Token);
        }
    }

    public CancellationToken Token => linked.Token;

    public void Dispose()
    {
        linked.Dispose();
        timer?.Dispose();
    }
}
