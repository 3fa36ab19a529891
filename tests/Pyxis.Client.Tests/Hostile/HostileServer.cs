using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pyxis.Client.Tests.Hostile;

/// <summary>
/// A misbehaving HTTP server on loopback: every request is answered by the test's own handler (redirects, floods,
/// lies, drips, resets), and every request it saw is recorded with its headers and body.
/// </summary>
internal sealed class HostileServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private HostileServer(WebApplication app, Uri endpoint)
    {
        this.app = app;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public ConcurrentQueue<SeenRequest> Seen { get; } = new();

    public int Requests => Seen.Count;

    public static async Task<HostileServer> StartAsync(Func<HttpContext, int, Task> answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Limits.MaxResponseBufferSize = null;
        });
        var app = builder.Build();
        HostileServer? server = null;
        app.Run(async http =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync(http.RequestAborted);
            var seen = new SeenRequest(
                http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body,
                http.Connection.Id
            );
            server!.Seen.Enqueue(seen);
            await answer(http, server.Seen.Count);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new HostileServer(app, new Uri(new Uri(address), "/graphql"));
        return server;
    }

    public static Task<HostileServer> AnsweringAsync(int status, string contentType, string body) =>
        StartAsync(
            async (http, _) =>
            {
                http.Response.StatusCode = status;
                http.Response.ContentType = contentType;
                await http.Response.WriteAsync(body);
            }
        );

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>Well-formed Pyxis answers the misbehaving servers send when they do answer.</summary>
internal static class Answers
{
    public const string Repository =
        "{\"_id\":\"r1\",\"registry\":\"quay.io\",\"repository\":\"ubi\",\"published\":true,\"vendor_label\":\"redhat\",\"release_categories\":[],\"auto_rebuild_tags\":[]}";

    /// <summary>A <c>get_repository_by_registry_path</c> answer carrying <paramref name="repository"/> in its envelope.</summary>
    public static string RepositoryLookup(string repository = Repository) =>
        "{\"data\":{\"get_repository_by_registry_path\":{\"data\":" + repository + ",\"error\":null}}}";
}

internal sealed record SeenRequest(IReadOnlyDictionary<string, string> Headers, string Body, string ConnectionId);
