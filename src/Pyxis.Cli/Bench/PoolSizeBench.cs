using Pyxis.Client;
using Pyxis.Client.Batching;
using Pyxis.Client.Transport;
using Pyxis.Emulator.Catalog;

namespace Pyxis.Cli.Bench;

/// <summary>
/// 1000 un-aliased lookups all asked for at once, against a server with no limit of its own, at several
/// <see cref="PyxisLimitOptions.MaxConnectionsPerServer"/>: how much the pool bound costs over HTTP/1.1.
/// </summary>
internal static class PoolSizeBench
{
    private const int Lookups = 1000;

    public static async Task<List<BenchRow>> RunAsync(BenchSettings settings, CancellationToken ct)
    {
        var latency = settings.Latency;
        await using var session = await BenchSession.StartAsync(
            $"--latency {latency.TotalMilliseconds} --repositories {Lookups} --images-per-repository 1",
            ct
        );
        var paths = new SeedCatalog(42, Lookups, 1).RepositoryPaths(Lookups).ToList();
        await LookUpAsync(session.Client, paths, ct); // warm-up: code, so the first pool measured pays no JIT
        var rows = new List<BenchRow>();
        // 100 is aiohttp's default connection limit, the Python peer's.
        foreach (var pool in settings.Quick ? new[] { 64 } : new[] { 64, 100, 128, 256, 512, 1024, 64 })
        {
            var options = new PyxisClientOptions { Endpoint = session.Endpoint, Limits = { MaxConnectionsPerServer = pool } };
            var counter = new CountingHandler(ClientHandlerFactory.Create(options));
            using var http = new HttpClient(counter) { Timeout = Timeout.InfiniteTimeSpan };
            using var client = new PyxisClient(http, options);
            await LookUpAsync(client, paths, ct); // warm-up: code and this pool's connections
            var run = await settings.MedianAsync(counter, () => LookUpAsync(client, paths, ct));
            var ideal = Math.Ceiling(Lookups / (double)Math.Min(pool, Lookups)) * latency;
            rows.Add(
                new BenchRow(
                    $"N={Lookups}, all in flight",
                    $"MaxConnectionsPerServer {pool}",
                    run.Wall,
                    run.Wall / latency,
                    "one round trip",
                    $"⌈N/pool⌉ = {ideal / latency:0}",
                    null,
                    run.Requests,
                    run.Cpu
                )
            );
        }

        return rows;
    }

    private static async Task LookUpAsync(PyxisClient client, List<(string Registry, string Repository)> paths, CancellationToken ct)
    {
        await foreach (var item in client.GetRepositoriesByRegistryPathAsync(paths, new BatchOptions { MaxConcurrency = Lookups }, ct))
        {
            _ = item.GetValueOrThrow() ?? throw new InvalidOperationException($"{item.Input.Repository} not found");
        }
    }
}
