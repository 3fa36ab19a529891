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

    private static readonly byte[] Answer = Encoding.UTF8.GetBytes(
        """
        {"data":{"get_repository_by_registry_path":{"data":{"_id":"57ea8cee9c624c035f96f3af","registry":"registry.access.redhat.com",
        "repository":"ubi8/ubi","published":true,"vendor_label":"redhat","release_categories":["Generally Available"],
        "auto_rebuild_tags":["latest","8.10"]},"error":null}}}
        """
    );

    // A lambda query names its root field f0; the answer is otherwise the same bytes.
    private static readonly byte[] LambdaAnswer = Encoding.UTF8.GetBytes(
        Encoding.UTF8.GetString(Answer).Replace("\"get_repository_by_registry_path\"", "\"f0\"", StringComparison.Ordinal)
    );

    private HttpClient lambdaHttp = null!;
    private PyxisClient lambdaSdk = null!;
    private HttpClient narrowHttp = null!;
    private PyxisClient narrowSdk = null!;
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
        narrowHttp = new HttpClient(new CannedResponseHandler(Answer));
        narrowSdk = new PyxisClient(narrowHttp, new PyxisClientOptions { Endpoint = Endpoint });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        sdk.Dispose();
        sdkHttp.Dispose();
        lambdaSdk.Dispose();
        lambdaHttp.Dispose();
        narrowSdk.Dispose();
        narrowHttp.Dispose();
        rawHttp.Dispose();
    }

    [Benchmark(Baseline = true, Description = "HttpClient + STJ source-gen (floor)")]
    public async Task<string?> Floor()
    {
        var request = new RawRequest(
            GetRepositoryByRegistryPathQuery.Document,
            GetRepositoryByRegistryPathQuery.OperationName,
            new RawVariables(Registry, Repository)
        );
        using var response = await rawHttp.PostAsJsonAsync(Endpoint, request, RawJsonContext.Default.RawRequest);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync(RawJsonContext.Default.RawResponse);
        var envelope = body?.Data?.Lookup;
        return envelope?.Error is null ? envelope?.Data?.Repository : throw new InvalidOperationException(envelope.Error.Detail);
    }

    [Benchmark(Description = "PyxisClient.GetRepositoryByRegistryPathAsync")]
    public async Task<string?> Sdk() => (await sdk.GetRepositoryByRegistryPathAsync(Registry, Repository))?.Repository;

    // The lambda rows are compared with the .graphql operation asking the same fields, over the same canned bytes
    // (which carry more fields than either asks: both readers skip them).
    [Benchmark(Description = "RepositoryNameAsync (.graphql: data { repository })")]
    public async Task<string?> Narrow() =>
        (await narrowSdk.RepositoryNameAsync(Registry, Repository)).GetRepositoryByRegistryPath?.Data?.Repository;

    [Benchmark(Description = "QueryAsync (lambda: r => r.Data?.Repository)")]
    public Task<string?> Lambda() =>
        lambdaSdk.QueryAsync((Registry, Repository), static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Repository, r => r.Data?.Repository)
        );

    // What GetRepositoryByRegistryPathAsync asks (RepositoryFields and the error), built into a record by the lambda.
    [Benchmark(Description = "QueryAsync (lambda: the curated operation's fields)")]
    public Task<RepositoryRow?> LambdaWide() =>
        lambdaSdk.QueryAsync((Registry, Repository), static (q, v) => q.GetRepositoryByRegistryPath(v.Registry, v.Repository, r => r.Error
                != null
                    ? throw new InvalidOperationException(r.Error.Status + " " + r.Error.Detail)
                : r.Data == null ? null
                : new RepositoryRow(
                    r.Data.Id,
                    r.Data.Registry,
                    r.Data.Repository,
                    r.Data.Published,
                    r.Data.VendorLabel,
                    r.Data.ReleaseCategories,
                    r.Data.AutoRebuildTags
                )));
}

/// <summary>The lambda's projection of RepositoryFields.</summary>
public sealed record RepositoryRow(
    string? Id,
    string? Registry,
    string? Repository,
    bool? Published,
    string? VendorLabel,
    IReadOnlyList<string?>? ReleaseCategories,
    IReadOnlyList<string?>? AutoRebuildTags
);
