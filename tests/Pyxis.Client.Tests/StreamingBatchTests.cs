using Pyxis.Client.Batching;
using Pyxis.Client.Transport;
using Pyxis.Emulator;

namespace Pyxis.Client.Tests;

/// <summary>Batches at any N: inputs read lazily, memory bounded by MaxConcurrency, input failures and cancellation handled.</summary>
public sealed class StreamingBatchTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Inputs_are_read_only_as_room_frees_up_and_at_most_MaxConcurrency_run(bool completionOrder)
    {
        const int max = 4;
        int pulled = 0,
            consumed = 0,
            running = 0,
            mostRunning = 0,
            mostAhead = 0;
        IEnumerable<int> Inputs()
        {
            for (var i = 0; i < 50_000; i++)
            {
                Interlocked.Increment(ref pulled);
                yield return i;
            }
        }

        async Task<int> Operation(int input, CancellationToken ct)
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref mostRunning, now);
            await Task.Yield();
            Interlocked.Decrement(ref running);
            return input * 2;
        }

        var options = new BatchOptions { MaxConcurrency = max };
        var items = completionOrder
            ? PyxisBatch.InCompletionOrder(Inputs(), Operation, options)
            : PyxisBatch.InInputOrder(Inputs(), Operation, options);
        long sum = 0;
        await foreach (var item in items)
        {
            consumed++;
            InterlockedMax(ref mostAhead, Volatile.Read(ref pulled) - consumed);
            sum += item.GetValueOrThrow();
        }

        Assert.Equal(50_000, consumed);
        Assert.Equal(2L * Enumerable.Range(0, 50_000).Sum(i => (long)i), sum);
        Assert.InRange(mostRunning, 1, max);
        Assert.InRange(mostAhead, 1, (2 * max) + 1);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_input_sequence_that_throws_ends_the_stream_after_the_work_in_flight_stopped(bool completionOrder)
    {
        var running = 0;
        async IAsyncEnumerable<int> Inputs()
        {
            for (var i = 0; i < 20; i++)
            {
                await Task.Yield();
                yield return i;
            }

            throw new InvalidOperationException("the input broke");
        }

        async Task<int> Operation(int input, CancellationToken ct)
        {
            Interlocked.Increment(ref running);
            try
            {
                await Task.Delay(input % 3 == 0 ? Hang.ServerDelay : TimeSpan.FromMilliseconds(1), ct);
                return input;
            }
            finally
            {
                Interlocked.Decrement(ref running);
            }
        }

        // Room for every input: in input order the stream reaches the broken input while filling its window.
        var options = new BatchOptions { MaxConcurrency = 16 };
        var items = completionOrder
            ? PyxisBatch.InCompletionOrder(Inputs(), Operation, options)
            : PyxisBatch.InInputOrder(Inputs(), Operation, options);
        var seen = new List<int>();

        var error = await Assert
            .ThrowsAsync<InvalidOperationException>(async () =>
            {
                await foreach (var item in items)
                {
                    seen.Add(item.GetValueOrThrow());
                }
            })
            .WaitAsync(Hang.Limit); // long before the slow operations would end by themselves

        Assert.Equal("the input broke", error.Message);
        Assert.Equal(0, Volatile.Read(ref running));
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task The_items_of_one_paged_stream_feed_an_alias_batch_directly()
    {
        await using var session = await EmulatorSession.StartAsync();
        var builds = session.Client.FindImagesAllAsync(pageSize: 20).Take(30).Select(image => image!.Brew!.Build!);

        var items = await session
            .Client.ExecuteAliasedAsync(
                FindImagesByNvrQuery.Aliased,
                builds,
                nvr => FindImagesByNvrQuery.CreateRequest(nvr, includeRpms: false),
                new BatchOptions { AliasesPerRequest = 10, MaxConcurrency = 2 }
            )
            .ToListAsync();

        Assert.Equal(30, items.Count);
        Assert.All(items, i => Assert.Equal(i.Input, Assert.Single(i.Value!.Data!)!.Brew!.Build));
    }

    [Fact]
    public async Task A_lookup_waiting_out_a_server_timeout_lends_its_slot_to_the_others()
    {
        string? slow = null;
        var slowCalls = 0;
        await using var session = await EmulatorSession.StartAsync(
            new EmulatorOptions
            {
                FieldFaultFor = call =>
                    call.Argument("repository") == slow && Interlocked.Increment(ref slowCalls) == 1
                        ? new EmulatorFault.PyxisError(500, "unable to fetch data from MongoDB in time")
                        : null,
            }
        );
        // The server-timeout wait runs on a fake clock that moves only once the other five are in: no deadline to trip.
        var clock = new WatchedClock();
        using var client = new PyxisClient(
            new PyxisClientOptions
            {
                Endpoint = session.Emulator.Endpoint,
                Retry = { ServerTimeoutDelay = TimeSpan.FromSeconds(30) },
                TimeProvider = clock,
                Timeouts = { Total = Timeout.InfiniteTimeSpan, Attempt = Timeout.InfiniteTimeSpan },
            }
        );
        var paths = session.Paths(6);
        slow = paths[0].Repository;

        var order = new List<int>();
        using var hang = new CancellationTokenSource(Hang.Limit); // a slot not lent would leave the other five waiting
        var items = client.GetRepositoriesByRegistryPathAsync(paths, new BatchOptions { MaxConcurrency = 1 }, hang.Token);
        await foreach (var item in items)
        {
            order.Add(item.Index);
            if (order.Count == paths.Length - 1)
            {
                clock.Advance(await clock.WaitStartedAsync(due => due == TimeSpan.FromSeconds(30)));
            }
        }

        Assert.Equal([1, 2, 3, 4, 5, 0], order);
        Assert.Equal(1, session.Emulator.Stats.MaxInFlight);
    }

    [Fact]
    public async Task With_the_cache_on_leaving_a_batch_starts_no_further_request()
    {
        await using var emulator = await PyxisEmulator.StartAsync(
            new EmulatorOptions { Latency = TimeSpan.FromMilliseconds(40), Repositories = 400 }
        );
        var options = new PyxisClientOptions { Endpoint = emulator.Endpoint, Cache = { Duration = TimeSpan.FromMinutes(5) } };
        var sent = new SendCounter(ClientHandlerFactory.Create(options));
        using var http = new HttpClient(sent);
        using var client = new PyxisClient(http, options);
        var paths = emulator.Catalog.RepositoryPaths(400).ToList();

        var taken = 0;
        await foreach (var item in client.GetRepositoriesByRegistryPathAsync(paths, new BatchOptions { MaxConcurrency = 16 }))
        {
            if (++taken == 5)
            {
                break;
            }
        }

        var atExit = sent.Count;
        await Task.Delay(400);

        Assert.Equal(atExit, sent.Count);
        Assert.InRange(emulator.Stats.MaxInFlight, 1, 16);
        Assert.InRange(atExit, 5, 5 + (3 * 16));
    }

    private sealed class SendCounter(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        // A request whose token is already cancelled never reaches the network; only the others count as started.
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                Interlocked.Increment(ref count);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }
}
