using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using Garnet;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pyxis.Client.Batching;
using Pyxis.Client.Redis;
using Pyxis.Client.Telemetry;
using Pyxis.Emulator;

namespace Pyxis.Client.Tests;

/// <summary>
/// The fleet-wide budget against a real Redis-protocol server (Garnet, in-process; Lua on and, as in Redis, each script
/// atomic: Garnet's --lua-transaction-mode) on loopback: four replicas,
/// each its own container with its own connection pool, measured where it counts, at the emulator.
/// </summary>
public sealed class FleetBudgetTests
{
    private const int Budget = 16;

    [Fact]
    public async Task Four_replicas_sharing_a_budget_of_16_never_have_more_than_16_requests_at_Pyxis()
    {
        using var garnet = StartGarnet(out var port);
        var crowd = new Crowd(Budget + 1);
        await using var emulator = await PyxisEmulator.StartAsync(
            new EmulatorOptions
            {
                Repositories = 400,
                Latency = TimeSpan.FromMilliseconds(40),
                AnswerWhen = (_, ct) => crowd.WaitAsync(ct),
            }
        );
        var paths = emulator.Catalog.RepositoryPaths(400).ToList();

        // Without the budget, the same four replicas put far more than 16 on Pyxis: the assertion below can fail.
        await using (var alone = new Fleet(emulator.Endpoint, null))
        {
            Assert.Equal(paths.Count, await alone.LookUpAsync(paths));
        }

        Assert.True(emulator.Stats.MaxInFlight > Budget, $"without a budget only {emulator.Stats.MaxInFlight} were in flight");
        emulator.Stats.Reset();

        crowd = new Crowd(Budget / 2);
        await using var fleet = new Fleet(emulator.Endpoint, Configure(port, localConcurrency: Budget));
        Assert.Equal(paths.Count, await fleet.LookUpAsync(paths));

        Assert.True(fleet.Budgets.All(b => b.IsShared), string.Join("\n", fleet.Logs));
        Assert.InRange(emulator.Stats.MaxInFlight, Budget / 2, Budget);
    }

    [Fact]
    public async Task When_Redis_goes_away_mid_run_nothing_is_lost_and_each_replica_says_it_keeps_to_its_local_limit()
    {
        var name = "outage-" + Guid.NewGuid().ToString("N");
        var fallbacks = 0L;
        using var meters = CountFallbacks(name, n => Interlocked.Add(ref fallbacks, n));
        var garnet = StartGarnet(out var port);
        // Answers after the 200th wait for the outage, so it comes mid-run however fast or slow the machine is.
        var outage = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var emulator = await PyxisEmulator.StartAsync(
            new EmulatorOptions
            {
                Repositories = 800,
                Latency = TimeSpan.FromMilliseconds(20),
                AnswerWhen = (r, ct) => r.Number > 200 ? outage.Task.WaitAsync(Hang.Limit, ct) : Task.CompletedTask,
            }
        );
        var paths = emulator.Catalog.RepositoryPaths(800).ToList();
        await using var fleet = new Fleet(emulator.Endpoint, Configure(port, localConcurrency: 4, name));

        var run = fleet.LookUpAsync(paths);
        while (emulator.Stats.Requests <= 200 && !run.IsCompleted)
        {
            await Task.Delay(5);
        }

        garnet.Dispose(); // mid-run: about a quarter answered, the next ones held at the server
        var sentBeforeOutage = emulator.Stats.Requests;
        outage.SetResult();
        var answered = await run;

        Assert.InRange(sentBeforeOutage, 200, paths.Count / 2);
        Assert.Equal(paths.Count, answered);
        Assert.All(fleet.Budgets, b => Assert.False(b.IsShared));
        Assert.Equal(4, fleet.Logs.Count(l => l.Contains("falls back to its local limit of 4", StringComparison.Ordinal)));
        Assert.Equal(4, Interlocked.Read(ref fallbacks));

        // From now on each replica keeps to 4: the four of them to 16.
        emulator.Stats.Reset();
        Assert.Equal(paths.Count, await fleet.LookUpAsync(paths));
        Assert.InRange(emulator.Stats.MaxInFlight, 4, 4 * 4);
    }

    // One name for all four replicas: that is what makes their budget one.
    [Fact]
    public async Task A_fleet_rate_of_10_per_second_spreads_40_lookups_of_four_replicas_over_three_seconds()
    {
        using var garnet = StartGarnet(out var port);
        var arrivals = new List<TimeSpan>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var emulator = await PyxisEmulator.StartAsync(
            new EmulatorOptions
            {
                Repositories = 40,
                LatencyFor = _ =>
                {
                    lock (arrivals)
                    {
                        arrivals.Add(clock.Elapsed);
                    }

                    return null;
                },
            }
        );
        var paths = emulator.Catalog.RepositoryPaths(40).ToList();
        var configure = Configure(port, localConcurrency: Budget);
        await using var fleet = new Fleet(emulator.Endpoint, o =>
        {
            configure(o);
            o.RequestsPerSecond = 10;
        });

        // The bucket's keys exist before the fleet starts: Garnet let concurrent first scripts each see a full bucket.
        Assert.Equal(1, await fleet.LookUpAsync(paths.Take(1).ToList()));
        lock (arrivals)
        {
            arrivals.Clear();
        }

        var started = clock.Elapsed;
        Assert.Equal(paths.Count, await fleet.LookUpAsync(paths));

        // A bucket of 10 to start with, then one token every 100 ms: the (10 + n)th request cannot reach the server before
        // n × 100 ms (less a tick), so the 40th not before about 3 s. A busy machine can delay and bunch arrivals, never
        // bring one forward, so this holds however loaded CI is; without the rate all 40 arrive at once.
        Assert.Equal(paths.Count, arrivals.Count);
        var sorted = arrivals.Order().ToList();
        Assert.All(Enumerable.Range(10, paths.Count - 10), k =>
            Assert.True(
                sorted[k] - started >= TimeSpan.FromMilliseconds((k - 10) * 100),
                $"request {k + 1} arrived after {sorted[k] - started}"
            )
        );
        Assert.InRange((sorted[^1] - started).TotalSeconds, 2.9, 10);
        Assert.True(fleet.Budgets.All(b => b.IsShared), string.Join("\n", fleet.Logs));
    }

    private static Action<PyxisFleetBudgetOptions> Configure(int port, int localConcurrency, string? name = null)
    {
        var shared = name ?? "fleet-" + Guid.NewGuid().ToString("N");
        return o =>
        {
            o.Configuration = $"127.0.0.1:{port}";
            o.Name = shared;
            o.MaxConcurrency = Budget;
            o.LocalConcurrency = localConcurrency;
            o.PollInterval = TimeSpan.FromMilliseconds(5);
        };
    }

    private static MeterListener CountFallbacks(string budget, Action<long> add)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == PyxisTelemetry.Name && instrument.Name == "pyxis.client.fleet.fallbacks")
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
                    if (tag.Key == "budget" && Equals(tag.Value, budget))
                    {
                        add(value);
                    }
                }
            }
        );
        listener.Start();
        return listener;
    }

    private static GarnetServer StartGarnet(out int port) => GarnetOnLoopback.Start(out port, "--lua", "--lua-transaction-mode", "true");

    /// <summary>Four replicas: each a container of its own (own pool, own budget object), all on one Redis.</summary>
    private sealed class Fleet : IAsyncDisposable
    {
        private readonly CapturingLoggerProvider logs = new();
        private readonly List<ServiceProvider> replicas = [];

        public Fleet(Uri endpoint, Action<PyxisFleetBudgetOptions>? budget)
        {
            for (var i = 0; i < 4; i++)
            {
                var services = new ServiceCollection();
                services.AddLogging(l => l.AddProvider(logs));
                var client = services.AddPyxisClient(o => (o.Endpoint, o.Retry.MaxRetries) = (endpoint, 0));
                if (budget is not null)
                {
                    client.AddPyxisFleetBudget(budget);
                }

                replicas.Add(services.BuildServiceProvider());
            }
        }

        public IEnumerable<string> Logs => logs.Lines;

        public IEnumerable<PyxisFleetBudget> Budgets => replicas.Select(r => r.GetRequiredService<PyxisFleetBudget>());

        /// <summary>Each replica looks up a quarter of <paramref name="paths"/> at 16 in flight; returns how many were answered.</summary>
        public async Task<int> LookUpAsync(IReadOnlyList<(string Registry, string Repository)> paths)
        {
            var quarters = replicas.Select(
                (replica, i) =>
                    CountAsync(
                        replica
                            .GetRequiredService<IPyxisClient>()
                            .GetRepositoriesByRegistryPathAsync(
                                paths.Where((_, j) => j % replicas.Count == i),
                                new BatchOptions { MaxConcurrency = Budget }
                            )
                    )
            );
            return (await Task.WhenAll(quarters)).Sum();
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var replica in replicas)
            {
                await replica.DisposeAsync();
            }
        }

        private static async Task<int> CountAsync<TInput, TResult>(IAsyncEnumerable<BatchItem<TInput, TResult>> items)
        {
            var answered = 0;
            await foreach (var item in items)
            {
                Assert.Null(item.Exception);
                Assert.NotNull(item.Value);
                answered++;
            }

            return answered;
        }
    }
}
