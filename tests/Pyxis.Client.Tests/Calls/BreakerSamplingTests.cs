using Pyxis.Client.Tests.Hostile;

namespace Pyxis.Client.Tests.Calls;

/// <summary>The circuit breaker's sampling (its window and the fewest attempts before it may open) is configurable and used.</summary>
public sealed class BreakerSamplingTests
{
    [Fact]
    public async Task A_low_minimum_throughput_opens_the_breaker_after_that_many_failures()
    {
        await using var server = await HostileServer.AnsweringAsync(500, "text/plain", "down");
        using var client = new PyxisClient(Options(server, minimumThroughput: 2));

        await Assert.ThrowsAsync<PyxisTransportException>(() => client.GetRepositoryByRegistryPathAsync("quay.io", "a"));
        await Assert.ThrowsAsync<PyxisTransportException>(() => client.GetRepositoryByRegistryPathAsync("quay.io", "b"));
        var third = await Assert.ThrowsAsync<PyxisTransportException>(() => client.GetRepositoryByRegistryPathAsync("quay.io", "c"));

        Assert.Contains("circuit breaker is open", third.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests);
    }

    [Fact]
    public async Task With_the_default_minimum_throughput_the_same_failures_all_reach_the_server()
    {
        await using var server = await HostileServer.AnsweringAsync(500, "text/plain", "down");
        using var client = new PyxisClient(Options(server, minimumThroughput: new PyxisClientOptions().Breaker.MinimumThroughput));

        for (var i = 0; i < 3; i++)
        {
            var error = await Assert.ThrowsAsync<PyxisTransportException>(() =>
                client.GetRepositoryByRegistryPathAsync("quay.io", "r" + i)
            );
            Assert.Contains("HTTP 500", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(3, server.Requests);
    }

    [Fact]
    public void Sampling_values_Polly_cannot_use_are_refused_naming_the_option()
    {
        var throughput = Assert.Throws<ArgumentException>(() =>
            new PyxisClient(new PyxisClientOptions { Breaker = { MinimumThroughput = 1 } })
        );
        var window = Assert.Throws<ArgumentException>(() =>
            new PyxisClient(new PyxisClientOptions { Breaker = { SamplingDuration = TimeSpan.FromMilliseconds(100) } })
        );

        Assert.Contains("PyxisClientOptions.Breaker.MinimumThroughput must be at least 2", throughput.Message, StringComparison.Ordinal);
        Assert.Contains("PyxisClientOptions.Breaker.SamplingDuration must be at least 0.5 s", window.Message, StringComparison.Ordinal);
    }

    // A window far longer than the test, so a loaded machine cannot let the failures age out of it.
    private static PyxisClientOptions Options(HostileServer server, int minimumThroughput) =>
        new()
        {
            Endpoint = server.Endpoint,
            Retry = { MaxRetries = 0 },
            Breaker =
            {
                MinimumThroughput = minimumThroughput,
                SamplingDuration = TimeSpan.FromMinutes(10),
                BreakDuration = TimeSpan.FromMinutes(10),
            },
        };
}
