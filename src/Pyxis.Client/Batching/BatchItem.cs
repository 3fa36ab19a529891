using System.Runtime.ExceptionServices;

namespace Pyxis.Client.Batching;

/// <summary>
/// One input of a batch and what became of it: a value, or the exception that stopped it.
/// Every input of a batch is yielded exactly once, failures included.
/// </summary>
/// <param name="Index">The input's position in the input sequence.</param>
/// <param name="Input">The input itself.</param>
/// <param name="Value">The result, when <see cref="Succeeded"/>.</param>
/// <param name="Exception">Why it failed, when it did.</param>
public sealed record BatchItem<TInput, TResult>(int Index, TInput Input, TResult? Value, Exception? Exception)
{
    /// <summary>Whether the operation completed without an exception.</summary>
    public bool Succeeded => Exception is null;

    /// <summary>The value, or the original exception rethrown with its own stack trace.</summary>
    public TResult GetValueOrThrow()
    {
        if (Exception is not null)
        {
            ExceptionDispatchInfo.Throw(Exception);
        }

        return Value!;
    }
}

/// <summary>How a batch runs.</summary>
public sealed class BatchOptions
{
    /// <summary>The most operations in flight at once. Defaults to 8. At most as many finished results wait for the reader.</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>
    /// Lookups sent together in one request under aliases, where the helper supports it. Defaults to 1
    /// (one request per lookup). 25 sends 1000 lookups as 40 requests.
    /// </summary>
    public int AliasesPerRequest { get; init; } = 1;

    /// <summary>
    /// Whether alias chunks adapt to what Pyxis can answer (default true): a chunk answered with a Pyxis server timeout,
    /// a 5xx or a complexity error is sent again as smaller chunks (half the size, never below the largest size that
    /// succeeded since), and the size grows back by one per success, up to <see cref="AliasesPerRequest"/>. What is
    /// learned is kept per client options and operation, so later batches start from it. Every lookup is still
    /// yielded exactly once.
    /// </summary>
    public bool AdaptAliasesPerRequest { get; init; } = true;

    /// <summary>The smallest chunk adaptive sizing shrinks to (default 1); below it, timeouts are retried as before.</summary>
    public int MinAliasesPerRequest { get; init; } = 1;
}
