namespace Pyxis.Client.Batching;

/// <summary>The shared state of one batch: its slots, its stop signal, and the count of operations still running.</summary>
internal sealed class BatchRun : IAsyncDisposable
{
    private readonly SemaphoreSlim slots;
    private readonly SemaphoreSlim unread;
    private readonly CancellationTokenSource stop;
    private readonly TaskCompletionSource idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int running = 1; // the producer itself, until it has read the last input

    public BatchRun(int maxConcurrency, CancellationToken callerToken)
    {
        slots = new SemaphoreSlim(maxConcurrency);
        unread = new SemaphoreSlim(2 * maxConcurrency);
        stop = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
    }

    public CancellationToken Token => stop.Token;

    public static int Concurrency(BatchOptions? options)
    {
        var maxConcurrency = options?.MaxConcurrency ?? new BatchOptions().MaxConcurrency;
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1, nameof(BatchOptions.MaxConcurrency));
        return maxConcurrency;
    }

    /// <summary>Reads inputs as room frees up and starts each; reports each outcome, then the end (or the input's exception).</summary>
    public async Task ProduceAsync<TInput, TResult>(
        IAsyncEnumerable<TInput> inputs,
        Func<TInput, ConcurrencySlot, CancellationToken, Task<TResult>> operation,
        Action<BatchItem<TInput, TResult>> report,
        Action<Exception?> complete
    )
    {
        Exception? failure = null;
        try
        {
            var index = 0;
            await foreach (var input in inputs.WithCancellation(Token).ConfigureAwait(false))
            {
                await unread.WaitAsync(Token).ConfigureAwait(false);
                Interlocked.Increment(ref running);
                _ = RunAndReportAsync(index++, input, operation, report);
            }
        }
        catch (OperationCanceledException) when (Token.IsCancellationRequested)
        {
            // Stopped by the reader or the caller; the reader already knows.
        }
        catch (Exception ex)
        {
            failure = ex;
            stop.Cancel();
        }
        finally
        {
            Finished();
            await idle.Task.ConfigureAwait(false);
            complete(failure);
        }
    }

    /// <summary>The reader has taken one result: room for one more input.</summary>
    public void Consumed() => unread.Release();

    /// <summary>Runs one input in a slot, which the operation is handed so it can lend it out; null when the batch stopped first.</summary>
    public async Task<BatchItem<TInput, TResult>?> RunOneAsync<TInput, TResult>(
        int index,
        TInput input,
        Func<TInput, ConcurrencySlot, CancellationToken, Task<TResult>> operation
    )
    {
        try
        {
            var slot = await ConcurrencySlot.TakeAsync(slots, Token).ConfigureAwait(false);
            try
            {
                return new BatchItem<TInput, TResult>(index, input, await operation(input, slot, Token).ConfigureAwait(false), null);
            }
            catch (Exception ex) when (!Token.IsCancellationRequested)
            {
                return new BatchItem<TInput, TResult>(index, input, default, ex);
            }
            finally
            {
                slot.Release();
            }
        }
        catch (OperationCanceledException) when (Token.IsCancellationRequested)
        {
            return null;
        }
    }

    public void Cancel() => stop.Cancel();

    /// <summary>Cancels what still runs and waits for the producer, which waits for every operation it started.</summary>
    public async Task StopAsync(Task producer)
    {
        stop.Cancel();
        await producer.ConfigureAwait(false);
    }

    public ValueTask DisposeAsync()
    {
        stop.Dispose();
        slots.Dispose();
        unread.Dispose();
        return ValueTask.CompletedTask;
    }

    // Counted until reported, so the end of the stream never overtakes a last result.
    private async Task RunAndReportAsync<TInput, TResult>(
        int index,
        TInput input,
        Func<TInput, ConcurrencySlot, CancellationToken, Task<TResult>> operation,
        Action<BatchItem<TInput, TResult>> report
    )
    {
        try
        {
            if (await RunOneAsync(index, input, operation).ConfigureAwait(false) is { } item)
            {
                report(item);
            }
        }
        finally
        {
            Finished();
        }
    }

    private void Finished()
    {
        if (Interlocked.Decrement(ref running) == 0)
        {
            idle.TrySetResult();
        }
    }
}
