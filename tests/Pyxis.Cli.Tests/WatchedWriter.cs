namespace Pyxis.Cli.Tests;

/// <summary>A console's recording that tells the test when <c>awaited</c> has been written, so a server can wait for it.</summary>
internal sealed class WatchedWriter(string awaited) : StringWriter
{
    private readonly TaskCompletionSource written = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the recording holds the awaited text.</summary>
    public Task Written => written.Task;

    public override void Write(char value)
    {
        base.Write(value);
        Check();
    }

    public override void Write(string? value)
    {
        base.Write(value);
        Check();
    }

    public override void Write(char[] buffer, int index, int count)
    {
        base.Write(buffer, index, count);
        Check();
    }

    private void Check()
    {
        if (!written.Task.IsCompleted && GetStringBuilder().ToString().Contains(awaited, StringComparison.Ordinal))
        {
            written.TrySetResult();
        }
    }
}
