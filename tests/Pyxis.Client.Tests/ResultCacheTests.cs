using Microsoft.Extensions.Time.Testing;
using Pyxis.Client.Lambdas;
using Pyxis.Emulator;

namespace Pyxis.Client.Tests;

/// <summary>The opt-in result cache: identical queries share one request, answers expire, failures are never kept.</summary>
public sealed class ResultCacheTests
{
    [Fact]
    public async Task Identical_lookups_in_flight_together_send_one_request_and_get_equal_answers()
    {
        var gates = new ResponseGates();
        await using var emulator = await PyxisEmulator.StartAsync(
            new EmulatorOptions { AnswerWhen = (_, ct) => gates.WaitAsync("all asked", ct) }
        );
        using var client = new PyxisClient(
            new PyxisClientOptions { Endpoint = emulator.Endpoint, Cache = { Duration = TimeSpan.FromMinutes(5) } }
        );
        var (registry, repository) = emulator.Catalog.RepositoryPaths(1).Single();

        var calls = Enumerable.Range(0, 20).Select(_ => client.GetRepositoryByRegistryPathAsync(registry, repository)).ToList();
        gates.Release("all asked");
        var answers = await Task.WhenAll(calls);

        Assert.Equal(1, emulator.Stats.Requests);
        Assert.All(answers, a => Assert.Equal(answers[0], a));
        Assert.Equal(repository, answers[0]?.Repository);
    }

    [Fact]
    public async Task An_answer_is_reused_until_it_is_older_than_CacheDuration()
    {
        var clock = new FakeTimeProvider();
        await using var emulator = await PyxisEmulator.StartAsync();
        using var client = new PyxisClient(
            new PyxisClientOptions
            {
                Endpoint = emulator.Endpoint,
                Cache = { Duration = TimeSpan.FromMinutes(1) },
                TimeProvider = clock,
            }
        );
        var (registry, repository) = emulator.Catalog.RepositoryPaths(1).Single();

        await client.GetRepositoryByRegistryPathAsync(registry, repository);
        clock.Advance(TimeSpan.FromSeconds(59));
        await client.GetRepositoryByRegistryPathAsync(registry, repository);
        Assert.Equal(1, emulator.Stats.Requests);

        clock.Advance(TimeSpan.FromSeconds(2));
        await client.GetRepositoryByRegistryPathAsync(registry, repository);
        Assert.Equal(2, emulator.Stats.Requests);
    }

    [Fact]
    public async Task Different_variables_are_different_answers_and_failures_are_asked_again()
    {
        var failFirst = 1;
        await using var emulator = await PyxisEmulator.StartAsync(
            new EmulatorOptions { FaultFor = _ => Interlocked.Exchange(ref failFirst, 0) == 1 ? new EmulatorFault.HttpStatus(503) : null }
        );
        using var client = new PyxisClient(
            new PyxisClientOptions
            {
                Endpoint = emulator.Endpoint,
                Cache = { Duration = TimeSpan.FromMinutes(5) },
                Retry = { MaxRetries = 0 },
            }
        );
        var paths = emulator.Catalog.RepositoryPaths(2).ToArray();

        await Assert.ThrowsAsync<PyxisTransportException>(() =>
            client.GetRepositoryByRegistryPathAsync(paths[0].Registry, paths[0].Repository)
        );
        var first = await client.GetRepositoryByRegistryPathAsync(paths[0].Registry, paths[0].Repository);
        var second = await client.GetRepositoryByRegistryPathAsync(paths[1].Registry, paths[1].Repository);

        Assert.Equal((paths[0].Repository, paths[1].Repository), (first?.Repository, second?.Repository));
        Assert.Equal(3, emulator.Stats.Requests);
    }

    [Fact]
    public async Task Without_CacheDuration_every_call_is_a_request()
    {
        await using var emulator = await PyxisEmulator.StartAsync();
        using var client = new PyxisClient(new PyxisClientOptions { Endpoint = emulator.Endpoint });
        var (registry, repository) = emulator.Catalog.RepositoryPaths(1).Single();

        await client.GetRepositoryByRegistryPathAsync(registry, repository);
        await client.GetRepositoryByRegistryPathAsync(registry, repository);

        Assert.Equal(2, emulator.Stats.Requests);
    }

    [Fact]
    public async Task A_caller_that_cancels_stops_waiting_while_the_shared_request_still_answers_the_others()
    {
        var gates = new ResponseGates();
        await using var emulator = await PyxisEmulator.StartAsync(
            new EmulatorOptions { AnswerWhen = (_, ct) => gates.WaitAsync("answer", ct) }
        );
        using var client = new PyxisClient(
            new PyxisClientOptions { Endpoint = emulator.Endpoint, Cache = { Duration = TimeSpan.FromMinutes(5) } }
        );
        var (registry, repository) = emulator.Catalog.RepositoryPaths(1).Single();
        using var cancel = new CancellationTokenSource();

        var leaving = client.GetRepositoryByRegistryPathAsync(registry, repository, cancel.Token);
        var staying = client.GetRepositoryByRegistryPathAsync(registry, repository);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);
        gates.Release("answer");

        Assert.Equal(repository, (await staying)?.Repository);
        Assert.Equal(1, emulator.Stats.Requests);
    }

    [Fact]
    public async Task A_lambda_query_is_answered_from_the_cache_each_caller_projecting_its_own_copy()
    {
        await using var emulator = await PyxisEmulator.StartAsync();
        using var client = new PyxisClient(
            new PyxisClientOptions { Endpoint = emulator.Endpoint, Cache = { Duration = TimeSpan.FromMinutes(5) } }
        );
        var paths = emulator.Catalog.RepositoryPaths(2).ToArray();

        foreach (var i in new[] { 0, 1, 0, 1, 0 })
        {
            var id = await client.QueryAsync(paths[i], static (q, v) =>
                q.GetRepositoryByRegistryPath(v.Registry, v.Repository, r => r.Data?.Id)
            );
            Assert.Equal((string)emulator.Catalog.FindRepository(paths[i].Registry, paths[i].Repository)!["_id"]!, id);
        }

        Assert.Equal(2, emulator.Stats.Requests);
    }

    [Fact]
    public async Task Answers_beyond_the_memory_limit_are_not_kept()
    {
        await using var emulator = await PyxisEmulator.StartAsync();
        using var client = new PyxisClient(
            new PyxisClientOptions { Endpoint = emulator.Endpoint, Cache = { Duration = TimeSpan.FromMinutes(5), MemoryLimit = 1 } }
        );
        var paths = emulator.Catalog.RepositoryPaths(2).ToArray();

        foreach (var i in new[] { 0, 1, 0, 1 })
        {
            await client.GetRepositoryByRegistryPathAsync(paths[i].Registry, paths[i].Repository);
        }

        Assert.Equal(4, emulator.Stats.Requests); // no answer fits in one byte
    }

    [Theory]
    [InlineData("mutation Touch { create_image(input: { architecture: \"arm64\" }) { error { status } } }", 2)]
    [InlineData("query Look { get_repository_by_registry_path(registry: \"a\", repository: \"b\") { error { status } } }", 1)]
    public async Task Mutations_always_reach_the_server_while_the_same_query_is_asked_once(string document, int requests)
    {
        await using var emulator = await PyxisEmulator.StartAsync();
        using var client = new PyxisClient(
            new PyxisClientOptions { Endpoint = emulator.Endpoint, Cache = { Duration = TimeSpan.FromMinutes(5) } }
        );
        PyxisRequest<System.Text.Json.JsonElement> Request() =>
            new(document.Split(' ')[1], document, "{}"u8.ToArray(), static (ref System.Text.Json.Utf8JsonReader reader) =>
                System.Text.Json.JsonElement.ParseValue(ref reader)
            );

        await client.ExecuteAsync(Request());
        await client.ExecuteAsync(Request());

        Assert.Equal(requests, emulator.Stats.Requests);
    }

    [Theory]
    [InlineData(-1, 10, "PyxisClientOptions.Cache.Duration")]
    [InlineData(60, 0, "PyxisClientOptions.Cache.MemoryLimit")]
    public void Impossible_cache_settings_are_refused_by_name(int seconds, int limit, string setting)
    {
        var options = new PyxisClientOptions { Cache = { Duration = TimeSpan.FromSeconds(seconds), MemoryLimit = limit } };

        Assert.Contains(options.Problems(), p => p.Contains(setting, StringComparison.Ordinal));
    }
}
