using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Pyxis.Client.Lambdas;
using Pyxis.Client.SchemaCheck;
using Pyxis.Client.Transport;
using Pyxis.Emulator;

namespace Pyxis.Client.Tests;

/// <summary>The generated operation manifests (the package's curated operations, this project's own and its lambdas) name what is really sent.</summary>
public sealed class OperationManifestTests
{
    [Fact]
    public async Task Each_id_is_the_SHA_256_of_the_document_bytes_sent()
    {
        await using var emulator = await PyxisEmulator.StartAsync();
        var options = new PyxisClientOptions { Endpoint = emulator.Endpoint };
        var recorder = new BodyRecorder(ClientHandlerFactory.Create(options));
        using var http = new HttpClient(recorder);
        using var client = new PyxisClient(http, options);
        var seeded = emulator.Catalog.Repositories[3];
        var (registry, path) = ((string)seeded["registry"]!, (string)seeded["repository"]!);

        await client.GetRepositoryByRegistryPathAsync(registry, path);
        await client.FindRepositoriesAsync(pageSize: 2);
        await client.FindImagesAsync(pageSize: 2);
        await client.QueryAsync(new { Registry = registry, Path = path }, static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Path, r => r.Data!.Id)
        );

        var manifest = PyxisOperationManifest.All.Concat(Operations.PyxisOperationManifest.All).ToList();
        Assert.Equal(4, recorder.Sent.Count);
        foreach (var (name, query) in recorder.Sent)
        {
            var entry = Assert.Single(manifest, e => e.Name == name);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query))), entry.Id);
            Assert.Equal(query, entry.Document);
        }

        Assert.Contains(manifest, e => e.Kind == "lambda" && e.File.EndsWith("OperationManifestTests.cs", StringComparison.Ordinal));
        Assert.All(PyxisOperationManifest.All, e => Assert.Equal("operation", e.Kind));
    }

    [Fact]
    public void The_package_manifest_lists_every_curated_operation_once_at_its_file_and_line()
    {
        var root = Pyxis.Testing.RepositoryRoot.Path;
        foreach (var entry in PyxisOperationManifest.All)
        {
            var file = Path.GetFullPath(Path.Combine(root, "src/Pyxis.Client", entry.File));
            var line = File.ReadAllLines(file)[entry.Line - 1];
            Assert.Equal(entry.Name, line[(entry.Column - 1)..].Split('(', ' ', '{')[0]);
        }

        Assert.Equal(
            Directory
                .GetFiles(Path.Combine(root, "schema/operations"), "*.graphql")
                .Count(f => !f.EndsWith("Fragments.graphql", StringComparison.Ordinal)),
            PyxisOperationManifest.All.Count
        );
    }

    private sealed class BodyRecorder(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public ConcurrentQueue<(string Name, string Query)> Sent { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = JsonDocument.Parse(await request.Content!.ReadAsByteArrayAsync(cancellationToken)).RootElement;
            Sent.Enqueue((body.GetProperty("operationName").GetString()!, body.GetProperty("query").GetString()!));
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
