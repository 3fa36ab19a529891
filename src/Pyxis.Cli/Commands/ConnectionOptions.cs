using System.CommandLine;
using Pyxis.Client;

namespace Pyxis.Cli.Commands;

/// <summary>How a command reaches Pyxis: endpoint, API key, client certificate. Shared by every command that calls it.</summary>
internal sealed class ConnectionOptions
{
    private readonly Option<Uri?> endpoint = UriOption.Create(
        "--endpoint",
        "The Pyxis GraphQL endpoint",
        PyxisClientOptions.DefaultEndpoint
    );
    private readonly Option<string?> apiKey = new("--api-key")
    {
        Description = "Sent as X-API-KEY (defaults to the PYXIS_API_KEY environment variable)",
    };
    private readonly Option<FileInfo?> certificate = new("--cert") { Description = "PEM client certificate for mutual TLS (with --key)" };
    private readonly Option<FileInfo?> key = new("--key") { Description = "PEM private key of --cert" };
    private readonly Option<int?> maxConnections = new("--max-connections")
    {
        Description = "Connections open to the endpoint at once (PyxisClientOptions.Limits.MaxConnectionsPerServer)",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(endpoint);
        command.Options.Add(apiKey);
        command.Options.Add(certificate);
        command.Options.Add(key);
        command.Options.Add(maxConnections);
    }

    /// <summary>The client options; settings that cannot work (a missing PEM file, --cert without --key) throw <see cref="ArgumentException"/> naming the problem.</summary>
    public PyxisClientOptions Read(ParseResult result)
    {
        var options = new PyxisClientOptions
        {
            Endpoint = result.GetValue(endpoint)!,
            ApiKey = result.GetValue(apiKey) ?? Environment.GetEnvironmentVariable("PYXIS_API_KEY"),
            Tls = { ClientCertificatePath = result.GetValue(certificate)?.FullName, ClientKeyPath = result.GetValue(key)?.FullName },
        };
        if (result.GetValue(maxConnections) is { } connections)
        {
            options.Limits.MaxConnectionsPerServer = connections;
        }

        options.Validate();
        return options;
    }
}
