using Microsoft.Extensions.Time.Testing;

namespace Pyxis.Client.Tests;

/// <summary>
/// A fake clock that tells the test when the code under test starts a wait on it, so the test moves time on only once
/// that wait exists. Moving a fake clock before the wait is created would leave the wait to start later and end later,
/// which on a loaded machine is the difference between a green and a red run.
/// </summary>
internal sealed class WatchedClock : FakeTimeProvider
{
    /// <summary>An attempt timeout so far out that no test reaches it: any other wait started is a retry wait.</summary>
    public static readonly TimeSpan FarAttempt = TimeSpan.FromDays(1);

    /// <summary>A total timeout so far out that no test reaches it.</summary>
    public static readonly TimeSpan FarTotal = TimeSpan.FromDays(2);

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

    /// <summary>Whether a wait of <paramref name="due"/> is one of the call's own timeouts (<see cref="FarAttempt"/>, <see cref="FarTotal"/>).</summary>
    public static bool IsCallTimeout(TimeSpan due) => due == FarAttempt || due == FarTotal;

    /// <summary>The length of the first wait that is not a call timeout: a retry wait, on a client given the far timeouts.</summary>
    public Task<TimeSpan> RetryWaitStartedAsync() => WaitStartedAsync(due => !IsCallTimeout(due));

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
