namespace Pyxis.Client.Tests;

/// <summary>
/// Holds answers until <paramref name="atOnce"/> requests wait at the server together, then lets them and every later one
/// go: on a busy machine a slow sender could otherwise keep the server from ever seeing the concurrency a test expects
/// (answers leaving before the next request arrives). Use as <c>EmulatorOptions.AnswerWhen</c>.
/// </summary>
internal sealed class Crowd(int atOnce)
{
    private readonly TaskCompletionSource gathered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int waiting;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref waiting) >= atOnce)
        {
            gathered.TrySetResult();
        }

        try
        {
            await gathered.Task.WaitAsync(Hang.Limit, cancellationToken);
        }
        catch (TimeoutException)
        {
            gathered.TrySetResult(); // never that many at once: answer, and the in-flight assertion says so
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
        }
    }
}
