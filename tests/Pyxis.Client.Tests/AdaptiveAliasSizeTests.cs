using Pyxis.Client.Batching;
using Pyxis.Emulator;
using Xunit.Abstractions;

namespace Pyxis.Client.Tests;

/// <summary>
/// Adaptive alias-chunk sizes with the client's retries on: a chunk answered with a server timeout, a 5xx or a complexity
/// error is split and asked again smaller at once (no retry, no wait at the size that failed), every lookup is answered once,
/// and a chunk at the smallest size keeps its retries.
/// </summary>
public sealed class AdaptiveAliasSizeTests(ITestOutputHelper output)
{
    public static TheoryData<string> TooBigAnswers => ["server timeout", "503", "complexity error"];

    [Theory]
    [MemberData(nameof(TooBigAnswers))]
    public async Task A_chunk_answered_as_too_big_is_split_at_once_with_no_retry_wait_at_its_size(string answer)
    {
        await using var emulator = await PyxisEmulator.StartAsync(Limited(answer));
        var clock = new WatchedClock();
        using var client = Client(emulator, clock);
        var paths = emulator.Catalog.RepositoryPaths(1000).ToArray();

        // On the fake clock a retry wait never ends: a batch that waited one out would never finish.
        var batch = AdaptiveSizingTests.RunAsync(client, paths, new BatchOptions { AliasesPerRequest = 25, MaxConcurrency = 4 });
        var retryWait = clock.RetryWaitStartedAsync();
        Assert.True(batch == await Task.WhenAny(batch, retryWait), "a retry wait was started before the batch ended");

        output.WriteLine($"{answer}: 1000 lookups in {emulator.Stats.Requests} requests (ideal 100)");
        Assert.Equal((1000, 0), await batch);
        Assert.All(clock.Started, due => Assert.True(WatchedClock.IsCallTimeout(due), $"a {due} wait was started"));
        // A bare 503 may be a blip, so it is believed only when a request sized after it fails too: about one more failed
        // request per slot than a server timeout or a complexity error, which say the request was too big (113–116 quiet,
        // up to 124 on a loaded CI machine, where the order of the first failures varies).
        Assert.InRange(emulator.Stats.Requests, 100, answer == "503" ? 130 : 120);
    }

    [Fact]
    public async Task A_chunk_at_the_smallest_size_keeps_its_retries()
    {
        // Only the first request fails: at MinAliasesPerRequest the chunk cannot shrink, so it is retried at its size.
        var requests = 0;
        await using var emulator = await PyxisEmulator.StartAsync(
            new EmulatorOptions { FaultFor = _ => Interlocked.Increment(ref requests) == 1 ? new EmulatorFault.HttpStatus(503) : null }
        );
        var clock = new WatchedClock();
        using var client = Client(emulator, clock);
        var paths = emulator.Catalog.RepositoryPaths(10).ToArray();

        var options = new BatchOptions
        {
            AliasesPerRequest = 5,
            MinAliasesPerRequest = 5,
            MaxConcurrency = 1,
        };
        var batch = AdaptiveSizingTests.RunAsync(client, paths, options);
        var wait = await clock.RetryWaitStartedAsync();
        clock.Advance(wait);

        Assert.Equal((10, 0), await batch.WaitAsync(Hang.Limit));
        Assert.Equal(3, emulator.Stats.Requests); // the first chunk twice at its size, then the second
    }

    // Two variables per alias, so over 20 variables is over ten aliases.
    private static EmulatorOptions Limited(string answer) =>
        new()
        {
            TimeOutOverAliases = answer == "server timeout" ? 10 : null,
            FaultFor = r =>
                (r.Variables.Count > 20, answer) switch
                {
                    (true, "complexity error") => new EmulatorFault.GraphQLError("the query is too complex: ask for fewer aliases"),
                    (true, "503") => new EmulatorFault.HttpStatus(503),
                    _ => null,
                },
            Repositories = 1000,
            ImagesPerRepository = 1,
        };

    // The default retries, on a fake clock that nobody moves: any retry at a too-big size would hang the batch.
    private static PyxisClient Client(PyxisEmulator emulator, WatchedClock clock) =>
        new(
            new PyxisClientOptions
            {
                Endpoint = emulator.Endpoint,
                TimeProvider = clock,
                Timeouts = { Attempt = WatchedClock.FarAttempt, Total = WatchedClock.FarTotal },
            }
        );
}
