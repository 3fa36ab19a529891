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
    /// at once in smaller ones (topped up with fresh lookups), never at the size that failed. Returns one outcome per
    /// lookup taken, none when none were left. <c>send</c> is told whether its request may shrink: if so, an answer that
    /// says too big is not retried as it is.
    /// </summary>
    public async Task<BatchItem<TInput, TResult>[]> RunAsync<TInput, TResult>(
        SharedInputs<(int Index, TInput Input)> inputs,
        Func<(int Index, TInput Input)[], bool, Task<BatchItem<TInput, TResult>[]>> send,
        CancellationToken cancellationToken
    )
    {
        var done = new List<BatchItem<TInput, TResult>>();
        var again = new List<(int Index, TInput Input)>();
        var cap = int.MaxValue;
        while (true)
        {
            var want = Math.Min(cap, NextSize(out var sizedAt));
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
            var canShrink = adaptive && part.Count > min;
            var outcome = await SendAsync(part.ToArray(), canShrink, send, cancellationToken).ConfigureAwait(false);

            // The whole request was too big when every lookup in it says so; one slow lookup is retried on its own later.
            if (canShrink && outcome.All(o => AdaptiveSize.IsTooBig(o.Exception)))
            {
                // The same lookups go again at once, never at the size that failed: in halves while a 5xx is only
                // suspected (so a real limit is confirmed, or a blip passed, one request later), else at the learned size.
                var verdict = Shrink(part.Count, outcome[0].Exception, sizedAt);
                cap = verdict == AdaptiveSize.Verdict.Suspected ? Math.Max(min, part.Count / 2) : part.Count - 1;
                again.AddRange(outcome.Select(o => (o.Index, o.Input)));
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

    private AdaptiveSize.Verdict Shrink(int count, Exception? error, int sizedAt)
    {
        PyxisTelemetry.SizeShrinks.Add(1, PyxisTelemetry.Operation(operation), PyxisTelemetry.SizeKind("aliases"));
        return size.TooBig(count, AdaptiveSize.IsCertainlyTooBig(error), sizedAt);
    }

    // A failed request fails the lookups it carried, each with the request's exception.
    private static async Task<BatchItem<TInput, TResult>[]> SendAsync<TInput, TResult>(
        (int Index, TInput Input)[] part,
        bool canShrink,
        Func<(int Index, TInput Input)[], bool, Task<BatchItem<TInput, TResult>[]>> send,
        CancellationToken cancellationToken
    )
    {
        try
        {
            return await send(part, canShrink).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return part.Select(p => new BatchItem<TInput, TResult>(p.Index, p.Input, default, ex)).ToArray();
        }
    }

    private int NextSize(out int sizedAt)
    {
        sizedAt = 0;
        return adaptive ? size.Next(min, max, out sizedAt) : max;
    }
}
