using Pyxis.Client;
using Pyxis.Client.Batching;
using Pyxis.Emulator.Catalog;

namespace Pyxis.Cli.Bench;

/// <summary>
/// Politeness toward Pyxis: identical lookups in flight together coalesce into one request, and alias chunks shrink to
/// what an emulator that times out big requests can answer (any request over 10 aliases, any page over 50 items) without
/// losing a lookup or an item.
/// </summary>
internal static class FleetMannersBench
{
    private const int AliasLimit = 10;

    public static async Task<List<BenchRow>> RunAsync(BenchSettings settings, CancellationToken ct)
    {
        await using var session = await BenchSession.StartAsync(
            $"--latency {settings.Latency.TotalMilliseconds} --timeout-over-aliases {AliasLimit} --timeout-over-page-size 50 --repositories 1000 --images-per-repository 1",
            ct
        );
        var paths = new SeedCatalog(42, 1000, 1).RepositoryPaths(1000).ToList();
        return
        [
            .. await CoalescingAsync(settings, session, paths[0], ct),
            await AdaptiveAsync(settings, session, paths, ct),
            await AdaptivePagesAsync(settings, session, paths.Count, ct),
        ];
    }

    private static async Task<List<BenchRow>> CoalescingAsync(
        BenchSettings settings,
        BenchSession session,
        (string Registry, string Repository) path,
        CancellationToken ct
    )
    {
        const string Scenario = "50 identical concurrent lookups";
        var rows = new List<BenchRow>();
        foreach (var coalesce in new[] { true, false })
        {
            using var client = session.CreateClient(o => o.Coalescing.Enabled = coalesce);
            var run = await settings.MedianAsync(session.Counter, async () =>
            {
                var answers = await Task.WhenAll(
                    Enumerable.Range(0, 50).Select(_ => client.GetRepositoryByRegistryPathAsync(path.Registry, path.Repository, ct))
                );
                _ = answers.All(a => a?.Repository == path.Repository) ? 0 : throw new InvalidOperationException("a wrong answer");
            });
            rows.Add(
                new BenchRow(
                    Scenario,
                    coalesce ? "CoalesceQueries on (default)" : "CoalesceQueries off",
                    run.Wall,
                    run.Requests,
                    "requests (1 is one per distinct query)",
                    coalesce ? "= 1" : "-",
                    coalesce ? run.Requests == 1 : null,
                    run.Requests,
                    run.Cpu
                )
            );
        }

        return rows;
    }

    // A fresh client each run, so every run learns the limit from scratch.
    private static async Task<BenchRow> AdaptiveAsync(
        BenchSettings settings,
        BenchSession session,
        List<(string Registry, string Repository)> paths,
        CancellationToken ct
    )
    {
        var ideal = (int)Math.Ceiling(paths.Count / (double)AliasLimit);
        var run = await settings.MedianAsync(session.Counter, async () =>
        {
            using var client = session.CreateClient(o => o.Retry.ServerTimeoutDelay = TimeSpan.FromMilliseconds(10));
            var answered = 0;
            var options = new BatchOptions { AliasesPerRequest = 25, MaxConcurrency = 4 };
            await foreach (var item in client.GetRepositoriesByRegistryPathAsync(paths, options, ct))
            {
                answered += item.Succeeded && item.Value?.Repository == item.Input.Repository ? 1 : 0;
            }

            _ = answered == paths.Count ? 0 : throw new InvalidOperationException($"{answered} of {paths.Count} answered");
        });
        return NearIdeal(
            $"N={paths.Count}, Pyxis times out over {AliasLimit} aliases",
            "alias-batched, 25/request at most, adaptive, concurrency 4",
            run,
            ideal
        );
    }

    // Default client options: a too-big page retried at its size would wait ServerTimeoutDelay (30 s, then 60 s) first.
    private static async Task<BenchRow> AdaptivePagesAsync(BenchSettings settings, BenchSession session, int images, CancellationToken ct)
    {
        var ideal = images / 50;
        var run = await settings.MedianAsync(session.Counter, async () =>
        {
            using var client = session.CreateClient(_ => { });
            var read = 0;
            await foreach (var image in client.FindImagesAllAsync(pageSize: 200, cancellationToken: ct))
            {
                read += image is null ? 0 : 1;
            }

            _ = read == images ? 0 : throw new InvalidOperationException($"{read} of {images} images read");
        });
        return NearIdeal(
            $"{images} images, Pyxis times out over 50 per page",
            "200 per page asked, adaptive, default client options",
            run,
            ideal
        );
    }

    // Adaptive sizing's target: every item, in at most a fifth more requests than the ideal.
    private static BenchRow NearIdeal(string scenario, string variant, (TimeSpan Wall, TimeSpan Cpu, long Requests) run, int ideal) =>
        new(
            scenario,
            variant,
            run.Wall,
            run.Requests / (double)ideal,
            $"ideal requests ({ideal})",
            "≤ 1.20",
            run.Requests <= ideal * 1.2,
            run.Requests,
            run.Cpu
        );
}
