using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using Pyxis.Client.SchemaCheck;
using Pyxis.Emulator;

namespace Pyxis.Client.Tests.SchemaCheck;

/// <summary><c>AddPyxisClient(…).AddSchemaCheck(…)</c> against the emulator serving the bundled schema or an edited one.</summary>
public sealed class SchemaHealthCheckTests
{
    private static readonly IReadOnlyList<PyxisOperationInfo> Curated = PyxisOperationSources.ReadFolder(
        Path.Combine(Pyxis.Testing.RepositoryRoot.Path, "schema", "operations")
    );

    [Fact]
    public async Task The_bundled_schema_is_healthy()
    {
        await using var emulator = await PyxisEmulator.StartAsync();
        await using var provider = Services(emulator.Endpoint).BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var entry = report.Entries["pyxis-schema"];
        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Contains($"all {Curated.Count} shipped operations", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_live_schema_that_breaks_a_shipped_operation_is_degraded_and_names_it()
    {
        var edited = PyxisSchemaCheck.BundledSchema.Replace(
            "  auto_rebuild_tags: [String]\n",
            "  auto_rebuild_tag_list: [String]\n",
            StringComparison.Ordinal
        );
        await using var emulator = await PyxisEmulator.StartAsync(new EmulatorOptions { Schema = edited });
        await using var provider = Services(emulator.Endpoint).BuildServiceProvider();

        var entry = (await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["pyxis-schema"];

        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.Contains("GetRepositoryByRegistryPath (", entry.Description, StringComparison.Ordinal);
        Assert.Contains("ContainerRepository.auto_rebuild_tags was removed", entry.Description, StringComparison.Ordinal);
        Assert.Equal(
            ["FindRepositories", "GetRepositoryByRegistryPath"],
            ((string[])entry.Data["brokenOperations"]).Order(StringComparer.Ordinal)
        );
    }

    [Fact]
    public async Task Probes_within_the_interval_reuse_the_result_and_the_next_one_asks_again()
    {
        await using var emulator = await PyxisEmulator.StartAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var services = Services(emulator.Endpoint, o => o.Interval = TimeSpan.FromMinutes(5));
        services.AddSingleton<TimeProvider>(time);
        await using var provider = services.BuildServiceProvider();
        var health = provider.GetRequiredService<HealthCheckService>();

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => health.CheckHealthAsync()));
        var afterBurst = emulator.Stats.Requests;
        time.Advance(TimeSpan.FromMinutes(4));
        await health.CheckHealthAsync();
        var withinInterval = emulator.Stats.Requests;
        time.Advance(TimeSpan.FromMinutes(2));
        await health.CheckHealthAsync();

        // One check is one introspection (two requests when the server refuses includeDeprecated on arguments).
        Assert.InRange(afterBurst, 1, 2);
        Assert.Equal(afterBurst, withinInterval);
        Assert.Equal(2 * afterBurst, emulator.Stats.Requests);
    }

    [Fact]
    public async Task When_Pyxis_cannot_be_asked_the_check_says_so_with_the_configured_status()
    {
        int port;
        await using (var gone = await PyxisEmulator.StartAsync())
        {
            port = gone.Endpoint.Port;
        }

        var services = Services(new Uri($"http://127.0.0.1:{port}{PyxisEmulator.GraphQLPath}"), o =>
            o.CannotCheckStatus = HealthStatus.Unhealthy
        );
        await using var provider = services.BuildServiceProvider();

        var entry = (await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["pyxis-schema"];

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.StartsWith("Could not check Pyxis's schema: ", entry.Description, StringComparison.Ordinal);
        Assert.IsType<PyxisTransportException>(entry.Exception);
    }

    private static ServiceCollection Services(Uri endpoint, Action<PyxisSchemaHealthCheckOptions>? more = null)
    {
        var services = new ServiceCollection();
        services
            .AddPyxisClient(o => (o.Endpoint, o.Retry.MaxRetries, o.Timeouts.Total) = (endpoint, 0, TimeSpan.FromSeconds(30)))
            .AddSchemaCheck(o =>
            {
                o.Operations.AddRange(Curated);
                more?.Invoke(o);
            });
        return services;
    }
}
