using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pyxis.Emulator.Catalog;
using Pyxis.Emulator.Http;
using Pyxis.Emulator.Schema;

namespace Pyxis.Emulator;

/// <summary>
/// A Pyxis look-alike on loopback: GraphQL.NET executes the real Pyxis schema over a seeded catalog, behind
/// Kestrel. <c>await using var emulator = await PyxisEmulator.StartAsync();</c> then point a client at <see cref="Endpoint"/>.
/// </summary>
public sealed class PyxisEmulator : IAsyncDisposable
{
    /// <summary>The path Pyxis serves GraphQL on.</summary>
    public const string GraphQLPath = "/api/containers/graphql/";

    // Building the executable schema takes ~0.4 s; it depends only on the seed, and GraphQL.NET schemas are thread-safe once initialized.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int, int, int), Lazy<(SeedCatalog, GraphQL.Types.Schema)>> Schemas = new();

    private readonly WebApplication app;

    private PyxisEmulator(WebApplication app, Uri endpoint, SeedCatalog catalog, EmulatorStats stats)
    {
        this.app = app;
        Endpoint = endpoint;
        Catalog = catalog;
        Stats = stats;
    }

    /// <summary>The GraphQL endpoint, e.g. <c>http://127.0.0.1:41234/api/containers/graphql/</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>The data the emulator answers from.</summary>
    public SeedCatalog Catalog { get; }

    /// <summary>Request counters.</summary>
    public EmulatorStats Stats { get; }

    /// <summary>Starts the emulator on loopback and returns once it accepts connections.</summary>
    public static async Task<PyxisEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        var (catalog, schema) = Schemas.GetOrAdd((options.Seed, options.Repositories, options.ImagesPerRepository), static key => CreateSchema(key)).Value;
        var stats = new EmulatorStats();
        var endpoint = new GraphQLEndpoint(schema, options, stats);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Port, listen => UseTls(listen, options)));
        var app = builder.Build();
        app.MapPost(GraphQLPath, endpoint.HandleAsync);
        app.MapPost("/graphql", endpoint.HandleAsync);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new PyxisEmulator(app, new Uri(new Uri(address), GraphQLPath), catalog, stats);
    }

    private static void UseTls(ListenOptions listen, EmulatorOptions options)
    {
        if (options.ServerCertificate is not { } certificate)
        {
            return;
        }

        listen.UseHttps(https =>
        {
            https.ServerCertificate = certificate;
            if (options.ClientCertificateValidation is { } accept)
            {
                https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                https.ClientCertificateValidation = (client, _, _) => accept(client);
            }
        });
    }

    private static Lazy<(SeedCatalog, GraphQL.Types.Schema)> CreateSchema((int Seed, int Repositories, int Images) key) => new(() =>
    {
        var catalog = new SeedCatalog(key.Seed, key.Repositories, key.Images);
        return (catalog, PyxisSchemaFactory.Create(PyxisSchemaFactory.LoadSdl(), new RootResolvers(catalog)));
    });

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        // Answers in flight get half a second; a test server (or Ctrl+C) should not wait longer.
        using var grace = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        await app.StopAsync(grace.Token);
        await app.DisposeAsync();
    }
}
