using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pyxis.Emulator;

namespace Pyxis.Client.Tests;

/// <summary><c>services.AddPyxisClient</c>: wiring, validation, resilience, secrets, trace ids.</summary>
public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task The_registered_client_resolves_and_calls_Pyxis()
    {
        await using var emulator = await PyxisEmulator.StartAsync();
        await using var provider = Services(o => o.Endpoint = emulator.Endpoint).BuildServiceProvider();

        var client = provider.GetRequiredService<IPyxisClient>();
        var path = emulator.Catalog.RepositoryPaths(1).Single();

        Assert.Equal(path.Repository, (await client.GetRepositoryByRegistryPathAsync(path.Registry, path.Repository))!.Repository);
    }

    [Fact]
    public async Task Every_resolved_client_shares_one_result_cache()
    {
        await using var emulator = await PyxisEmulator.StartAsync();
        await using var provider = Services(o => (o.Endpoint, o.Cache.Duration) = (emulator.Endpoint, TimeSpan.FromMinutes(5)))
            .BuildServiceProvider();
        var path = emulator.Catalog.RepositoryPaths(1).Single();

        var first = provider.GetRequiredService<IPyxisClient>();
        var second = provider.GetRequiredService<IPyxisClient>();
        await first.GetRepositoryByRegistryPathAsync(path.Registry, path.Repository);
        await second.GetRepositoryByRegistryPathAsync(path.Registry, path.Repository);

        Assert.NotSame(first, second);
        Assert.Equal(1, emulator.Stats.Requests);
    }

    [Fact]
    public void Invalid_options_fail_at_resolution_naming_every_problem()
    {
        using var provider = Services(o =>
            {
                o.Endpoint = new Uri("ftp://example.com/");
                o.Tls.ClientCertificatePath = "/nowhere/cert.pem";
            })
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IPyxisClient>());

        Assert.Contains("Endpoint must be an absolute http(s) URI", error.Message, StringComparison.Ordinal);
        Assert.Contains("ClientCertificatePath and ClientKeyPath must be set together", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transient_HTTP_failures_are_retried_by_the_standard_pipeline()
    {
        await using var emulator = await PyxisEmulator.StartAsync(
            new EmulatorOptions { FaultFor = r => r.Number <= 2 ? new EmulatorFault.HttpStatus(503) : null }
        );
        await using var provider = Services(o => o.Endpoint = emulator.Endpoint).BuildServiceProvider();

        var repository = await provider.GetRequiredService<IPyxisClient>().GetRepositoryByRegistryPathAsync("quay.io", "rhel8/ubi");

        Assert.NotNull(repository);
        Assert.Equal(3, emulator.Stats.Requests);
    }

    [Fact]
    public async Task A_GraphQL_validation_error_is_never_retried()
    {
        await using var emulator = await PyxisEmulator.StartAsync();
        await using var provider = Services(o => o.Endpoint = emulator.Endpoint).BuildServiceProvider();
        var request = new PyxisRequest<int>("Broken", "query Broken { nope }", "{}"u8.ToArray(), (ref System.Text.Json.Utf8JsonReader _) =>
            0
        );

        await Assert.ThrowsAsync<PyxisGraphQLException>(() => provider.GetRequiredService<IPyxisClient>().ExecuteAsync(request));

        Assert.Equal(1, emulator.Stats.Requests);
    }

    [Fact]
    public async Task Secrets_never_reach_logs_messages_or_ToString_and_errors_carry_the_trace_id()
    {
        const string apiKey = "sekret-api-key-4711";
        var logs = new CapturingLoggerProvider();
        await using var emulator = await PyxisEmulator.StartAsync(
            new EmulatorOptions { FaultFor = _ => new EmulatorFault.HttpStatus(500) }
        );
        var services = Services(o =>
        {
            o.Endpoint = emulator.Endpoint;
            o.ApiKey = apiKey;
            o.SecretVariables.Add("repository");
        });
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        await using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<PyxisTransportException>(() =>
            provider.GetRequiredService<IPyxisClient>().GetRepositoryByRegistryPathAsync("quay.io", "very-private/repo")
        );

        Assert.Equal(500, error.HttpStatus);
        Assert.Equal((emulator.Stats.Requests).ToString("x16", System.Globalization.CultureInfo.InvariantCulture), error.TraceId);
        Assert.Contains(error.TraceId!, error.Message, StringComparison.Ordinal);
        Assert.Contains("\"repository\":\"***\"", error.Message, StringComparison.Ordinal);
        var everything = string.Join("\n", logs.Lines) + error + provider.GetRequiredService<IOptions<PyxisClientOptions>>().Value;
        Assert.Contains("Pyxis GetRepositoryByRegistryPath failed", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(apiKey, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("very-private", everything, StringComparison.Ordinal);
    }

    internal static ServiceCollection Services(Action<PyxisClientOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddPyxisClient(o =>
        {
            o.Retry.Delay = TimeSpan.FromMilliseconds(5);
            o.Retry.MaxRetries = 3;
            configure(o);
        });
        return services;
    }
}
