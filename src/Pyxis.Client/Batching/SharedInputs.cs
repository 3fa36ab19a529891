namespace Pyxis.Client.Batching;

/// <summary>
/// The lookups of an alias batch, taken by each request as it starts rather than cut into chunks ahead: a request takes
/// as many as the size learned by then, so no chunk cut before a shrink has to be split into a short last request.
/// </summary>
internal sealed class SharedInputs<T>(IAsyncEnumerable<T> inputs, CancellationToken cancellationToken) : IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private IAsyncEnumerator<T>? reader;
    private volatile bool exhausted;

    /// <summary>One ticket per request that may still find lookups; the last few may find none.</summary>
    public async IAsyncEnumerable<int> TicketsAsync()
    {
        for (var ticket = 0; !exhausted; ticket++)
        {
            yield return ticket;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <summary>Adds up to <paramref name="count"/> lookups to <paramref name="part"/>; an input that throws ends the batch with it.</summary>
    public async Task TakeAsync(List<T> part, int count, CancellationToken token)
    {
        await gate.WaitAsync(token).ConfigureAwait(false);
        try
        {
            reader ??= inputs.GetAsyncEnumerator(cancellationToken);
            while (count-- > 0 && !exhausted)
            {
                exhausted = !await reader.MoveNextAsync().ConfigureAwait(false);
                if (!exhausted)
                {
                    part.Add(reader.Current);
                }
            }
        }
        catch
        {
            exhausted = true;
            throw;
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (reader is not null)
        {
            await reader.DisposeAsync().ConfigureAwait(false);
        }

        gate.Dispose();
    }
}
