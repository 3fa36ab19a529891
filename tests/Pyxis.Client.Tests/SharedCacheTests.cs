using System.Net;
using System.Net.Sockets;
using Garnet;
using Microsoft.Extensions.DependencyInjection;
using Pyxis.Emulator;

namespace Pyxis.Client.Tests;

/// <summary>The result cache's distributed level: a real Redis-protocol server (Garnet) on loopback, shared by two workers.</summary>
public sealed class SharedCacheTests
{
    [Fact]
    public async Task A_second_worker_with_its_own_memory_asks_Pyxis_zero_times()
    {
        using var garnet = GarnetOnLoopback.Start(out var port);
        await using var emulator = await PyxisEmulator.StartAsync();
        var (registry, repository) = emulator.Catalog.RepositoryPaths(1).Single();
        await using var first = Worker(emulator.Endpoint, port);
        await using var second = Worker(emulator.Endpoint, port);

        var fromPyxis = await first.GetRequiredService<IPyxisClient>().GetRepositoryByRegistryPathAsync(registry, repository);
        await SharedLevelHoldsAnAnswer(port);
        var fromFleet = await second.GetRequiredService<IPyxisClient>().GetRepositoryByRegistryPathAsync(registry, repository);

        Assert.Equal(1, emulator.Stats.Requests);
        Assert.Equal(fromPyxis, fromFleet);
        Assert.Equal(repository, fromFleet!.Repository);
    }

    // Each worker is its own container: its own HybridCache and memory level, one Redis-protocol level for all.
    private static ServiceProvider Worker(Uri endpoint, int port)
    {
        var services = new ServiceCollection();
        services.AddStackExchangeRedisCache(o => o.Configuration = $"127.0.0.1:{port}");
        services.AddHybridCache();
        services.AddPyxisClient(o => (o.Endpoint, o.Cache.Duration) = (endpoint, TimeSpan.FromMinutes(5)));
        return services.BuildServiceProvider();
    }

    // HybridCache may finish writing the distributed level after it has answered the first worker.
    private static async Task SharedLevelHoldsAnAnswer(int port)
    {
        await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port}");
        var server = redis.GetServer("127.0.0.1", port);
        for (var waited = 0; !server.Keys(pattern: "pyxis:*").Any(); waited += 20)
        {
            Assert.True(waited < Hang.Limit.TotalMilliseconds, "no answer reached the shared level in time");
            await Task.Delay(20);
        }
    }
}
