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

    // Building the executable schema takes ~0.4 s; GraphQL.NET schemas are thread-safe once initialized, and the catalog
    // travels with each request, so every emulator shares one.
    private static readonly Lazy<GraphQL.Types.Schema> Schema = new(() => PyxisSchemaFactory.Create(PyxisSchemaFactory.LoadSdl()));

    // Edited schemas (EmulatorOptions.Schema) are built once per text too, a few at most per test run.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<GraphQL.Types.Schema>> EditedSchemas = new(
        StringComparer.Ordinal
    );

    // Generated catalogs are shared too; each emulator gets a fork that copies on its first added record.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int, int, int), Lazy<SeedCatalog>> Catalogs = new();

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
        var catalog = Catalogs
            .GetOrAdd((options.Seed, options.Repositories, options.ImagesPerRepository), static key =>
                new(() => new SeedCatalog(key.Item1, key.Item2, key.Item3))
            )
            .Value.Fork();
        var stats = new EmulatorStats();
        var schema = options.Schema is { } sdl
            ? EditedSchemas.GetOrAdd(sdl, static text => new(() => PyxisSchemaFactory.Create(text))).Value
            : Schema.Value;
        var endpoint = new GraphQLEndpoint(schema, catalog, options, stats);

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

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        // Answers in flight get half a second; a test server (or Ctrl+C) should not wait longer.
        using var grace = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        await app.StopAsync(grace.Token);
        await app.DisposeAsync();
    }
}
