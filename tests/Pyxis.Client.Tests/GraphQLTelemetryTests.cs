using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Pyxis.Client.Batching;
using Pyxis.Client.Telemetry;
using Pyxis.Emulator;

namespace Pyxis.Client.Tests;

/// <summary>
/// What an OpenTelemetry pipeline receives (through its in-memory exporter): spans and metrics with the GraphQL semantic
/// conventions, and the alias, coalescing and adaptive-size counts.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class GraphQLTelemetryTests
{
    [Fact]
    public async Task Spans_and_metrics_carry_the_GraphQL_conventions_and_the_batch_coalescing_and_sizing_counts()
    {
        var spans = new List<Activity>();
        var metrics = new List<MetricSnapshot>();
        using (var tracing = Sdk.CreateTracerProviderBuilder().AddSource(PyxisTelemetry.Name).AddInMemoryExporter(spans).Build())
        using (var metering = Sdk.CreateMeterProviderBuilder().AddMeter(PyxisTelemetry.Name).AddInMemoryExporter(metrics).Build())
        {
            var gates = new ResponseGates();
            await using var emulator = await PyxisEmulator.StartAsync(
                new EmulatorOptions
                {
                    TimeOutOverAliases = 10,
                    AnswerWhen = (r, ct) => gates.WaitAsync(r.OperationName == "GetRepositoryByRegistryPath" ? "go" : null, ct),
                }
            );
            using var client = new PyxisClient(
                new PyxisClientOptions { Endpoint = emulator.Endpoint, Retry = { ServerTimeoutRetries = 0 } }
            );
            var paths = emulator.Catalog.RepositoryPaths(30).ToArray();

            var identical = Enumerable
                .Range(0, 3)
                .Select(_ => client.GetRepositoryByRegistryPathAsync(paths[0].Registry, paths[0].Repository));
            var calls = identical.ToList();
            gates.Release("go");
            await Task.WhenAll(calls);
            var batch = await client.GetRepositoriesByRegistryPathAsync(paths, new BatchOptions { AliasesPerRequest = 20 }).ToListAsync();
            Assert.All(batch, item => Assert.True(item.Succeeded));

            tracing.ForceFlush();
            metering.ForceFlush();
        }

        var single = Assert.Single(spans, s => s.DisplayName == "pyxis GetRepositoryByRegistryPath");
        Assert.Equal("GetRepositoryByRegistryPath", single.GetTagItem("graphql.operation.name"));
        Assert.Equal("query", single.GetTagItem("graphql.operation.type"));
        Assert.Equal(Sha256(GetRepositoryByRegistryPathQuery.Document), single.GetTagItem("graphql.document.hash"));
        var joined = spans.Where(s => s.DisplayName == "pyxis GetRepositoryByRegistryPath (coalesced)").ToList();
        Assert.Equal(2, joined.Count);
        Assert.All(joined, s => Assert.Equal(true, s.GetTagItem("pyxis.coalesced")));

        // Twenty aliases time out, so the thirty lookups go as 10 + 10 + 10 after one 20.
        var batches = spans.Where(s => s.DisplayName == "pyxis GetRepositoryByRegistryPathBatch").ToList();
        Assert.Equal([10, 10, 10, 20], batches.Select(s => (int)s.GetTagItem("pyxis.batch.aliases")!).Order());
        Assert.All(batches, s => Assert.Equal("query", s.GetTagItem("graphql.operation.type")));

        Assert.Equal(2, Sum(metrics, "pyxis.client.coalesced", ("graphql.operation.name", "GetRepositoryByRegistryPath")));
        Assert.Equal(1, Sum(metrics, "pyxis.client.adaptive.shrinks", ("pyxis.size.kind", "aliases")));
        Assert.Equal(4, Count(metrics, "pyxis.client.request.size", ("graphql.operation.name", "GetRepositoryByRegistryPath")));
        Assert.Equal(1, Count(metrics, "pyxis.client.request.duration", ("graphql.operation.name", "GetRepositoryByRegistryPath")));
        Assert.Equal(5, Count(metrics, "pyxis.client.request.duration", ("graphql.operation.type", "query")));
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static long Sum(List<MetricSnapshot> metrics, string name, (string Key, string Value) tag) =>
        Points(metrics, name, tag).Sum(p => p.GetSumLong());

    private static long Count(List<MetricSnapshot> metrics, string name, (string Key, string Value) tag) =>
        Points(metrics, name, tag).Sum(p => p.GetHistogramCount());

    // The last export of each metric holds its cumulative points.
    private static List<MetricPoint> Points(List<MetricSnapshot> metrics, string name, (string Key, string Value) tag)
    {
        var points = new List<MetricPoint>();
        var last = metrics.LastOrDefault(m => m.Name == name);
        foreach (var point in last?.MetricPoints ?? [])
        {
            foreach (var pair in point.Tags)
            {
                if (pair.Key == tag.Key && Equals(pair.Value, tag.Value))
                {
                    points.Add(point);
                    break;
                }
            }
        }

        return points;
    }
}
