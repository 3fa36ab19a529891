namespace Pyxis.Client.Batching;

/// <summary>
/// One batch item's place among the <see cref="BatchOptions.MaxConcurrency"/> operations that may run at once.
/// The client lends it back while it only waits (a Pyxis server-timeout delay of 30 s or more), so a waiting lookup
/// does not keep others from running. The batch hands the slot to the client explicitly (<see cref="LendingClient"/>),
/// never through ambient state.
/// </summary>
internal sealed class ConcurrencySlot
{
    private readonly SemaphoreSlim gate;
    private int held;

    private ConcurrencySlot(SemaphoreSlim gate)
    {
        this.gate = gate;
    }

    /// <summary>Waits for a place.</summary>
    public static async Task<ConcurrencySlot> TakeAsync(SemaphoreSlim gate, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new ConcurrencySlot(gate) { held = 1 };
    }

    /// <summary>Gives <paramref name="slot"/> back until the returned scope ends, then waits to take one again.</summary>
    public static IAsyncDisposable Lend(ConcurrencySlot? slot, CancellationToken cancellationToken)
    {
        if (slot is null || !slot.Release())
        {
            return Borrowed.None;
        }

        return new Borrowed(slot, cancellationToken);
    }

    /// <summary>Frees the place if this item still holds it; true when it did.</summary>
    public bool Release()
    {
        if (Interlocked.Exchange(ref held, 0) == 0)
        {
            return false;
        }

        gate.Release();
        return true;
    }

    private sealed class Borrowed(ConcurrencySlot? slot, CancellationToken cancellationToken) : IAsyncDisposable
    {
        public static readonly Borrowed None = new(null, default);

        public async ValueTask DisposeAsync()
        {
            if (slot is null)
            {
                return;
            }

            await slot.gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            Interlocked.Exchange(ref slot.held, 1);
        }
    }
}
