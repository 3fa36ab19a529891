using System.Diagnostics;
using Pyxis.Client.Batching;
using Pyxis.Emulator;

namespace Pyxis.Client.Tests;

/// <summary>The completion-ordered batch against a real server: order, accounting, bounds, cancellation.</summary>
public sealed class BatchTests
{
    [Fact]
    public async Task Items_arrive_in_completion_order_not_input_order()
    {
        // The server answers board 5 first, then 4, … 0, each only once the previous one has reached the caller:
        // the stream must hand over each item while every earlier input is still pending.
        var gates = new ResponseGates();
        await using var session = await EmulatorSession.StartAsync(
            new EmulatorOptions { AnswerWhen = (r, ct) => gates.WaitAsync(r.Variable("repository"), ct) }
        );
        var paths = session.Paths(6);
        gates.Release(paths[^1].Repository);

        var arrived = new List<int>();
        await foreach (var item in session.Client.GetRepositoriesByRegistryPathAsync(paths, new BatchOptions { MaxConcurrency = 6 }))
        {
            arrived.Add(item.Index);
            if (item.Index > 0)
            {
                gates.Release(paths[item.Index - 1].Repository);
            }
        }

        Assert.Equal(Enumerable.Range(0, 6).Reverse(), arrived);
    }

    [Fact]
    public async Task Every_input_is_yielded_exactly_once_with_failures_as_typed_items()
    {
        await using var session = await EmulatorSession.StartAsync(
            new EmulatorOptions
            {
                FaultFor = r => (r.Variable("repository")?.Length ?? 0) % 3 == 0 ? new EmulatorFault.HttpStatus(503) : null,
            }
        );
        (string Registry, string Repository)[] paths = [.. session.Paths(40), ("registry.access.redhat.com", "no/such")];

        var items = new List<BatchItem<(string Registry, string Repository), GetRepositoryByRegistryPathQuery.ContainerRepository?>>();
        await foreach (var item in session.Client.GetRepositoriesByRegistryPathAsync(paths, new BatchOptions { MaxConcurrency = 6 }))
        {
            items.Add(item);
        }

        Assert.Equal(Enumerable.Range(0, paths.Length), items.Select(i => i.Index).Order());
        var failures = items.Where(i => !i.Succeeded).ToList();
        Assert.Equal(paths.Count(p => p.Repository.Length % 3 == 0), failures.Count);
        Assert.All(failures, f =>
            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, Assert.IsType<PyxisTransportException>(f.Exception).StatusCode)
        );
        foreach (var success in items.Where(i => i.Succeeded && i.Input.Repository != "no/such"))
        {
            Assert.Equal(success.Input.Repository, success.Value!.Repository);
        }

        Assert.Null(items.Single(i => i.Input.Repository == "no/such").Value);
    }

    [Fact]
    public async Task No_more_than_MaxConcurrency_requests_are_ever_in_flight()
    {
        var crowd = new Crowd(2); // at least two at once, however slowly a loaded machine sends them
        await using var session = await EmulatorSession.StartAsync(
            new EmulatorOptions { Latency = TimeSpan.FromMilliseconds(60), AnswerWhen = (_, ct) => crowd.WaitAsync(ct) }
        );

        var count = 0;
        await foreach (
            var item in session.Client.GetRepositoriesByRegistryPathAsync(session.Paths(15), new BatchOptions { MaxConcurrency = 3 })
        )
        {
            Assert.True(item.Succeeded);
            count++;
        }

        Assert.Equal(15, count);
        Assert.Equal(15, session.Emulator.Stats.Requests);
        Assert.InRange(session.Emulator.Stats.MaxInFlight, 2, 3);
    }

    [Fact]
    public async Task Cancellation_ends_the_stream_promptly()
    {
        await using var session = await EmulatorSession.StartAsync(new EmulatorOptions { Latency = Hang.ServerDelay }, Hang.ServerDelay);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in session.Client.GetRepositoriesByRegistryPathAsync(session.Paths(10), cancellationToken: cancel.Token))
            { }
        });

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, Hang.Limit);
    }

    [Fact]
    public async Task Leaving_the_loop_early_cancels_the_remaining_lookups()
    {
        await using var session = await EmulatorSession.StartAsync(
            new EmulatorOptions { LatencyFor = r => r.Number == 1 ? TimeSpan.Zero : Hang.ServerDelay },
            Hang.ServerDelay
        );
        var clock = Stopwatch.StartNew();

        await foreach (
            var item in session.Client.GetRepositoriesByRegistryPathAsync(session.Paths(20), new BatchOptions { MaxConcurrency = 2 })
        )
        {
            Assert.True(item.Succeeded);
            break;
        }

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, Hang.Limit);
        Assert.InRange(session.Emulator.Stats.Requests, 1, 3);
    }

    [Fact]
    public async Task The_input_order_variant_yields_in_input_order_while_running_concurrently()
    {
        // Input 0 finishes only after all five have started, so a sequential runner would never finish it.
        var started = 0;
        var allStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<int> Operation(int i, CancellationToken ct)
        {
            if (Interlocked.Increment(ref started) == 5)
            {
                allStarted.TrySetResult();
            }

            if (i == 0)
            {
                await allStarted.Task.WaitAsync(Hang.Limit, ct);
            }

            return i * 10;
        }

        var items = new List<BatchItem<int, int>>();
        await foreach (var item in PyxisBatch.InInputOrder(Enumerable.Range(0, 5), Operation))
        {
            items.Add(item);
        }

        Assert.All(items, i => Assert.Null(i.Exception));
        Assert.Equal([0, 10, 20, 30, 40], items.Select(i => i.Value));
    }

    [Fact]
    public async Task Operation_exceptions_become_items_and_never_escape_the_stream()
    {
        var items = new List<BatchItem<int, int>>();
        await foreach (
            var item in PyxisBatch.InCompletionOrder(Enumerable.Range(0, 6), (i, _) =>
                i % 2 == 0 ? Task.FromResult(i) : throw new InvalidOperationException($"odd {i}")
            )
        )
        {
            items.Add(item);
        }

        Assert.Equal(6, items.Count);
        Assert.All(items.Where(i => i.Index % 2 == 1), i =>
            Assert.Equal($"odd {i.Index}", Assert.IsType<InvalidOperationException>(i.Exception).Message)
        );
        var thrown = Assert.Throws<InvalidOperationException>(() => items.First(i => !i.Succeeded).GetValueOrThrow());
        Assert.Same(items.First(i => !i.Succeeded).Exception, thrown); // the original, with its own stack
        Assert.Contains(nameof(Operation_exceptions_become_items_and_never_escape_the_stream), thrown.StackTrace, StringComparison.Ordinal);
    }
}
