using System.Diagnostics;
using Pyxis.Client;
using Pyxis.Client.Batching;
using Pyxis.Emulator;
using Pyxis.Emulator.Catalog;

namespace Pyxis.Cli.Bench;

/// <summary>
/// Latencies spread 10–200 ms: the completion-ordered stream hands over the fastest answer first; gather waits for the slowest.
/// </summary>
internal static class FirstItemBench
{
    private const int WarmUpRuns = 10;
    private static readonly TimeSpan Fastest = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan Slowest = TimeSpan.FromMilliseconds(200);

    public static async Task<List<BenchRow>> RunAsync(BenchSettings settings, CancellationToken ct)
    {
        await using var session = await BenchSession.StartAsync(
            $"--latency-spread {Fastest.TotalMilliseconds}:{Slowest.TotalMilliseconds}",
            ct
        );
        var paths = new SeedCatalog().RepositoryPaths(24).ToList();
        var fastest = paths.Min(p => EmulatorLatency.ForRepository(p.Repository, Fastest, Slowest));
        var slowest = paths.Max(p => EmulatorLatency.ForRepository(p.Repository, Fastest, Slowest));
        // Warm-up: connections, and enough calls for both processes' hot code to reach tier-1, then a pause so the
        // background JIT is not competing for the two cores while the fastest answer is timed.
        for (var i = 0; i < WarmUpRuns; i++)
        {
            await FirstItemAsync(session, paths, ct);
        }

        await Task.Delay(TimeSpan.FromSeconds(1), ct);

        var first = TimeSpan.MaxValue;
        var gather = TimeSpan.MaxValue;
        for (var i = 0; i < settings.Repeats; i++)
        {
            first = Min(first, await FirstItemAsync(session, paths, ct));
            gather = Min(gather, await GatherAsync(session, paths, ct));
        }

        return
        [
            new(
                "first item (24 lookups, 10–200 ms)",
                "completion order: first item",
                first,
                first / fastest,
                $"fastest latency ({fastest.TotalMilliseconds:0} ms)",
                "≤ 1.20",
                first / fastest <= 1.2,
                24,
                TimeSpan.Zero
            ),
            new(
                "first item (24 lookups, 10–200 ms)",
                "gather (Task.WhenAll): first usable result",
                gather,
                gather / fastest,
                $"fastest latency; slowest is {slowest.TotalMilliseconds:0} ms",
                "-",
                null,
                24,
                TimeSpan.Zero
            ),
        ];
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static async Task<TimeSpan> FirstItemAsync(
        BenchSession session,
        List<(string Registry, string Repository)> paths,
        CancellationToken ct
    )
    {
        var clock = Stopwatch.StartNew();
        TimeSpan? first = null;
        await foreach (var item in session.Client.GetRepositoriesByRegistryPathAsync(paths, new BatchOptions { MaxConcurrency = 24 }, ct))
        {
            item.GetValueOrThrow();
            first ??= clock.Elapsed; // drain the rest so every run starts on the same warm connections
        }

        return first ?? throw new InvalidOperationException("no items");
    }

    private static async Task<TimeSpan> GatherAsync(
        BenchSession session,
        List<(string Registry, string Repository)> paths,
        CancellationToken ct
    )
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(paths.Select(p => session.Client.GetRepositoryByRegistryPathAsync(p.Registry, p.Repository, ct)));
        return clock.Elapsed;
    }
}
