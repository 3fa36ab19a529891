using System.Runtime.ExceptionServices;
using Pyxis.Client.Telemetry;

namespace Pyxis.Client.Coalescing;

/// <summary>
/// Identical queries in flight together share one request (same document, same variables bytes, same reader), so a
/// fan-out that repeats lookups asks Pyxis once per distinct lookup even without the result cache. The shared request
/// does not run on any caller's token: a caller who cancels stops only its own wait, and the request is cancelled when
/// the last caller waiting for it has left. Each caller gets its own copy of a failure.
/// </summary>
internal sealed class InFlightQueries
{
    // A lone request costs an entry (a struct) and nothing else; a Flight is made once a second caller joins.
    private readonly Dictionary<PyxisRequest, Entry> flights = new(SameQuery.Instance);

    /// <summary>
    /// The answer to <paramref name="request"/>, from the identical request in flight or from <paramref name="send"/>,
    /// which must call <see cref="Retire"/> with its request when that ends.
    /// </summary>
    public Task<TData> JoinOrSendAsync<TState, TData>(
        PyxisRequest<TData> request,
        TState state,
        Func<TState, PyxisRequest<TData>, CancellationToken, Task<TData>> send,
        CancellationToken cancellationToken
    )
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<TData>(cancellationToken);
        }

        var flight = Join(request, cancellationToken, out var leads);
        if (!leads)
        {
            return FollowAsync(flight!, request, cancellationToken);
        }

        var answer = send(state, request, flight?.Stop?.Token ?? CancellationToken.None);
        Started(request, answer);

        // A leader that cannot cancel never leaves, so it awaits the request itself: nothing more to allocate per call.
        return flight is null ? answer : WaitAsync(flight, answer, leads: true, cancellationToken);
    }

    /// <summary>The request of <paramref name="leader"/> has ended (called from its last step): later identical calls send their own.</summary>
    public void Retire(PyxisRequest leader)
    {
        lock (flights)
        {
            if (flights.TryGetValue(leader, out var entry) && ReferenceEquals(entry.Leader, leader))
            {
                if (entry.Answer is null)
                {
                    flights[leader] = entry with { Ended = true }; // the leader removes it once it has told any follower
                }
                else
                {
                    flights.Remove(leader);
                }
            }
        }
    }

    private Flight? Join(PyxisRequest request, CancellationToken cancellationToken, out bool leads)
    {
        lock (flights)
        {
            if (flights.TryGetValue(request, out var entry))
            {
                // The leader counts as a waiter too; one whose token cannot be cancelled never leaves.
                var shared = entry.Shared ?? new Flight(entry.Leader, null) { Waiters = 1, Answer = entry.Answer };
                shared.Waiters++;
                flights[request] = entry with { Shared = shared };
                leads = false;
                return shared;
            }

            var flight = cancellationToken.CanBeCanceled ? new Flight(request, new CancellationTokenSource()) { Waiters = 1 } : null;
            flights.Add(request, new Entry(request, null, flight, Ended: false));
            leads = true;
            return flight;
        }
    }

    private void Started(PyxisRequest leader, Task answer)
    {
        lock (flights)
        {
            if (!flights.TryGetValue(leader, out var entry) || !ReferenceEquals(entry.Leader, leader))
            {
                return;
            }

            entry.Shared?.Started(answer);
            if (entry.Ended)
            {
                flights.Remove(leader);
            }
            else
            {
                flights[leader] = entry with { Answer = answer };
            }
        }
    }

    private async Task<TData> FollowAsync<TData>(Flight flight, PyxisRequest<TData> request, CancellationToken cancellationToken)
    {
        PyxisTelemetry.Coalesced.Add(1, PyxisTelemetry.Operation(request.OperationName), PyxisTelemetry.TypeOf(request));
        using var span = PyxisTelemetry.Source.HasListeners()
            ? PyxisTelemetry.Source.StartActivity("pyxis " + request.OperationName + " (coalesced)")
            : null;
        if (span is not null)
        {
            PyxisTelemetry.Describe(span, request);
            span.SetTag("pyxis.coalesced", true); // waits for the identical request in flight instead of sending one
        }

        var answer = (Task<TData>)await flight.WhenStarted().ConfigureAwait(false);
        return await WaitAsync(flight, answer, leads: false, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TData> WaitAsync<TData>(Flight flight, Task<TData> answer, bool leads, CancellationToken cancellationToken)
    {
        await ((Task)answer).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!answer.IsCompleted)
        {
            Leave(flight, answer);
            cancellationToken.ThrowIfCancellationRequested();
        }

        if (answer.IsCompletedSuccessfully)
        {
            return answer.Result;
        }

        var error = answer.Exception?.InnerException ?? new OperationCanceledException(cancellationToken);
        if (!leads && error is PyxisException pyxis)
        {
            throw pyxis.CopyForAnotherCaller(); // awaiting one exception object from many callers would mix their stack traces
        }

        ExceptionDispatchInfo.Throw(error); // the leader's own, with its stack trace
        throw error; // not reached
    }

    private void Leave(Flight flight, Task answer)
    {
        lock (flights)
        {
            if (--flight.Waiters > 0)
            {
                return;
            }

            if (flights.TryGetValue(flight.Leader, out var entry) && ReferenceEquals(entry.Shared, flight))
            {
                flights.Remove(flight.Leader);
            }
        }

        flight.Stop?.Cancel();
        _ = answer.ContinueWith(
            static t => _ = t.Exception, // nobody waits any more: observed here, so it is not reported as unobserved
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default
        );
    }

    private readonly record struct Entry(PyxisRequest Leader, Task? Answer, Flight? Shared, bool Ended);

    /// <summary>One shared request and the callers waiting for it.</summary>
    private sealed class Flight(PyxisRequest leader, CancellationTokenSource? stop)
    {
        private readonly object gate = new();
        private TaskCompletionSource<Task>? started;

        public PyxisRequest Leader { get; } = leader;

        public CancellationTokenSource? Stop { get; } = stop;

        public int Waiters { get; set; }

        /// <summary>The shared request, once the leader has started it (followers may arrive a moment before).</summary>
        public Task? Answer { get; set; }

        public void Started(Task answer)
        {
            lock (gate)
            {
                Answer = answer;
                started?.SetResult(answer);
            }
        }

        // Only a follower that arrives before the request has started pays for this wait.
        public Task<Task> WhenStarted()
        {
            lock (gate)
            {
                if (Answer is { } answer)
                {
                    return Task.FromResult(answer);
                }

                started ??= new TaskCompletionSource<Task>(TaskCreationOptions.RunContinuationsAsynchronously);
                return started.Task;
            }
        }
    }

    private sealed class SameQuery : IEqualityComparer<PyxisRequest>
    {
        public static readonly SameQuery Instance = new();

        public bool Equals(PyxisRequest? x, PyxisRequest? y) =>
            ReferenceEquals(x, y)
            || (
                x is not null
                && y is not null
                && string.Equals(x.Document, y.Document, StringComparison.Ordinal)
                && x.Variables.Span.SequenceEqual(y.Variables.Span)
                && x.ReadsLike(y)
            );

        // Every call hashes its request up to six times (join, start, retire), and a document runs to hundreds of
        // characters: hashing it whole was about a sixth of a call's time (0.8 of 5.0 µs). Its length, its operation
        // name and the variables bytes tell lookups apart; Equals still compares whole documents, so a collision costs a
        // comparison, never a wrong answer.
        public int GetHashCode(PyxisRequest obj)
        {
            var hash = new HashCode();
            hash.Add(obj.Document.Length);
            hash.Add(obj.OperationName, StringComparer.Ordinal);
            hash.AddBytes(obj.Variables.Span);
            return hash.ToHashCode();
        }
    }
}
