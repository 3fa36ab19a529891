using Pyxis.Emulator.Http;

namespace Pyxis.Client.Tests;

/// <summary>The emulator's execution queue: the answer due soonest runs first, and a cancelled waiter frees its turn.</summary>
public sealed class ExecutionQueueTests
{
    private static readonly TimeSpan Limit = Hang.Limit;

    [Fact]
    public async Task Waiting_executions_run_earliest_due_first()
    {
        var queue = new ExecutionQueue(slots: 1);
        var busy = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = queue.RunAsync(0, () => busy.Task, CancellationToken.None);
        var ran = new List<long>();
        var waiters = new[] { 300L, 100L, 200L }
            .Select(due =>
                queue.RunAsync(
                    due,
                    () =>
                    {
                        lock (ran)
                        {
                            ran.Add(due);
                        }
                        return Task.FromResult(0);
                    },
                    CancellationToken.None
                )
            )
            .ToList();

        busy.SetResult(0);
        await Task.WhenAll(waiters.Append(holder)).WaitAsync(Limit);

        Assert.Equal([100L, 200L, 300L], ran);
    }

    [Fact]
    public async Task A_cancelled_waiter_gives_its_turn_to_the_next()
    {
        var queue = new ExecutionQueue(slots: 1);
        var busy = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = queue.RunAsync(0, () => busy.Task, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var cancelled = queue.RunAsync(1, () => Task.FromResult(1), cancel.Token);
        var next = queue.RunAsync(2, () => Task.FromResult(2), CancellationToken.None);

        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Limit));
        busy.SetResult(0);

        Assert.Equal(2, await next.WaitAsync(Limit));
        Assert.Equal(3, await queue.RunAsync(3, () => Task.FromResult(3), CancellationToken.None).WaitAsync(Limit));
        await holder;
    }
}
