using System.Net.Http.Json;
using System.Text;
using BenchmarkDotNet.Attributes;
using Pyxis.Benchmarks.Floor;
using Pyxis.Client;
using Pyxis.Client.Lambdas;

namespace Pyxis.Benchmarks;

/// <summary>
/// One <c>GetRepositoryByRegistryPath</c> through the SDK vs the floor (HttpClient + System.Text.Json source
/// generation) sending the same document, against a canned answer. Targets: ≤ 1.10× time, ≤ 1.20× allocations.
/// </summary>
[MemoryDiagnoser]
public class ClientOverheadBenchmarks
{
    private const string Registry = "registry.access.redhat.com";
    private const string Repository = "ubi8/ubi";
    private static readonly Uri Endpoint = new("http://pyxis.invalid/api/containers/graphql/");

    private static readonly byte[] Answer = Encoding.UTF8.GetBytes("""
        {"data":{"get_repository_by_registry_path":{"data":{"_id":"57ea8cee9c624c035f96f3af","registry":"registry.access.redhat.com",
        "repository":"ubi8/ubi","published":true,"vendor_label":"redhat","release_categories":["Generally Available"],
        "auto_rebuild_tags":["latest","8.10"]},"error":null}}}
        """);

    // A lambda query names its root field f0; the answer is otherwise the same bytes.
    private static readonly byte[] LambdaAnswer = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Answer).Replace("\"get_repository_by_registry_path\"", "\"f0\"", StringComparison.Ordinal));

    private HttpClient lambdaHttp = null!;
    private PyxisClient lambdaSdk = null!;
    private HttpClient sdkHttp = null!;
    private HttpClient rawHttp = null!;
    private PyxisClient sdk = null!;

    [GlobalSetup]
    public void Setup()
    {
        sdkHttp = new HttpClient(new CannedResponseHandler(Answer));
        rawHttp = new HttpClient(new CannedResponseHandler(Answer));
        sdk = new PyxisClient(sdkHttp, new PyxisClientOptions { Endpoint = Endpoint });
        lambdaHttp = new HttpClient(new CannedResponseHandler(LambdaAnswer));
        lambdaSdk = new PyxisClient(lambdaHttp, new PyxisClientOptions { Endpoint = Endpoint });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        sdk.Dispose();
        sdkHttp.Dispose();
        lambdaSdk.Dispose();
        lambdaHttp.Dispose();
        rawHttp.Dispose();
    }

    [Benchmark(Baseline = true, Description = "HttpClient + STJ source-gen (floor)")]
    public async Task<string?> Floor()
    {
        var request = new RawRequest(GetRepositoryByRegistryPathQuery.Document, GetRepositoryByRegistryPathQuery.OperationName, new RawVariables(Registry, Repository));
        using var response = await rawHttp.PostAsJsonAsync(Endpoint, request, RawJsonContext.Default.RawRequest);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync(RawJsonContext.Default.RawResponse);
        var envelope = body?.Data?.Lookup;
        return envelope?.Error is null ? envelope?.Data?.Repository : throw new InvalidOperationException(envelope.Error.Detail);
    }

    [Benchmark(Description = "PyxisClient.GetRepositoryByRegistryPathAsync")]
    public async Task<string?> Sdk() => (await sdk.GetRepositoryByRegistryPathAsync(Registry, Repository))?.Repository;

    // The same lookup as a lambda query (it selects only repository, so the canned answer's other fields are skipped).
    [Benchmark(Description = "PyxisClient.QueryAsync (lambda query)")]
    public Task<string?> Lambda() =>
        lambdaSdk.QueryAsync((Registry, Repository), static (q, v) => q.GetRepositoryByRegistryPath(v.Registry, v.Repository, r => r.Data?.Repository));
}
