using System.Collections.Concurrent;
using Pyxis.Emulator;
using Xunit.Abstractions;

namespace Pyxis.Client.Tests;

/// <summary>
/// Adaptive page sizes against an emulator that cannot answer pages over 50 items: a page answered as too big is asked
/// again smaller at once (no retry, no wait at the size that failed), every item comes once and in order, and the
/// size climbs back when Pyxis recovers.
/// </summary>
public sealed class AdaptivePageSizeTests(ITestOutputHelper output)
{
    public static TheoryData<string> TooBigAnswers => ["server timeout", "503", "complexity error"];

    [Theory]
    [MemberData(nameof(TooBigAnswers))]
    public async Task A_page_answered_as_too_big_is_asked_smaller_at_once_with_no_retry_wait_at_its_size(string answer)
    {
        var sizes = new ConcurrentQueue<int>();
        await using var emulator = await PyxisEmulator.StartAsync(Limited(answer, sizes));
        var clock = new WatchedClock();
        using var client = Client(emulator, clock);
        var expected = emulator.Catalog.Images.Ids().ToList();

        // On the fake clock a retry wait never ends: a stream that waited one out would never finish.
        var stream = client.FindImagesAllAsync(pageSize: 200).ToListAsync();
        var retryWait = clock.RetryWaitStartedAsync();
        Assert.True(stream == await Task.WhenAny(stream, retryWait), "a retry wait was started before the stream ended");

        var asked = sizes.ToArray();
        output.WriteLine(
            $"{answer}: {asked.Length} requests, page sizes {string.Join(" ", asked)}; waits {string.Join(" ", clock.Started)}"
        );
        Assert.Equal(expected, (await stream).Select(i => i!.Id)); // every image once, in order
        Assert.All(clock.Started, due => Assert.True(WatchedClock.IsCallTimeout(due), $"a {due} wait was started"));
        Assert.Equal([200, 100], asked.Where(s => s > 50)); // each too-big size asked once, the first page only
        Assert.Equal(20, asked.Count(s => s == 50)); // then the 1000 images in pages of 50: 22 requests, ideal 20
    }

    [Fact]
    public async Task Without_a_total_pages_read_in_turn_shrink_at_once_too()
    {
        var sizes = new ConcurrentQueue<int>();
        await using var emulator = await PyxisEmulator.StartAsync(Limited("server timeout", sizes));
        var clock = new WatchedClock();
        using var client = Client(emulator, clock);

        var stream = client.FindImagesWithoutTotalAllAsync(pageSize: 200).ToListAsync();
        var retryWait = clock.RetryWaitStartedAsync();
        Assert.True(stream == await Task.WhenAny(stream, retryWait), "a retry wait was started before the stream ended");

        Assert.Equal(emulator.Catalog.Images.Ids(), (await stream).Select(i => i!.Id));
        Assert.Equal([200, 100], sizes.Where(s => s > 50));
        Assert.Equal(21, sizes.Count(s => s == 50)); // 20 full pages and the empty one that ends the stream
    }

    [Fact]
    public async Task A_page_at_the_smallest_size_keeps_its_retries()
    {
        // Only the first request times out: at MinPageSize the page cannot shrink, so it is retried as before.
        var requests = 0;
        await using var emulator = await PyxisEmulator.StartAsync(
            new EmulatorOptions
            {
                FieldFaultFor = _ =>
                    Interlocked.Increment(ref requests) == 1
                        ? new EmulatorFault.PyxisError(500, "unable to fetch data from MongoDB in time")
                        : null,
                Repositories = 100,
                ImagesPerRepository = 1,
            }
        );
        var clock = new WatchedClock();
        using var client = Client(emulator, clock);

        var stream = client.FindImagesAllAsync(pageSize: 50, paging: new PyxisPaging { MinPageSize = 50 }).ToListAsync();
        var wait = await clock.RetryWaitStartedAsync();
        Assert.Equal(TimeSpan.FromHours(1), wait); // ServerTimeoutDelay, at the same size
        clock.Advance(wait);

        Assert.Equal(100, (await stream.WaitAsync(Hang.Limit)).Count);
        Assert.Equal(3, emulator.Stats.Requests); // page 0 twice, then page 1
    }

    [Fact]
    public async Task Pages_grow_back_one_step_once_Pyxis_recovers()
    {
        // Pyxis is slow for the first request only: a blip, not a limit, so after PageSizing.GrowAfter pages of 50 pages of
        // 100 are tried again.
        var sizes = new ConcurrentQueue<int>();
        await using var emulator = await PyxisEmulator.StartAsync(
            new EmulatorOptions
            {
                FaultFor = r => Record(r, sizes) > 50 && r.Number == 1 ? new EmulatorFault.HttpStatus(503) : null,
                Repositories = 400,
                ImagesPerRepository = 10,
            }
        );
        using var client = Client(emulator, new WatchedClock());

        var images = await client.FindImagesAllAsync(pageSize: 100).ToListAsync().WaitAsync(Hang.Limit);

        var asked = sizes.ToArray();
        output.WriteLine($"4000 images: {asked.Length} requests, {asked.Count(s => s == 100)} of 100 items");
        Assert.Equal(emulator.Catalog.Images.Ids(), images.Select(i => i!.Id));
        Assert.Equal(100, asked[0]);
        Assert.Equal(50, asked[1]);
        Assert.True(asked.Skip(2).Count(s => s == 100) > 0, "the page size never grew back");
        Assert.Equal(4000, asked.Skip(1).Sum()); // every item asked once after the failure: no page overlaps another
    }

    [Fact]
    public async Task Random_5xx_cost_a_split_page_each_but_do_not_keep_pages_small()
    {
        // Every 15th request is a 503 whatever its size, as a busy Pyxis answers now and then. Each failed page is asked
        // again in halves, and while the 503 is only suspected one good page is enough to try the bigger size again. When
        // each 503 was taken for a limit, pages stayed at 50 until AdaptiveSize.ProbeAfter pages had passed: 144 requests.
        var sizes = new ConcurrentQueue<int>();
        var requests = 0;
        await using var emulator = await PyxisEmulator.StartAsync(
            new EmulatorOptions
            {
                FaultFor = r =>
                {
                    Record(r, sizes);
                    return Interlocked.Increment(ref requests) % 15 == 0 ? new EmulatorFault.HttpStatus(503) : null;
                },
                Repositories = 1000,
                ImagesPerRepository = 10,
            }
        );
        using var client = Client(emulator, new WatchedClock());

        var images = await client.FindImagesAllAsync(pageSize: 100).ToListAsync().WaitAsync(Hang.Limit);

        output.WriteLine($"10 000 images, a 503 every 15th request: {sizes.Count} requests (ideal 100): {string.Join(" ", sizes)}");
        Assert.Equal(emulator.Catalog.Images.Ids(), images.Select(i => i!.Id));
        Assert.InRange(sizes.Count, 100, 120);
    }

    private static EmulatorOptions Limited(string answer, ConcurrentQueue<int> sizes) =>
        new()
        {
            TimeOutOverPageSize = answer == "server timeout" ? 50 : null,
            FaultFor = r =>
                (Record(r, sizes) > 50, answer) switch
                {
                    (true, "503") => new EmulatorFault.HttpStatus(503),
                    (true, "complexity error") => new EmulatorFault.GraphQLError("the query is too complex: lower page_size"),
                    _ => null,
                },
            Repositories = 1000,
            ImagesPerRepository = 1,
        };

    private static int Record(EmulatorRequest request, ConcurrentQueue<int> sizes)
    {
        var size = int.Parse(request.Variable("page_size")!, System.Globalization.CultureInfo.InvariantCulture);
        sizes.Enqueue(size);
        return size;
    }

    // Retries on, at waits a fake clock that nobody moves never ends: any retry at a too-big size would hang the stream.
    private static PyxisClient Client(PyxisEmulator emulator, WatchedClock clock) =>
        new(
            new PyxisClientOptions
            {
                Endpoint = emulator.Endpoint,
                TimeProvider = clock,
                Timeouts = { Attempt = WatchedClock.FarAttempt, Total = WatchedClock.FarTotal },
                Retry =
                {
                    MaxRetries = 3,
                    Delay = TimeSpan.FromHours(1),
                    ServerTimeoutRetries = 2,
                    ServerTimeoutDelay = TimeSpan.FromHours(1),
                },
            }
        );
}
