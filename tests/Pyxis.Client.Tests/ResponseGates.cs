using System.Collections.Concurrent;

namespace Pyxis.Client.Tests;

/// <summary>
/// Holds emulator responses until the test releases them, so ordering tests depend on events, not on
/// wall-clock gaps that a loaded CI machine can close. A gate opens by itself after <see cref="Hang.Limit"/>
/// so that a broken stream makes its test fail rather than hang.
/// </summary>
internal sealed class ResponseGates
{
    private static readonly TimeSpan Limit = Hang.Limit;
    private readonly ConcurrentDictionary<string, TaskCompletionSource> gates = new();

    public async Task WaitAsync(string? key, CancellationToken cancellationToken)
    {
        if (key is null)
        {
            return;
        }

        try
        {
            await Gate(key).Task.WaitAsync(Limit, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Answer anyway: the assertion on order reports the problem.
        }
    }

    public void Release(string key) => Gate(key).TrySetResult();

    private TaskCompletionSource Gate(string key) =>
        gates.GetOrAdd(key, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
