using Microsoft.Extensions.Time.Testing;

namespace Pyxis.Client.Tests;

/// <summary>
/// A fake clock that tells the test when the code under test starts a wait on it, so the test moves time on only once
/// that wait exists. Moving a fake clock before the wait is created would leave the wait to start later and end later,
/// which on a loaded machine is the difference between a green and a red run.
/// </summary>
internal sealed class WatchedClock : FakeTimeProvider
{
    private readonly List<TimeSpan> started = [];
    private readonly List<(Func<TimeSpan, bool> Match, TaskCompletionSource<TimeSpan> Seen)> watches = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (watches)
        {
            started.Add(dueTime);
            foreach (var watch in watches.Where(w => w.Match(dueTime)).ToList())
            {
                watches.Remove(watch);
                watch.Seen.TrySetResult(dueTime);
            }
        }

        return timer;
    }

    /// <summary>The lengths of every wait started so far.</summary>
    public IReadOnlyList<TimeSpan> Started
    {
        get
        {
            lock (watches)
            {
                return [.. started];
            }
        }
    }

    /// <summary>The length of the first wait, started before or after this call, that <paramref name="match"/> accepts.</summary>
    public Task<TimeSpan> WaitStartedAsync(Func<TimeSpan, bool> match)
    {
        lock (watches)
        {
            var earlier = started.FindIndex(d => match(d));
            if (earlier >= 0)
            {
                return Task.FromResult(started[earlier]);
            }

            var seen = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
            watches.Add((match, seen));
            return seen.Task.WaitAsync(Hang.Limit);
        }
    }
}
