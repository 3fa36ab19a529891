using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Pyxis.Client.Batching;
using Pyxis.Emulator;

namespace Pyxis.Client.Tests;

/// <summary>Retries that respect the server, and batches that lose nothing under faults.</summary>
public sealed class ResilienceTests
{
    [Fact]
    public async Task Retry_After_is_honoured_before_the_next_attempt()
    {
        var clock = new WatchedClock();
        await using var emulator = await PyxisEmulator.StartAsync(
            new EmulatorOptions { FaultFor = r => r.Number == 1 ? new EmulatorFault.HttpStatus(429, TimeSpan.FromSeconds(20)) : null }
        );
        var services = new ServiceCollection();
        services.AddPyxisClient(o =>
        {
            o.Endpoint = emulator.Endpoint;
            o.TimeProvider = clock;
            o.Retry.Delay = TimeSpan.FromMilliseconds(1);
        });
        await using var provider = services.BuildServiceProvider();

        var call = provider.GetRequiredService<IPyxisClient>().GetRepositoryByRegistryPathAsync("quay.io", "rhel8/ubi");

        // The wait before the retry is the first one under a minute (the call's and the attempt's deadlines are minutes).
        var wait = await clock.WaitStartedAsync(due => due < TimeSpan.FromMinutes(1));
        Assert.Equal(TimeSpan.FromSeconds(20), wait); // Retry-After, not the 1 ms back-off
        clock.Advance(wait - TimeSpan.FromMilliseconds(1));
        await Task.Delay(100); // room for a retry that wrongly came early to reach the server
        Assert.Equal(1, emulator.Stats.Requests);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.NotNull(await call.WaitAsync(Hang.Limit));
        Assert.Equal(2, emulator.Stats.Requests);
    }

    [Fact]
    public async Task A_Pyxis_server_timeout_envelope_is_retried_with_growing_waits()
    {
        var calls = 0;
        await using var session = await EmulatorSession.StartAsync(
            new EmulatorOptions
            {
                FieldFaultFor = _ =>
                    Interlocked.Increment(ref calls) <= 2
                        ? new EmulatorFault.PyxisError(500, "unable to fetch data from MongoDB in time")
                        : null,
            }
        );
        using var client = new PyxisClient(
            new PyxisClientOptions { Endpoint = session.Emulator.Endpoint, Retry = { ServerTimeoutDelay = TimeSpan.FromMilliseconds(50) } }
        );
        var clock = Stopwatch.StartNew();

        var repository = await client.GetRepositoryByRegistryPathAsync("quay.io", "rhel8/ubi");

        Assert.NotNull(repository);
        Assert.Equal(3, session.Emulator.Stats.Requests);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(10)); // waited 50 ms, then 100 ms
    }

    [Fact]
    public async Task When_server_timeouts_persist_the_envelope_error_surfaces_after_the_retries()
    {
        await using var session = await EmulatorSession.StartAsync(
            new EmulatorOptions { FieldFaultFor = _ => new EmulatorFault.PyxisError(500, "unable to fetch data from MongoDB in time") }
        );
        using var client = new PyxisClient(
            new PyxisClientOptions
            {
                Endpoint = session.Emulator.Endpoint,
                Retry = { ServerTimeoutDelay = TimeSpan.FromMilliseconds(1), ServerTimeoutRetries = 2 },
            }
        );

        var error = await Assert.ThrowsAsync<PyxisException>(() => client.GetRepositoryByRegistryPathAsync("quay.io", "rhel8/ubi"));

        Assert.Equal(500, error.Status);
        Assert.Equal(3, session.Emulator.Stats.Requests);
    }

    [Fact]
    public async Task Under_mixed_faults_a_2000_item_batch_accounts_for_every_input_and_matches_the_fault_free_run()
    {
        var plan = new EmulatorFaultPlan(
            seed: 11,
            serverErrors: 0.10,
            tooManyRequests: 0.05,
            connectionResets: 0.02,
            malformedJson: 0.01,
            retryAfter: TimeSpan.Zero
        );
        await using var faulty = await PyxisEmulator.StartAsync(new EmulatorOptions { FaultFor = plan.Next });
        await using var clean = await PyxisEmulator.StartAsync();
        var paths = Enumerable.Range(0, 2000).Select(i => faulty.Catalog.RepositoryPaths(60).ElementAt(i % 60)).ToList();
        await using var provider = DependencyInjectionTests.Services(o => o.Endpoint = faulty.Endpoint).BuildServiceProvider();
        using var cleanClient = new PyxisClient(new PyxisClientOptions { Endpoint = clean.Endpoint });

        var items = await provider
            .GetRequiredService<IPyxisClient>()
            .GetRepositoriesByRegistryPathAsync(paths, new BatchOptions { MaxConcurrency = 32 })
            .ToListAsync();
        var expected = await cleanClient.GetRepositoriesByRegistryPathAsync(paths, new BatchOptions { MaxConcurrency = 32 }).ToListAsync();

        Assert.Equal(Enumerable.Range(0, 2000), items.Select(i => i.Index).Order());
        var byIndex = expected.ToDictionary(i => i.Index, i => i.Value);
        Assert.All(items.Where(i => i.Succeeded), i => Assert.Equal(byIndex[i.Index], i.Value));
        Assert.All(items.Where(i => !i.Succeeded), i => Assert.IsAssignableFrom<PyxisException>(i.Exception));
        Assert.True(items.Count(i => i.Succeeded) > 1900, $"{items.Count(i => !i.Succeeded)} failed despite retries");
        Assert.True(faulty.Stats.Requests > 2000, "faults were injected and retried");
    }
}
