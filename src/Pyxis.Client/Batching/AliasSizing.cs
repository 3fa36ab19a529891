using Pyxis.Client.Telemetry;

namespace Pyxis.Client.Batching;

/// <summary>
/// The alias-chunk sizes of one batch: each request takes as many lookups as <see cref="AdaptiveSize"/> has learned, and
/// the lookups of a request that comes back too big go again in smaller ones. Every lookup taken gets exactly one outcome.
/// </summary>
internal sealed class AliasSizing(AdaptiveSize size, string operation, int min, int max, bool adaptive)
{
    public static AliasSizing Of(IPyxisClient client, string operation, BatchOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MinAliasesPerRequest, 1, nameof(BatchOptions.MinAliasesPerRequest));
        var learned = PyxisClient.Of(client) is { } pyxis ? pyxis.SizeOf("aliases " + operation) : new AdaptiveSize();
        var min = Math.Min(options.MinAliasesPerRequest, options.AliasesPerRequest);
        return new AliasSizing(learned, operation, min, options.AliasesPerRequest, options.AdaptAliasesPerRequest);
    }

    /// <summary>
    /// Takes lookups at the learned size and sends them; while Pyxis answers a request as too big, its lookups go again
    /// in a smaller one (topped up with fresh lookups). Returns one outcome per lookup taken, none when none were left.
    /// </summary>
    public async Task<BatchItem<TInput, TResult>[]> RunAsync<TInput, TResult>(
        SharedInputs<(int Index, TInput Input)> inputs,
        Func<(int Index, TInput Input)[], Task<BatchItem<TInput, TResult>[]>> send,
        CancellationToken cancellationToken
    )
    {
        var done = new List<BatchItem<TInput, TResult>>();
        var again = new List<(int Index, TInput Input)>();
        var cap = int.MaxValue;
        while (true)
        {
            var want = Math.Min(cap, NextSize());
            var part = again.Take(want).ToList();
            again.RemoveRange(0, part.Count);
            await inputs.TakeAsync(part, want - part.Count, cancellationToken).ConfigureAwait(false);
            if (part.Count < want)
            {
                size.Unsent(want);
            }

            if (part.Count == 0)
            {
                return [.. done];
            }

            PyxisTelemetry.RequestSize.Record(part.Count, PyxisTelemetry.Operation(operation), PyxisTelemetry.SizeKind("aliases"));
            var outcome = await SendAsync(part.ToArray(), send, cancellationToken).ConfigureAwait(false);

            // The whole request was too big when every lookup in it says so; one slow lookup is retried on its own later.
            var tooBig = adaptive && part.Count > min && outcome.All(o => AdaptiveSize.IsTooBig(o.Exception));
            if (tooBig)
            {
                size.TooBig(part.Count);
                PyxisTelemetry.SizeShrinks.Add(1, PyxisTelemetry.Operation(operation), PyxisTelemetry.SizeKind("aliases"));
                again.AddRange(outcome.Select(o => (o.Index, o.Input)));
                cap = part.Count - 1; // each retry of the same lookups is smaller than the request that failed
                continue;
            }

            if (adaptive && part.Count >= min)
            {
                size.Succeeded(part.Count);
            }

            done.AddRange(outcome);
            if (again.Count == 0)
            {
                return [.. done];
            }
        }
    }

    // A failed request fails the lookups it carried, each with the request's exception.
    private static async Task<BatchItem<TInput, TResult>[]> SendAsync<TInput, TResult>(
        (int Index, TInput Input)[] part,
        Func<(int Index, TInput Input)[], Task<BatchItem<TInput, TResult>[]>> send,
        CancellationToken cancellationToken
    )
    {
        try
        {
            return await send(part).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return part.Select(p => new BatchItem<TInput, TResult>(p.Index, p.Input, default, ex)).ToArray();
        }
    }

    private int NextSize() => adaptive ? size.Next(min, max) : max;
}
