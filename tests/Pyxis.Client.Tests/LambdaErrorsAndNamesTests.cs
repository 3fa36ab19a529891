using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Pyxis.Client.Lambdas;
using Pyxis.Client.Telemetry;
using Pyxis.Emulator;

namespace Pyxis.Client.Tests;

/// <summary>What a lambda query's caller sees besides its answer: its partial result next to errors, and its name.</summary>
[Collection(SerialCollection.Name)]
public sealed class LambdaErrorsAndNamesTests
{
    private const string Broken = "broken/repo";

    [Fact]
    public async Task With_data_and_errors_the_exception_carries_the_lambdas_own_result_over_what_came()
    {
        await using var session = await EmulatorSession.StartAsync(
            new EmulatorOptions
            {
                FieldFaultFor = call =>
                    call.Argument("repository") == Broken ? new EmulatorFault.GraphQLError("rpm manifest unavailable") : null,
            }
        );
        var seeded = session.Emulator.Catalog.Repositories[3];
        var (registry, path) = ((string)seeded["registry"]!, (string)seeded["repository"]!);

        var error = await Assert.ThrowsAsync<PyxisGraphQLException>(() =>
            session.Client.QueryAsync(new { Registry = registry, Path = path }, static (q, v) =>
                (
                    Found: q.GetRepositoryByRegistryPath(v.Registry, v.Path, r => r.Data!.Repository),
                    Published: q.GetRepositoryByRegistryPath(v.Registry, v.Path, r => r.Data!.Published),
                    Failed: q.GetRepositoryByRegistryPath(v.Registry, Broken, r => r.Data!.Id)
                )
            )
        );

        Assert.Equal("rpm manifest unavailable", Assert.Single(error.Errors).Message);
        Assert.Equal(["f2"], Assert.Single(error.Errors).Path);
        Assert.Equal((path, (bool?)seeded["published"], (string?)null), error.GetPartialData<(string?, bool?, string?)>());
    }

    [Fact]
    public async Task A_lambda_query_is_named_after_its_call_site_in_traces_metrics_logs_and_on_the_wire()
    {
        var spans = new List<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == PyxisTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                lock (spans)
                    spans.Add(a.OperationName + "|" + a.GetTagItem("graphql.operation.name"));
            },
        };
        ActivitySource.AddActivityListener(listener);
        var measured = new List<string>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (i, l) =>
            {
                if (i.Meter.Name == PyxisTelemetry.Name)
                    l.EnableMeasurementEvents(i);
            },
        };
        meters.SetMeasurementEventCallback<double>(
            (i, _, tags, _) =>
            {
                foreach (var tag in tags)
                    if (i.Name == "pyxis.client.request.duration" && tag.Key == "graphql.operation.name")
                        lock (measured)
                            measured.Add((string)tag.Value!);
            }
        );
        meters.Start();
        var received = new System.Collections.Concurrent.ConcurrentQueue<string?>();
        await using var emulator = await PyxisEmulator.StartAsync(
            new EmulatorOptions
            {
                LatencyFor = r =>
                {
                    received.Enqueue(r.OperationName);
                    return null;
                },
            }
        );
        var logs = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        using var client = new PyxisClient(new PyxisClientOptions { Endpoint = emulator.Endpoint }, loggers.CreateLogger<PyxisClient>());
        var (registry, path) = emulator.Catalog.RepositoryPaths(1).Single();

        var (published, id) = await new ReleaseGate(client).CheckAsync(registry, path);

        Assert.Equal((string)emulator.Catalog.Repositories[0]["_id"]!, id);
        Assert.Equal((bool)emulator.Catalog.Repositories[0]["published"]!, published);
        string[] names = ["ReleaseGate_CheckAsync", "ReleaseGate_CheckAsync_2"];
        Assert.Equal(names.Select(n => $"pyxis {n}|{n}"), spans);
        Assert.Equal(names, measured);
        Assert.Equal(names, received);
        Assert.All(names, n => Assert.Contains(logs.Lines, l => l.Contains($"Pyxis {n} sending", StringComparison.Ordinal)));
    }

    /// <summary>A service with two lambda queries in one method: the second is numbered.</summary>
    private sealed class ReleaseGate(IPyxisClient client)
    {
        public async Task<(bool? Published, string? Id)> CheckAsync(string registry, string path)
        {
            var published = await client.QueryAsync((registry, path), static (q, v) =>
                q.GetRepositoryByRegistryPath(v.registry, v.path, r => r.Data?.Published)
            );
            var id = await client.QueryAsync((registry, path), static (q, v) =>
                q.GetRepositoryByRegistryPath(v.registry, v.path, r => r.Data?.Id)
            );
            return (published, id);
        }
    }
}
