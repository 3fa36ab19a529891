using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Pyxis.Client.Runtime;
using Pyxis.Client.Serialization;
using Pyxis.Client.Telemetry;

namespace Pyxis.Client.Batching;

/// <summary>
/// Sends many lookups of one operation as few requests: each chunk of up to <see cref="BatchOptions.AliasesPerRequest"/>
/// lookups becomes one document (<c>r0: …, r1: …</c>), chunks run concurrently, and items still stream in
/// completion order. Chunk sizes adapt (<see cref="BatchOptions.AdaptAliasesPerRequest"/>): a chunk Pyxis answers with a
/// server timeout, a 5xx or a complexity error is sent again as smaller chunks, and the size grows back as chunks succeed. An error that names one alias (its GraphQL error path or its Pyxis envelope) fails only
/// that item; a failed request fails the items it carried. A lookup whose envelope is Pyxis's MongoDB timeout is
/// retried alone (with the others that timed out) after <see cref="PyxisRetryOptions.ServerTimeoutDelay"/>, doubling,
/// up to <see cref="PyxisRetryOptions.ServerTimeoutRetries"/> times, once the first pass has yielded everything else.
/// </summary>
public static class PyxisAliasBatch
{
    /// <summary>Runs <paramref name="template"/> (a generated <c>…Query.Aliased</c>) for every input.</summary>
    /// <param name="client">The client that sends the requests.</param>
    /// <param name="template">The operation to repeat.</param>
    /// <param name="inputs">One lookup each, read lazily.</param>
    /// <param name="createRequest">The single-lookup request for an input (a generated <c>CreateRequest</c>).</param>
    /// <param name="options">Aliases per request and concurrent requests.</param>
    /// <param name="cancellationToken">Stops the batch.</param>
    public static IAsyncEnumerable<BatchItem<TInput, TResult>> ExecuteAliasedAsync<TInput, TField, TResult>(
        this IPyxisClient client,
        PyxisAliasTemplate<TField, TResult> template,
        IEnumerable<TInput> inputs,
        Func<TInput, PyxisRequest> createRequest,
        BatchOptions? options = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return client.ExecuteAliasedAsync(template, inputs.ToAsyncEnumerable(), createRequest, options, cancellationToken);
    }

    /// <summary>Runs <paramref name="template"/> for every input of an async stream (for example the items of an <c>…AllAsync</c> pager).</summary>
    /// <param name="client">The client that sends the requests.</param>
    /// <param name="template">The operation to repeat.</param>
    /// <param name="inputs">One lookup each, read as room frees up.</param>
    /// <param name="createRequest">The single-lookup request for an input (a generated <c>CreateRequest</c>).</param>
    /// <param name="options">Aliases per request and concurrent requests.</param>
    /// <param name="cancellationToken">Stops the batch.</param>
    public static IAsyncEnumerable<BatchItem<TInput, TResult>> ExecuteAliasedAsync<TInput, TField, TResult>(
        this IPyxisClient client,
        PyxisAliasTemplate<TField, TResult> template,
        IAsyncEnumerable<TInput> inputs,
        Func<TInput, PyxisRequest> createRequest,
        BatchOptions? options = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(createRequest);
        options ??= new BatchOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.AliasesPerRequest, 1, nameof(BatchOptions.AliasesPerRequest));
        return RunAsync(
            client,
            template,
            inputs.Select(static (input, index) => (Index: index, Input: input)),
            createRequest,
            options,
            cancellationToken
        );
    }

    private static async IAsyncEnumerable<BatchItem<TInput, TResult>> RunAsync<TInput, TField, TResult>(
        IPyxisClient client,
        PyxisAliasTemplate<TField, TResult> template,
        IAsyncEnumerable<(int Index, TInput Input)> inputs,
        Func<TInput, PyxisRequest> createRequest,
        BatchOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        // Lookups that hit a Pyxis server timeout wait for a later pass, re-chunked together, so the other lookups of
        // their request are not held back or sent again. Only those are kept; the inputs themselves stream.
        var policy = ServerTimeoutPolicy.Of(client);
        var sizing = AliasSizing.Of(client, template.OperationName, options);
        var pending = inputs;
        for (var attempt = 0; pending is not null; attempt++)
        {
            if (attempt > 0)
            {
                PyxisTelemetry.Retries.Add(1, PyxisTelemetry.Operation(template.OperationName));
                await Task.Delay(policy.DelayBefore(attempt), policy.Clock, cancellationToken).ConfigureAwait(false);
            }

            var timedOut = new List<(int Index, TInput Input)>();
            await using var shared = new SharedInputs<(int Index, TInput Input)>(pending, cancellationToken);
            var runs = PyxisBatch.InCompletionOrder(
                shared.TicketsAsync(),
                (_, ct) =>
                    sizing.RunAsync(shared, (part, canShrink) => RunChunkAsync(client, template, part, canShrink, createRequest, ct), ct),
                options,
                cancellationToken
            );
            await foreach (var run in runs.ConfigureAwait(false))
            {
                if (run.Exception is { } error)
                {
                    ExceptionDispatchInfo.Throw(error); // the inputs threw: every lookup read so far has its outcome
                }

                foreach (var item in run.Value!)
                {
                    if (attempt < policy.Retries && GraphQLBody.IsServerTimeout(item.Exception))
                    {
                        timedOut.Add((item.Index, item.Input));
                        continue;
                    }

                    yield return item;
                }
            }

            pending = timedOut.Count > 0 ? timedOut.ToAsyncEnumerable() : null;
        }
    }

    private static async Task<BatchItem<TInput, TResult>[]> RunChunkAsync<TInput, TField, TResult>(
        IPyxisClient client,
        PyxisAliasTemplate<TField, TResult> template,
        (int Index, TInput Input)[] chunk,
        bool canShrink,
        Func<TInput, PyxisRequest> createRequest,
        CancellationToken cancellationToken
    )
    {
        var requests = chunk.Select(c => createRequest(c.Input)).ToArray();
        var batch = AliasDocument.Build(template, requests);
        batch = canShrink ? batch.ShrinkingWhenTooBig() : batch; // asked again smaller at once, not retried at this size
        var answer = await client.ExecuteAsync(batch, cancellationToken).ConfigureAwait(false);
        var call = answer.Call ?? new PyxisCall(batch, null); // each lookup's failure is told with the batch call's answer

        // An error naming no alias, or a key that is not exactly one this request sent, concerns every lookup in it.
        var unattributed = answer.Errors.Where(e => e.Path.Count == 0 || !answer.TryIndex(e.Path[0], out _)).ToList();
        return chunk
            .Select(
                (c, k) =>
                {
                    var outcome = Outcome(template, call.For(requests[k]), answer, k, unattributed);
                    return new BatchItem<TInput, TResult>(c.Index, c.Input, outcome.Value, outcome.Error);
                }
            )
            .ToArray();
    }

    private static (TResult? Value, Exception? Error) Outcome<TField, TResult>(
        PyxisAliasTemplate<TField, TResult> template,
        PyxisCall call,
        AliasAnswer<TField> answer,
        int alias,
        List<PyxisGraphQLError> unattributed
    )
    {
        var key = AliasNaming.Alias(alias);
        var errors = answer.Errors.Where(e => e.Path.Count > 0 && e.Path[0] == key).Concat(unattributed).ToList();
        if (errors.Count > 0)
        {
            return (default, new PyxisGraphQLException(call, errors, errors.Count));
        }

        if (!answer.Present[alias])
        {
            return (default, new PyxisResponseException(call, $"the batched response has no value for alias {key}"));
        }

        try
        {
            var value = answer.Values[alias]!;
            template.Check?.Verify(call, value);
            return (template.ToResult(call.Request, value), null);
        }
        catch (PyxisException ex)
        {
            return (default, ex);
        }
    }
}
