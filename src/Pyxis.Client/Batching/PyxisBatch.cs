using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Pyxis.Client.Telemetry;

namespace Pyxis.Client.Batching;

/// <summary>
/// Runs one async operation over many inputs with a concurrency bound — the .NET form of Python's
/// <c>asyncio.as_completed</c>. Inputs are read lazily and results stream as they complete, so memory follows
/// <see cref="BatchOptions.MaxConcurrency"/>, not the number of inputs. Cancelling or leaving the loop early
/// cancels the rest and waits for them, so no operation outlives the enumeration. An input sequence that
/// throws ends the stream with its exception, after the work in flight has been cancelled and awaited.
/// </summary>
public static class PyxisBatch
{
    /// <summary>Yields each input's outcome as soon as it completes (fastest first).</summary>
    public static IAsyncEnumerable<BatchItem<TInput, TResult>> InCompletionOrder<TInput, TResult>(
        IEnumerable<TInput> inputs,
        Func<TInput, CancellationToken, Task<TResult>> operation,
        BatchOptions? options = null,
        CancellationToken cancellationToken = default
    ) => InCompletionOrder(Lazily(inputs), operation, options, cancellationToken);

    /// <summary>
    /// Yields each input's outcome as soon as it completes, reading inputs from an async stream (for example another batch or an
    /// <c>…AllAsync</c> pager).
    /// </summary>
    public static IAsyncEnumerable<BatchItem<TInput, TResult>> InCompletionOrder<TInput, TResult>(
        IAsyncEnumerable<TInput> inputs,
        Func<TInput, CancellationToken, Task<TResult>> operation,
        BatchOptions? options = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(operation);
        return CompletionOrderAsync(inputs, (input, _, ct) => operation(input, ct), BatchRun.Concurrency(options), cancellationToken);
    }

    /// <summary>
    /// Yields each input's outcome as soon as it completes, each operation calling Pyxis through the client it is handed:
    /// <paramref name="client"/>, told which of the batch's <see cref="BatchOptions.MaxConcurrency"/> places the item holds,
    /// so an item waiting out a Pyxis server timeout lends its place to the others meanwhile.
    /// </summary>
    public static IAsyncEnumerable<BatchItem<TInput, TResult>> InCompletionOrder<TInput, TResult>(
        IPyxisClient client,
        IEnumerable<TInput> inputs,
        Func<IPyxisClient, TInput, CancellationToken, Task<TResult>> operation,
        BatchOptions? options = null,
        CancellationToken cancellationToken = default
    ) => InCompletionOrder(client, Lazily(inputs), operation, options, cancellationToken);

    /// <summary>
    /// Like <see cref="InCompletionOrder{TInput, TResult}(IPyxisClient, IEnumerable{TInput}, Func{IPyxisClient, TInput, CancellationToken, Task{TResult}}, BatchOptions?, CancellationToken)"/>,
    /// reading inputs from an async stream.
    /// </summary>
    public static IAsyncEnumerable<BatchItem<TInput, TResult>> InCompletionOrder<TInput, TResult>(
        IPyxisClient client,
        IAsyncEnumerable<TInput> inputs,
        Func<IPyxisClient, TInput, CancellationToken, Task<TResult>> operation,
        BatchOptions? options = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(operation);
        return CompletionOrderAsync(inputs, Lending(client, operation), BatchRun.Concurrency(options), cancellationToken);
    }

    /// <summary>
    /// Runs concurrently like
    /// <see cref="InCompletionOrder{TInput, TResult}(IEnumerable{TInput}, Func{TInput, CancellationToken, Task{TResult}}, BatchOptions?, CancellationToken)"/> but yields in input order.
    /// </summary>
    public static IAsyncEnumerable<BatchItem<TInput, TResult>> InInputOrder<TInput, TResult>(
        IEnumerable<TInput> inputs,
        Func<TInput, CancellationToken, Task<TResult>> operation,
        BatchOptions? options = null,
        CancellationToken cancellationToken = default
    ) => InInputOrder(Lazily(inputs), operation, options, cancellationToken);

    /// <summary>Runs concurrently but yields in input order, reading inputs from an async stream.</summary>
    public static IAsyncEnumerable<BatchItem<TInput, TResult>> InInputOrder<TInput, TResult>(
        IAsyncEnumerable<TInput> inputs,
        Func<TInput, CancellationToken, Task<TResult>> operation,
        BatchOptions? options = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(operation);
        return InputOrderAsync(inputs, (input, _, ct) => operation(input, ct), BatchRun.Concurrency(options), cancellationToken);
    }

    /// <summary>
    /// Runs concurrently but yields in input order, each operation calling Pyxis through the client it is handed, so an item
    /// waiting out a Pyxis server timeout lends its place to the others meanwhile.
    /// </summary>
    public static IAsyncEnumerable<BatchItem<TInput, TResult>> InInputOrder<TInput, TResult>(
        IPyxisClient client,
        IEnumerable<TInput> inputs,
        Func<IPyxisClient, TInput, CancellationToken, Task<TResult>> operation,
        BatchOptions? options = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(operation);
        return InputOrderAsync(Lazily(inputs), Lending(client, operation), BatchRun.Concurrency(options), cancellationToken);
    }

    // Each item calls Pyxis through a client that knows the item's place, so it can lend it while waiting out a server timeout.
    private static Func<TInput, ConcurrencySlot, CancellationToken, Task<TResult>> Lending<TInput, TResult>(
        IPyxisClient client,
        Func<IPyxisClient, TInput, CancellationToken, Task<TResult>> operation
    ) => (input, slot, ct) => operation(LendingClient.For(client, slot), input, ct);

    private static IAsyncEnumerable<T> Lazily<T>(IEnumerable<T> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return inputs.ToAsyncEnumerable();
    }

    private static async IAsyncEnumerable<BatchItem<TInput, TResult>> CompletionOrderAsync<TInput, TResult>(
        IAsyncEnumerable<TInput> inputs,
        Func<TInput, ConcurrencySlot, CancellationToken, Task<TResult>> operation,
        int maxConcurrency,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        // At most maxConcurrency operations run, and at most as many finished results wait for the reader.
        var done = Channel.CreateUnbounded<BatchItem<TInput, TResult>>(new UnboundedChannelOptions { SingleReader = true });
        await using var run = new BatchRun(maxConcurrency, cancellationToken);
        var producer = run.ProduceAsync(inputs, operation, item => done.Writer.TryWrite(item), error => done.Writer.TryComplete(error));
        long yielded = 0;
        try
        {
            await foreach (var item in done.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                run.Consumed();
                yielded++;
                yield return item;
            }
        }
        finally
        {
            await run.StopAsync(producer).ConfigureAwait(false);
            PyxisTelemetry.BatchItems.Record(yielded);
        }
    }

    private static async IAsyncEnumerable<BatchItem<TInput, TResult>> InputOrderAsync<TInput, TResult>(
        IAsyncEnumerable<TInput> inputs,
        Func<TInput, ConcurrencySlot, CancellationToken, Task<TResult>> operation,
        int maxConcurrency,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        await using var run = new BatchRun(maxConcurrency, cancellationToken);
        var window = new Queue<Task<BatchItem<TInput, TResult>?>>();
        var index = 0;
        await using var source = inputs.GetAsyncEnumerator(run.Token);
        try
        {
            // Twice the concurrency started ahead, so a slow head of line does not idle the others.
            while (true)
            {
                while (window.Count < 2 * maxConcurrency && await source.MoveNextAsync().ConfigureAwait(false))
                {
                    window.Enqueue(run.RunOneAsync(index++, source.Current, operation));
                }

                if (window.Count == 0)
                {
                    break;
                }

                var item = await window.Dequeue().ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                yield return item!;
            }
        }
        finally
        {
            run.Cancel();
            await Task.WhenAll(window).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            PyxisTelemetry.BatchItems.Record(index);
        }
    }
}
