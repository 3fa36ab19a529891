using System.Text.Json;
using Pyxis.Emulator;

namespace Pyxis.Client.Tests;

/// <summary>
/// Coalescing without a cache: identical queries in flight together send one request (counted by the emulator), each
/// caller's cancellation is its own, and a failure reaches every caller as its own typed exception.
/// </summary>
public sealed class CoalescingTests
{
    [Fact]
    public async Task Fifty_identical_lookups_in_flight_together_send_one_request()
    {
        var gates = new ResponseGates();
        await using var emulator = await PyxisEmulator.StartAsync(
            new EmulatorOptions { AnswerWhen = (_, ct) => gates.WaitAsync("go", ct) }
        );
        using var client = new PyxisClient(new PyxisClientOptions { Endpoint = emulator.Endpoint });
        var (registry, repository) = emulator.Catalog.RepositoryPaths(1).Single();

        var calls = Enumerable.Range(0, 50).Select(_ => client.GetRepositoryByRegistryPathAsync(registry, repository)).ToList();
        gates.Release("go");
        var answers = await Task.WhenAll(calls);

        Assert.Equal(1, emulator.Stats.Requests);
        Assert.All(answers, a => Assert.Equal(repository, a?.Repository));
    }

    [Fact]
    public async Task Different_variables_or_coalescing_turned_off_send_a_request_each()
    {
        var gates = new ResponseGates();
        await using var emulator = await PyxisEmulator.StartAsync(
            new EmulatorOptions { AnswerWhen = (_, ct) => gates.WaitAsync("go", ct) }
        );
        using var client = new PyxisClient(new PyxisClientOptions { Endpoint = emulator.Endpoint });
        using var separate = new PyxisClient(new PyxisClientOptions { Endpoint = emulator.Endpoint, Coalescing = { Enabled = false } });
        var paths = emulator.Catalog.RepositoryPaths(3).ToArray();

        var calls = paths
            .Select(p => client.GetRepositoryByRegistryPathAsync(p.Registry, p.Repository))
            .Concat(Enumerable.Range(0, 4).Select(_ => separate.GetRepositoryByRegistryPathAsync(paths[0].Registry, paths[0].Repository)))
            .ToList();
        while (emulator.Stats.InFlight < 7)
        {
            await Task.Delay(10);
        }

        gates.Release("go");
        var answers = await Task.WhenAll(calls);

        Assert.Equal(7, emulator.Stats.Requests);
        Assert.Equal(paths.Select(p => p.Repository).Concat(Enumerable.Repeat(paths[0].Repository, 4)), answers.Select(a => a?.Repository));
    }

    [Fact]
    public async Task Identical_mutations_in_flight_together_are_each_sent()
    {
        var gates = new ResponseGates();
        await using var emulator = await PyxisEmulator.StartAsync(
            new EmulatorOptions { AnswerWhen = (_, ct) => gates.WaitAsync("go", ct) }
        );
        using var client = new PyxisClient(new PyxisClientOptions { Endpoint = emulator.Endpoint });
        const string Document = "mutation Touch { create_image(input: { architecture: \"arm64\" }) { error { status } } }";

        var calls = Enumerable.Range(0, 3).Select(_ => client.ExecuteAsync(Raw("Touch", Document))).ToList();
        while (emulator.Stats.InFlight < 3)
        {
            await Task.Delay(10);
        }

        gates.Release("go");
        await Task.WhenAll(calls);

        Assert.Equal(3, emulator.Stats.Requests);
    }

    [Fact]
    public async Task A_caller_who_cancels_stops_only_its_own_wait()
    {
        var gates = new ResponseGates();
        await using var emulator = await PyxisEmulator.StartAsync(
            new EmulatorOptions { AnswerWhen = (_, ct) => gates.WaitAsync("go", ct) }
        );
        using var client = new PyxisClient(new PyxisClientOptions { Endpoint = emulator.Endpoint });
        var (registry, repository) = emulator.Catalog.RepositoryPaths(1).Single();
        using var first = new CancellationTokenSource();

        var leader = client.GetRepositoryByRegistryPathAsync(registry, repository, first.Token);
        var others = Enumerable.Range(0, 3).Select(_ => client.GetRepositoryByRegistryPathAsync(registry, repository)).ToList();
        await first.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leader);
        gates.Release("go");
        var answers = await Task.WhenAll(others);

        Assert.Equal(1, emulator.Stats.Requests);
        Assert.All(answers, a => Assert.Equal(repository, a?.Repository));
    }

    [Fact]
    public async Task The_shared_request_is_cancelled_once_every_caller_has_left_and_the_next_call_asks_again()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hold = 1;
        await using var emulator = await PyxisEmulator.StartAsync(
            new EmulatorOptions
            {
                AnswerWhen = async (_, ct) =>
                {
                    if (Interlocked.Exchange(ref hold, 0) == 1)
                    {
                        using var registration = ct.Register(() => aborted.TrySetResult());
                        await Task.Delay(TimeSpan.FromSeconds(30), ct);
                    }
                },
            }
        );
        using var client = new PyxisClient(new PyxisClientOptions { Endpoint = emulator.Endpoint });
        var (registry, repository) = emulator.Catalog.RepositoryPaths(1).Single();
        using var a = new CancellationTokenSource();
        using var b = new CancellationTokenSource();

        var calls = new[] { a, b }.Select(c => client.GetRepositoryByRegistryPathAsync(registry, repository, c.Token)).ToList();
        while (emulator.Stats.InFlight < 1)
        {
            await Task.Delay(10);
        }

        await a.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => calls[0]);
        await Task.Delay(200); // time enough for a wrongly cancelled request to reach the server
        Assert.False(aborted.Task.IsCompleted, "one caller still waits, so the request goes on");
        await b.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => calls[1]);
        await aborted.Task.WaitAsync(Hang.Limit);

        var again = await client.GetRepositoryByRegistryPathAsync(registry, repository);
        Assert.Equal(repository, again?.Repository);
        Assert.Equal(2, emulator.Stats.Requests);
    }

    [Fact]
    public async Task A_failure_reaches_every_caller_as_its_own_typed_exception()
    {
        var gates = new ResponseGates();
        await using var emulator = await PyxisEmulator.StartAsync(
            new EmulatorOptions { FaultFor = _ => new EmulatorFault.HttpStatus(503), AnswerWhen = (_, ct) => gates.WaitAsync("go", ct) }
        );
        using var client = new PyxisClient(new PyxisClientOptions { Endpoint = emulator.Endpoint, Retry = { MaxRetries = 0 } });
        var (registry, repository) = emulator.Catalog.RepositoryPaths(1).Single();

        var calls = Enumerable.Range(0, 5).Select(_ => client.GetRepositoryByRegistryPathAsync(registry, repository)).ToList();
        gates.Release("go");
        var errors = new List<PyxisTransportException>();
        foreach (var call in calls)
        {
            errors.Add(await Assert.ThrowsAsync<PyxisTransportException>(() => call));
        }

        Assert.Equal(1, emulator.Stats.Requests);
        Assert.All(errors, e => Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, e.StatusCode));
        Assert.All(errors, e => Assert.Contains(repository, e.Variables, StringComparison.Ordinal));
        Assert.Equal(5, errors.Distinct(ReferenceEqualityComparer.Instance).Count());
    }

    [Fact]
    public async Task Documents_of_the_same_length_and_name_with_the_same_variables_are_not_taken_for_one_another()
    {
        // The in-flight key hashes a document by its length only, so these two collide; each must still get its own answer.
        const string Asks =
            "query Same($registry: String!, $repository: String!) { get_repository_by_registry_path(registry: $registry, repository: $repository) { data { repository } } }";
        const string Other =
            "query Same($registry: String!, $repository: String!) { get_repository_by_registry_path(registry: $registry, repository: $repository) { data { registry   } } }";
        Assert.Equal(Asks.Length, Other.Length);
        var gates = new ResponseGates();
        await using var emulator = await PyxisEmulator.StartAsync(
            new EmulatorOptions { AnswerWhen = (_, ct) => gates.WaitAsync("go", ct) }
        );
        using var client = new PyxisClient(new PyxisClientOptions { Endpoint = emulator.Endpoint });
        var (registry, repository) = emulator.Catalog.RepositoryPaths(1).Single();
        var variables = JsonSerializer.SerializeToUtf8Bytes(new { registry, repository });

        var calls = new[] { Asks, Other, Asks }.Select(d => client.ExecuteAsync(Raw("Same", d, variables))).ToList();
        gates.Release("go");
        var answers = (await Task.WhenAll(calls)).Select(a => a.GetRawText()).ToArray();

        Assert.Equal(2, emulator.Stats.Requests); // the third joined the first
        Assert.Contains("\"repository\"", answers[0], StringComparison.Ordinal);
        Assert.Contains("\"registry\"", answers[1], StringComparison.Ordinal);
        Assert.DoesNotContain("\"repository\"", answers[1], StringComparison.Ordinal);
        Assert.Equal(answers[0], answers[2]);
    }

    private static PyxisRequest<JsonElement> Raw(string name, string document, byte[]? variables = null) =>
        new(name, document, variables ?? "{}"u8.ToArray(), static (ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader));
}
