using Pyxis.Client.Batching;
using Pyxis.Emulator;
using Xunit.Abstractions;

namespace Pyxis.Client.Tests;

/// <summary>
/// Adaptive alias-chunk sizes against an emulator that times out big requests, as Pyxis does: chunks shrink, grow back,
/// every lookup is answered once, and the requests stay close to the ideal number.
/// </summary>
public sealed class AdaptiveSizingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_thousand_lookups_against_a_ten_alias_limit_all_succeed_within_a_fifth_more_requests_than_ideal()
    {
        await using var emulator = await PyxisEmulator.StartAsync(Limited());
        using var client = Client(emulator);
        var paths = emulator.Catalog.RepositoryPaths(1000).ToArray();

        var (answered, duplicates) = await RunAsync(client, paths, new BatchOptions { AliasesPerRequest = 25, MaxConcurrency = 4 });

        output.WriteLine($"1000 lookups in {emulator.Stats.Requests} requests (ideal 100)");
        Assert.Equal(1000, answered);
        Assert.Equal(0, duplicates);
        Assert.InRange(emulator.Stats.Requests, 100, 120);

        // What was learned stays with the client's options: the next batch starts at the size that works.
        emulator.Stats.Reset();
        var again = await RunAsync(client, paths[..100], new BatchOptions { AliasesPerRequest = 25, MaxConcurrency = 4 });
        Assert.Equal((100, 0), again);
        Assert.InRange(emulator.Stats.Requests, 10, 12);
    }

    [Fact]
    public async Task Without_adaptive_sizing_the_same_chunks_time_out_every_time()
    {
        await using var emulator = await PyxisEmulator.StartAsync(Limited());
        using var client = Client(emulator);
        var paths = emulator.Catalog.RepositoryPaths(50).ToArray();

        var failed = 0;
        var options = new BatchOptions { AliasesPerRequest = 25, AdaptAliasesPerRequest = false };
        await foreach (var item in client.GetRepositoriesByRegistryPathAsync(paths, options))
        {
            failed +=
                item.Exception is PyxisException { Detail: { } detail } && detail.Contains("MongoDB", StringComparison.Ordinal) ? 1 : 0;
        }

        Assert.Equal(50, failed);
        Assert.Equal(4, emulator.Stats.Requests); // two chunks, each sent again once (ServerTimeoutRetries = 1)
    }

    [Fact]
    public async Task A_5xx_for_big_requests_shrinks_the_chunks_too_and_small_ones_pass()
    {
        // Two variables per alias: more than ten variables is more than five aliases.
        await using var emulator = await PyxisEmulator.StartAsync(
            new EmulatorOptions { FaultFor = r => r.Variables.Count > 10 ? new EmulatorFault.HttpStatus(503) : null }
        );
        using var client = Client(emulator);
        var paths = emulator.Catalog.RepositoryPaths(60).ToArray();

        var (answered, duplicates) = await RunAsync(client, paths, new BatchOptions { AliasesPerRequest = 20, MaxConcurrency = 2 });

        Assert.Equal((60, 0), (answered, duplicates));
    }

    [Fact]
    public async Task Without_adaptive_page_sizes_a_page_over_the_limit_fails_the_stream()
    {
        await using var emulator = await PyxisEmulator.StartAsync(Limited());
        using var client = Client(emulator);

        var error = await Assert.ThrowsAsync<PyxisException>(() =>
            client.FindImagesAllAsync(pageSize: 200, paging: new PyxisPaging { AdaptPageSize = false }).ToListAsync()
        );

        Assert.Contains("MongoDB", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Sizes_halve_on_a_too_big_answer_grow_by_one_per_success_and_probe_above_the_ceiling_later()
    {
        var size = new AdaptiveSize();
        Assert.Equal(40, size.Next(1, 40));

        size.TooBig(40);
        Assert.Equal(20, size.Next(1, 40)); // halved
        size.Succeeded(20);
        Assert.Equal(21, size.Next(1, 40)); // plus one
        size.TooBig(22);
        Assert.Equal(20, size.Next(1, 40)); // not below what succeeded since
        size.Succeeded(20);
        Assert.Equal(21, size.Next(1, 40)); // next to the size that failed: one probe at a time
        Assert.Equal(20, size.Next(1, 40));
        for (var i = 0; i < AdaptiveSize.ProbeAfter; i++)
        {
            size.Succeeded(21);
        }

        Assert.Equal(22, size.Next(1, 40));
        Assert.Equal(5, size.Next(1, 5)); // within each caller's bounds
    }

    [Fact]
    public void A_5xx_lowers_the_size_only_when_a_request_sized_after_it_fails_too()
    {
        var size = new AdaptiveSize();
        Assert.Equal(10, size.Next(1, 10, out var first));
        size.Next(1, 10, out var inFlight);
        Assert.Equal(AdaptiveSize.Verdict.Suspected, size.TooBig(10, certain: false, first));
        Assert.Equal(AdaptiveSize.Verdict.Stale, size.TooBig(10, certain: false, inFlight)); // sized before the news
        Assert.Equal(10, size.Next(1, 10, out var after));
        size.Succeeded(10); // as big a request passed: the 503 was a blip
        Assert.Equal(AdaptiveSize.Verdict.Suspected, size.TooBig(10, certain: false, after));
        Assert.Equal(10, size.Next(1, 10, out var confirming));

        Assert.Equal(AdaptiveSize.Verdict.Lowered, size.TooBig(10, certain: false, confirming));
        Assert.Equal(5, size.Next(1, 10)); // 10 had passed, so Pyxis is busy: halved, but no ceiling is learned
        for (var i = 5; i < 10; i++)
        {
            size.Succeeded(i);
        }

        Assert.Equal([10, 10], [size.Next(1, 10), size.Next(1, 10)]); // back at the start, and not one probe at a time
    }

    [Fact]
    public void A_complexity_error_or_a_failed_probe_next_to_a_limit_lowers_the_size_at_once()
    {
        var size = new AdaptiveSize();
        Assert.Equal(20, size.Next(1, 20, out var sized));
        Assert.Equal(AdaptiveSize.Verdict.Lowered, size.TooBig(20, certain: true, sized));
        Assert.Equal(10, size.Next(1, 20));
        for (var i = 10; i < 19; i++)
        {
            size.Succeeded(i);
        }

        Assert.Equal(19, size.Next(1, 20, out var probe)); // the ceiling, next to the size that failed
        Assert.Equal(AdaptiveSize.Verdict.Lowered, size.TooBig(19, certain: false, probe));
        Assert.Equal(18, size.Next(1, 20)); // not below what succeeded since
    }

    private static EmulatorOptions Limited() =>
        new()
        {
            TimeOutOverAliases = 10,
            TimeOutOverPageSize = 50,
            Repositories = 1000,
            ImagesPerRepository = 1,
        };

    private static PyxisClient Client(PyxisEmulator emulator) =>
        new(
            new PyxisClientOptions
            {
                Endpoint = emulator.Endpoint,
                Retry =
                {
                    ServerTimeoutRetries = 1,
                    ServerTimeoutDelay = TimeSpan.FromMilliseconds(10),
                    MaxRetries = 0,
                },
            }
        );

    internal static async Task<(int Answered, int Duplicates)> RunAsync(
        PyxisClient client,
        (string Registry, string Repository)[] paths,
        BatchOptions options
    )
    {
        var seen = new bool[paths.Length];
        int answered = 0,
            duplicates = 0;
        await foreach (var item in client.GetRepositoriesByRegistryPathAsync(paths, options))
        {
            duplicates += seen[item.Index] ? 1 : 0;
            seen[item.Index] = true;
            answered += item.Succeeded && item.Value?.Repository == item.Input.Repository ? 1 : 0;
        }

        return (answered, duplicates);
    }
}
