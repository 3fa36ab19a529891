using System.Runtime.CompilerServices;

namespace Pyxis.Client.Batching;

/// <summary>
/// Runs one async operation over many inputs with a concurrency bound — the .NET form of Python's
/// <c>asyncio.as_completed</c>. Results stream as they complete; cancelling or leaving the loop early
/// cancels the rest and waits for them, so no request outlives the enumeration.
/// </summary>
public static class PyxisBatch
{
    /// <summary>Yields each input's outcome as soon as it completes (fastest first).</summary>
    public static IAsyncEnumerable<BatchItem<TInput, TResult>> InCompletionOrder<TInput, TResult>(
        IEnumerable<TInput> inputs,
        Func<TInput, CancellationToken, Task<TResult>> operation,
        BatchOptions? options = null,
        CancellationToken cancellationToken = default) =>
        Run(inputs, operation, options, completionOrder: true, cancellationToken);

    /// <summary>Runs concurrently like <see cref="InCompletionOrder{TInput, TResult}"/> but yields in input order.</summary>
    public static IAsyncEnumerable<BatchItem<TInput, TResult>> InInputOrder<TInput, TResult>(
        IEnumerable<TInput> inputs,
        Func<TInput, CancellationToken, Task<TResult>> operation,
        BatchOptions? options = null,
        CancellationToken cancellationToken = default) =>
        Run(inputs, operation, options, completionOrder: false, cancellationToken);

    private static async IAsyncEnumerable<BatchItem<TInput, TResult>> Run<TInput, TResult>(
        IEnumerable<TInput> inputs,
        Func<TInput, CancellationToken, Task<TResult>> operation,
        BatchOptions? options,
        bool completionOrder,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(operation);
        var maxConcurrency = options?.MaxConcurrency ?? new BatchOptions().MaxConcurrency;
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1, nameof(BatchOptions.MaxConcurrency));

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var gate = new SemaphoreSlim(maxConcurrency);
        var tasks = inputs.Select((input, index) => RunOne(index, input, operation, gate, stop.Token)).ToList();
        try
        {
            var ordered = completionOrder ? Task.WhenEach(tasks) : ToAsync(tasks);
            await foreach (var task in ordered.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return await task.ConfigureAwait(false);
            }
        }
        finally
        {
            stop.Cancel();
            await Task.WhenAll(tasks).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            PyxisTelemetry.BatchItems.Record(tasks.Count);
        }
    }

    private static async Task<BatchItem<TInput, TResult>> RunOne<TInput, TResult>(
        int index, TInput input, Func<TInput, CancellationToken, Task<TResult>> operation, SemaphoreSlim gate, CancellationToken token)
    {
        await gate.WaitAsync(token).ConfigureAwait(false);
        try
        {
            return new BatchItem<TInput, TResult>(index, input, await operation(input, token).ConfigureAwait(false), null);
        }
        catch (Exception ex) when (!token.IsCancellationRequested)
        {
            return new BatchItem<TInput, TResult>(index, input, default, ex);
        }
        finally
        {
            gate.Release();
        }
    }

    private static async IAsyncEnumerable<Task<T>> ToAsync<T>(List<Task<T>> tasks)
    {
        foreach (var task in tasks)
        {
            await Task.WhenAny(task).ConfigureAwait(false);
            yield return task;
        }
    }
}
