using Pyxis.Client;
using Pyxis.Client.Batching;
using Pyxis.Emulator.Catalog;

namespace Pyxis.Cli.Bench;

/// <summary>N lookups at a fixed server latency: sequential, completion order at several bounds, alias-batched.</summary>
internal static class FanOutBench
{
    public static async Task<List<BenchRow>> RunAsync(BenchSettings settings, CancellationToken ct)
    {
        var latency = settings.Latency;
        // "55 ms ± jitter": the emulator adds 0..jitter, so start half a jitter lower to centre the latency on 55 ms.
        var floor = latency - settings.Jitter / 2;
        await using var session = await BenchSession.StartAsync(
            $"--latency {floor.TotalMilliseconds} --jitter {settings.Jitter.TotalMilliseconds} --repositories 1000 --images-per-repository 1",
            ct
        );
        var paths = new SeedCatalog(42, 1000, 1).RepositoryPaths(1000).ToList();
        await BatchAsync(session, paths.Take(64).ToList(), new BatchOptions { MaxConcurrency = 64 }, ct); // warm-up: code and connections

        var rows = new List<BenchRow>();
        var boards = paths.Take(24).ToList();
        var sequential = await settings.MedianAsync(session.Counter, () => SequentialAsync(session, boards, ct));
        rows.Add(Row("N=24", "sequential", sequential, 24 * latency, "N × latency", "-", null));
        foreach (var c in new[] { 8, 24 })
        {
            var run = await settings.MedianAsync(session.Counter, () =>
                BatchAsync(session, boards, new BatchOptions { MaxConcurrency = c }, ct)
            );
            rows.Add(
                Row(
                    "N=24",
                    $"completion order, concurrency {c}",
                    run,
                    Limit(24, c, latency),
                    "⌈N/c⌉ × latency",
                    c == 24 ? "≤ 1.25" : "-",
                    c == 24 ? 1.25 : null
                )
            );
        }

        TimeSpan? unbatched8 = null;
        foreach (var c in settings.Quick ? new[] { 64 } : new[] { 8, 32, 64 })
        {
            var run = await settings.MedianAsync(session.Counter, () =>
                BatchAsync(session, paths, new BatchOptions { MaxConcurrency = c }, ct)
            );
            unbatched8 = c == 8 ? run.Wall : unbatched8;
            rows.Add(
                Row(
                    "N=1000",
                    $"completion order, concurrency {c}",
                    run,
                    Limit(1000, c, latency),
                    "⌈N/c⌉ × latency",
                    c == 64 ? "≤ 1.15" : "-",
                    c == 64 ? 1.15 : null
                )
            );
        }

        var aliased = await settings.MedianAsync(session.Counter, () =>
            BatchAsync(session, paths, new BatchOptions { MaxConcurrency = 8, AliasesPerRequest = 25 }, ct)
        );
        rows.Add(Row("N=1000", "alias-batched 25/request, concurrency 8", aliased, latency, "one round trip", "-", null));
        var baseline = unbatched8 ?? Limit(1000, 8, latency);
        rows.Add(
            new BenchRow(
                "N=1000",
                "alias-batched vs un-batched at concurrency 8",
                aliased.Wall,
                aliased.Wall / baseline,
                unbatched8 is null ? "⌈N/8⌉ × latency (un-batched limit)" : "un-batched time",
                "≤ 0.30",
                aliased.Wall / baseline <= 0.30,
                aliased.Requests,
                aliased.Cpu
            )
        );
        rows.AddRange(await RepeatedLookupsAsync(settings, session, paths, ct));
        return rows;
    }

    // Freshmaker asks for the same repositories again and again (many images, few repositories).
    private static async Task<List<BenchRow>> RepeatedLookupsAsync(
        BenchSettings settings,
        BenchSession session,
        List<(string Registry, string Repository)> paths,
        CancellationToken ct
    )
    {
        const string Scenario = "N=1000 over 100 repositories";
        var repeated = Enumerable.Range(0, 1000).Select(i => paths[i % 100]).ToList();
        var options = new BatchOptions { MaxConcurrency = 64 };
        var plain = await settings.MedianAsync(session.Counter, () => BatchAsync(session.Client, repeated, options, ct));
        var cached = await settings.MedianAsync(session.Counter, async () =>
        {
            using var client = session.CreateCachingClient(TimeSpan.FromMinutes(5));
            await BatchAsync(client, repeated, options, ct);
        });
        return
        [
            new(Scenario, "completion order, concurrency 64, no cache", plain.Wall, 1.0, "itself", "-", null, plain.Requests, plain.Cpu),
            new(
                Scenario,
                "the same with CacheDuration (a new cache per run)",
                cached.Wall,
                cached.Wall / plain.Wall,
                "no cache",
                "-",
                null,
                cached.Requests,
                cached.Cpu
            ),
        ];
    }

    private static TimeSpan Limit(int n, int concurrency, TimeSpan latency) => (int)Math.Ceiling(n / (double)concurrency) * latency;

    private static BenchRow Row(
        string scenario,
        string variant,
        (TimeSpan Wall, TimeSpan Cpu, long Requests) run,
        TimeSpan yardstick,
        string of,
        string target,
        double? limit
    ) =>
        new(
            scenario,
            variant,
            run.Wall,
            run.Wall / yardstick,
            of,
            target,
            limit is { } l ? run.Wall / yardstick <= l : null,
            run.Requests,
            run.Cpu
        );

    private static async Task SequentialAsync(BenchSession session, List<(string Registry, string Repository)> paths, CancellationToken ct)
    {
        foreach (var (registry, repository) in paths)
        {
            _ = await session.Client.GetRepositoryByRegistryPathAsync(registry, repository, ct)
                ?? throw new InvalidOperationException($"{repository} not found");
        }
    }

    private static Task BatchAsync(
        BenchSession session,
        List<(string Registry, string Repository)> paths,
        BatchOptions options,
        CancellationToken ct
    ) => BatchAsync(session.Client, paths, options, ct);

    private static async Task BatchAsync(
        PyxisClient client,
        List<(string Registry, string Repository)> paths,
        BatchOptions options,
        CancellationToken ct
    )
    {
        var count = 0;
        await foreach (var item in client.GetRepositoriesByRegistryPathAsync(paths, options, ct))
        {
            _ = item.GetValueOrThrow() ?? throw new InvalidOperationException($"{item.Input.Repository} not found");
            count++;
        }

        if (count != paths.Count)
        {
            throw new InvalidOperationException($"{paths.Count - count} items missing");
        }
    }
}
