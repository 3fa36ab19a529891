namespace Pyxis.Emulator.Http;

/// <summary>
/// Lets at most one execution per core run at a time, the request due soonest first. Executions run inside each
/// request's latency window; when a wide fan-out arrives at once, the answer due in 20 ms must not wait behind
/// twenty executions of answers due in 200 ms on a machine the client shares.
/// </summary>
internal sealed class ExecutionQueue(int slots)
{
    private readonly Lock gate = new();
    private readonly PriorityQueue<TaskCompletionSource, long> waiting = new();
    private int free = slots;

    /// <summary>
    /// Runs <paramref name="work"/> once a slot is free; <paramref name="due"/> is a <see cref="System.Diagnostics.Stopwatch"/> timestamp.
    /// </summary>
    public async Task<T> RunAsync<T>(long due, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        await EnterAsync(due, cancellationToken);
        try
        {
            return await work();
        }
        finally
        {
            Leave();
        }
    }

    private async Task EnterAsync(long due, CancellationToken cancellationToken)
    {
        TaskCompletionSource turn;
        lock (gate)
        {
            if (free > 0)
            {
                free--;
                return;
            }

            turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiting.Enqueue(turn, due);
        }

        // A cancelled waiter stays queued but can no longer accept the slot, so Leave passes it on.
        using var registration = cancellationToken.Register(static t => ((TaskCompletionSource)t!).TrySetCanceled(), turn);
        await turn.Task;
    }

    private void Leave()
    {
        lock (gate)
        {
            while (waiting.TryDequeue(out var next, out _))
            {
                if (next.TrySetResult())
                {
                    return;
                }
            }

            free++;
        }
    }
}
