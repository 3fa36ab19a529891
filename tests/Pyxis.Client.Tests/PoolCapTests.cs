using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Pyxis.Client.Batching;
using Pyxis.Client.Telemetry;
using Pyxis.Emulator;

namespace Pyxis.Client.Tests;

/// <summary>A batch wider than the connection pool is said once in the log and counted each time, never capped silently.</summary>
public sealed class PoolCapTests
{
    [Fact]
    public async Task A_batch_wider_than_the_pool_is_logged_once_and_each_wait_counted()
    {
        await using var emulator = await PyxisEmulator.StartAsync(new EmulatorOptions { Latency = TimeSpan.FromMilliseconds(60) });
        var paths = emulator.Catalog.RepositoryPaths(24).ToList();
        var waits = 0L;
        using var meters = CountWaits(emulator.Endpoint.Port, n => Interlocked.Add(ref waits, n));
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(l => l.AddProvider(logs));
        using var client = new PyxisClient(
            new PyxisClientOptions { Endpoint = emulator.Endpoint, Limits = { MaxConnectionsPerServer = 2 } },
            factory.CreateLogger<PyxisClient>()
        );

        await LookUpAsync(client, paths.Take(2), concurrency: 2);
        Assert.Equal(0, Interlocked.Read(ref waits));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("connection pool", StringComparison.Ordinal));

        await LookUpAsync(client, paths, concurrency: 12);
        await LookUpAsync(client, paths, concurrency: 12);

        var capped = Assert.Single(logs.Lines, l => l.Contains("connection pool", StringComparison.Ordinal));
        Assert.Contains("holds 2 connections over HTTP/1.1", capped, StringComparison.Ordinal);
        Assert.StartsWith("Warning", capped, StringComparison.Ordinal);
        Assert.Equal(2 + 2 * paths.Count, emulator.Stats.Requests);
        Assert.InRange(Interlocked.Read(ref waits), paths.Count, 2 * (paths.Count - 2)); // each batch: all but the first two at most
        Assert.InRange(emulator.Stats.MaxInFlight, 1, 2);
    }

    private static async Task LookUpAsync(PyxisClient client, IEnumerable<(string, string)> paths, int concurrency)
    {
        await foreach (var item in client.GetRepositoriesByRegistryPathAsync(paths, new BatchOptions { MaxConcurrency = concurrency }))
        {
            Assert.NotNull(item.Value);
        }
    }

    private static MeterListener CountWaits(int port, Action<long> add)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == PyxisTelemetry.Name && instrument.Name == "pyxis.client.pool.waits")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>(
            (_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "server.port" && Equals(tag.Value, port))
                    {
                        add(value);
                    }
                }
            }
        );
        listener.Start();
        return listener;
    }
}
