using Pyxis.Client.Batching;
using Pyxis.Emulator;
using Repository = Pyxis.Client.GetRepositoryByRegistryPathQuery.ContainerRepository;

namespace Pyxis.Client.Tests;

/// <summary>Many lookups under aliases: fewer requests, the same values, failures confined to their alias.</summary>
public sealed class AliasBatchTests
{
    [Fact]
    public async Task A_thousand_lookups_at_25_aliases_take_40_requests_and_equal_single_lookups()
    {
        await using var session = await EmulatorSession.StartAsync(new EmulatorOptions { Repositories = 1000, ImagesPerRepository = 1 });
        var paths = session.Paths(1000);

        var items = await session
            .Client.GetRepositoriesByRegistryPathAsync(paths, new BatchOptions { AliasesPerRequest = 25, MaxConcurrency = 8 })
            .ToListAsync();

        Assert.Equal(40, session.Emulator.Stats.Requests);
        Assert.Equal(Enumerable.Range(0, 1000), items.Select(i => i.Index).Order());
        Assert.All(items, i => Assert.True(i.Succeeded, i.Exception?.Message));
        var singles = await session
            .Client.GetRepositoriesByRegistryPathAsync(paths, new BatchOptions { MaxConcurrency = 16 })
            .ToListAsync();
        var single = singles.ToDictionary(i => i.Index, i => i.Value);
        Assert.All(items, i => Assert.Equal(single[i.Index], i.Value));
        Assert.All(items, i => Assert.Equal(paths[i.Index].Repository, i.Value!.Repository));
    }

    [Fact]
    public async Task An_error_envelope_or_GraphQL_error_on_one_alias_fails_only_that_item()
    {
        var seeded = new Pyxis.Emulator.Catalog.SeedCatalog().RepositoryPaths(10).ToArray();
        await using var session = await EmulatorSession.StartAsync(
            new EmulatorOptions
            {
                FieldFaultFor = call =>
                    call.Argument("repository") switch
                    {
                        var r when r == PathAt(3) => new EmulatorFault.PyxisError(500, "internal error"),
                        var r when r == PathAt(7) => new EmulatorFault.GraphQLError("resolver exploded"),
                        _ => null,
                    },
            }
        );
        (string Registry, string Repository)[] paths = [.. session.Paths(10), ("quay.io", "no/such")];

        var items = await session
            .Client.GetRepositoriesByRegistryPathAsync(paths, new BatchOptions { AliasesPerRequest = 25 })
            .ToListAsync();

        Assert.Equal(1, session.Emulator.Stats.Requests);
        Assert.Equal(500, Assert.IsType<PyxisException>(items.Single(i => i.Index == 3).Exception).Status);
        var graphQLError = Assert.IsType<PyxisGraphQLException>(items.Single(i => i.Index == 7).Exception);
        Assert.Contains(PathAt(7), graphQLError.Variables, StringComparison.Ordinal);
        Assert.Null(items.Single(i => i.Index == 10).Value);
        Assert.All(items.Where(i => i.Index is not (3 or 7 or 10)), i => Assert.Equal(paths[i.Index].Repository, i.Value!.Repository));

        string PathAt(int index) => seeded[index].Repository;
    }

    [Fact]
    public async Task A_failed_request_fails_exactly_the_items_it_carried()
    {
        await using var session = await EmulatorSession.StartAsync(
            new EmulatorOptions { FaultFor = r => r.Number == 2 ? new EmulatorFault.HttpStatus(503) : null }
        );

        var items = await session
            .Client.GetRepositoriesByRegistryPathAsync(
                session.Paths(30),
                // Adaptive sizing would send a 503'd chunk again as smaller ones; here the failure itself is counted.
                new BatchOptions
                {
                    AliasesPerRequest = 10,
                    MaxConcurrency = 1,
                    AdaptAliasesPerRequest = false,
                }
            )
            .ToListAsync();

        Assert.Equal(30, items.Count);
        Assert.Equal(10, items.Count(i => i.Exception is PyxisTransportException));
        Assert.Equal(20, items.Count(i => i.Succeeded));
    }

    [Fact]
    public async Task Alias_batching_works_for_any_single_root_field_operation()
    {
        await using var session = await EmulatorSession.StartAsync();
        var nvrs = session.Catalog().Images.Take(12).Select(i => i.Build()).ToList();

        var items = await session
            .Client.ExecuteAliasedAsync(
                FindImagesByNvrQuery.Aliased,
                nvrs,
                nvr => FindImagesByNvrQuery.CreateRequest(nvr, includeRpms: true),
                new BatchOptions { AliasesPerRequest = 5 }
            )
            .ToListAsync();

        Assert.Equal(3, session.Emulator.Stats.Requests);
        Assert.All(items, i => Assert.Equal(i.Input, Assert.Single(i.Value!.Data!)!.Brew!.Build));
        Assert.All(items, i => Assert.NotEmpty(i.Value!.Data![0]!.Edges!.RpmManifest!.Data!.Rpms!));
    }

    [Fact]
    public async Task A_server_timeout_on_one_alias_resends_only_that_lookup_after_the_others_are_yielded()
    {
        const string Timeout = "unable to fetch data from MongoDB in time";
        var slow = new Pyxis.Emulator.Catalog.SeedCatalog().RepositoryPaths(10).ElementAt(4).Repository;
        var (fieldCalls, slowCalls) = (0, 0);
        await using var session = await EmulatorSession.StartAsync(
            new EmulatorOptions
            {
                FieldFaultFor = call =>
                {
                    Interlocked.Increment(ref fieldCalls);
                    return call.Argument("repository") == slow && Interlocked.Increment(ref slowCalls) == 1
                        ? new EmulatorFault.PyxisError(500, Timeout)
                        : null;
                },
            }
        );
        var paths = session.Paths(10);

        var items = await session
            .Client.GetRepositoriesByRegistryPathAsync(paths, new BatchOptions { AliasesPerRequest = 25 })
            .ToListAsync();

        Assert.All(items, i => Assert.Equal(paths[i.Index].Repository, i.Value?.Repository));
        Assert.Equal(4, items[^1].Index);
        Assert.Equal((2, 11), (session.Emulator.Stats.Requests, fieldCalls)); // the retry carried one alias, not ten
    }

    [Fact]
    public async Task An_alias_that_keeps_timing_out_fails_alone_after_the_configured_retries()
    {
        var slow = new Pyxis.Emulator.Catalog.SeedCatalog().RepositoryPaths(10).ElementAt(2).Repository;
        await using var session = await EmulatorSession.StartAsync(
            new EmulatorOptions
            {
                FieldFaultFor = call =>
                    call.Argument("repository") == slow
                        ? new EmulatorFault.PyxisError(500, "unable to fetch data from MongoDB in time")
                        : null,
            }
        );
        using var client = new PyxisClient(
            new PyxisClientOptions
            {
                Endpoint = session.Emulator.Endpoint,
                Retry = { ServerTimeoutRetries = 2, ServerTimeoutDelay = TimeSpan.FromMilliseconds(5) },
            }
        );

        var items = await client
            .GetRepositoriesByRegistryPathAsync(session.Paths(10), new BatchOptions { AliasesPerRequest = 25 })
            .ToListAsync();

        var failed = Assert.Single(items, i => !i.Succeeded);
        Assert.Equal((2, 500), (failed.Index, Assert.IsType<PyxisException>(failed.Exception).Status));
        Assert.Equal(10, items.Count);
        Assert.Equal(3, session.Emulator.Stats.Requests);
    }
}
