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
    private readonly Dictionary<PyxisRequest, Flight> flights = new(SameQuery.Instance);

    /// <summary>
    /// The answer to <paramref name="request"/>, from the identical request in flight or from <paramref name="send"/>, which
    /// must call <see cref="Flight.Retire"/> when its request ends.
    /// </summary>
    public Task<TData> JoinOrSendAsync<TState, TData>(
        PyxisRequest<TData> request,
        TState state,
        Func<TState, PyxisRequest<TData>, Flight, CancellationToken, Task<TData>> send,
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
            return FollowAsync(flight, request, cancellationToken);
        }

        var answer = send(state, request, flight, flight.Stop?.Token ?? CancellationToken.None);
        flight.Started(answer);

        // A leader that cannot cancel never leaves, so it awaits the request itself: nothing more to allocate per call.
        return cancellationToken.CanBeCanceled ? WaitAsync(flight, answer, leads: true, cancellationToken) : answer;
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

        var answer = (Task<TData>)(flight.Answer ?? await flight.WhenStarted().ConfigureAwait(false));
        try
        {
            return await WaitAsync(flight, answer, leads: false, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            (request.TraceId, request.HttpStatus) = (flight.Leader.TraceId, flight.Leader.HttpStatus);
        }
    }

    private async Task<TData> WaitAsync<TData>(Flight flight, Task<TData> answer, bool leads, CancellationToken cancellationToken)
    {
        await ((Task)answer).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!answer.IsCompleted)
        {
            Leave(flight);
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

    private Flight Join(PyxisRequest request, CancellationToken cancellationToken, out bool leads)
    {
        lock (flights)
        {
            if (flights.TryGetValue(request, out var found))
            {
                found.Waiters++;
                leads = false;
                return found;
            }

            // A leader whose token cannot be cancelled never leaves, so its request never needs stopping.
            var flight = new Flight(this, request, cancellationToken.CanBeCanceled ? new CancellationTokenSource() : null);
            flights.Add(request, flight);
            leads = true;
            return flight;
        }
    }

    private void Retire(Flight flight)
    {
        lock (flights)
        {
            if (flights.TryGetValue(flight.Leader, out var current) && ReferenceEquals(current, flight))
            {
                flights.Remove(flight.Leader);
            }
        }
    }

    private void Leave(Flight flight)
    {
        lock (flights)
        {
            if (--flight.Waiters > 0)
            {
                return;
            }

            Retire(flight);
        }

        flight.Stop?.Cancel();
        _ = flight.Answer!.ContinueWith(
            static t => _ = t.Exception, // nobody waits any more: observed here, so it is not reported as unobserved
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default
        );
    }

    /// <summary>One shared request and the callers waiting for it.</summary>
    internal sealed class Flight(InFlightQueries owner, PyxisRequest leader, CancellationTokenSource? stop)
    {
        private TaskCompletionSource<Task>? started;

        public PyxisRequest Leader { get; } = leader;

        public CancellationTokenSource? Stop { get; } = stop;

        public int Waiters { get; set; } = 1;

        /// <summary>The shared request, once the leader has started it (followers may arrive a moment before).</summary>
        public Task? Answer { get; private set; }

        /// <summary>The request has ended (called from its last step): later identical calls send their own.</summary>
        public void Retire() => owner.Retire(this);

        public void Started(Task answer)
        {
            lock (owner.flights)
            {
                Answer = answer;
                started?.SetResult(answer);
            }
        }

        // Only a follower that arrives before the request has started pays for this wait.
        public Task<Task> WhenStarted()
        {
            lock (owner.flights)
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

        public int GetHashCode(PyxisRequest obj)
        {
            var hash = new HashCode();
            hash.Add(obj.Document, StringComparer.Ordinal);
            hash.AddBytes(obj.Variables.Span);
            return hash.ToHashCode();
        }
    }
}
